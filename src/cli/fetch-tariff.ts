// `takstvakt fetch-tariff --date YYYY-MM-DD --out <dir> [--source <url>]`: Helsedirektoratet's
// takstkoder for that date (fagområde LE) -> one tariff version file, through the same importer as
// import-tariff. Exit 2 with one line and nothing written on HTTP errors, time-outs, non-JSON, or an
// empty or malformed answer.
import { fetchTakstkoder, TAKSTKODER_ENDPOINTS, type FetchLike } from '../data/import/fetch';
import { lastOption, type ParsedArgs } from './args';
import { UsageError, type CliIO } from './io';
import { importMode, writeImported } from './import-tariff';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export async function runFetchTariff(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length) throw new UsageError(`fetch-tariff takes no file (got ${args.positionals[0]})`);
  const date = lastOption(args, 'date');
  if (!date || !DATE_RE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new UsageError('fetch-tariff needs --date YYYY-MM-DD');
  if (!lastOption(args, 'out')) throw new UsageError('fetch-tariff needs --out <dir>');
  importMode(args);
  const source = lastOption(args, 'source');
  const timeout = lastOption(args, 'timeout');
  const seconds = timeout === undefined ? 30 : Number(timeout);
  if (!(seconds > 0 && seconds <= 600)) throw new UsageError('--timeout must be seconds between 1 and 600');
  const fetchImpl: FetchLike = io.fetch ?? ((url, init) => fetch(url, init));
  const got = await fetchTakstkoder(source ? [source] : TAKSTKODER_ENDPOINTS, date, { fetch: fetchImpl, timeoutMs: seconds * 1000 });
  if (!got.ok) throw new UsageError(`fetch-tariff: ${got.error}; nothing written`);
  return writeImported(got.json, args, io, got.url, date);
}
