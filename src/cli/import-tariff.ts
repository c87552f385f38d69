// `takstvakt import-tariff <file> --out <dir>`: official takstkoder JSON -> a tariff version file.
// All-or-nothing: any bad row is reported with its code and field, and nothing is written.
// `--merge` (default) keeps the rows of the version in use that the file lacks, marked as carried;
// `--replace` drops them. Either way a summary says how much of that version the file covers.
import { serializeTariff } from '../data/import/takstkoder';
import type { ImportMode } from '../data/import/merge';
import { coverageLine, prepareImport } from '../data/import/prepare';
import { lastOption, type ParsedArgs } from './args';
import { EXIT_OK, UsageError, type CliIO } from './io';
import { loadTariffs, readJson } from './tariffs';

export function importMode(args: ParsedArgs): ImportMode {
  const merge = args.options.has('merge');
  const replace = args.options.has('replace');
  if (merge && replace) throw new UsageError('give --merge or --replace, not both');
  return replace ? 'replace' : 'merge';
}

/** Imports parsed takstkoder JSON and writes `<out>/<id>.json`; throws a UsageError (nothing written) on any error. */
export function writeImported(json: unknown, args: ParsedArgs, io: CliIO, what: string, asOf?: string): number {
  const out = lastOption(args, 'out');
  if (!out) throw new UsageError('needs --out <dir>');
  const id = lastOption(args, 'id');
  const mode = importMode(args);
  const loaded = loadTariffs(io, args.options.get('tariff') ?? []);
  const result = prepareImport(json, { mode, loaded, ...(id ? { id } : {}), ...(asOf ? { asOf } : {}) });
  if (!result.ok) {
    const lines = result.errors.map((e) => `  row ${e.row}${e.code ? ` (${e.code})` : ''}: ${e.field}: ${e.message}`);
    throw new UsageError(`${what}: ${result.errors.length} bad row(s), nothing written\n${lines.join('\n')}`);
  }
  const path = `${out.replace(/\/+$/, '')}/${result.version.id}.json`;
  io.mkdirp(out);
  io.writeFile(path, serializeTariff(result.version));
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  io.stdout(`${path}: ${result.version.takster.length} takster, ${result.version.validFrom} – ${result.version.validTo}\n`);
  io.stdout(`${coverageLine(result, mode)}\n`);
  return EXIT_OK;
}

export function runImportTariff(args: ParsedArgs, io: CliIO): number {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError('import-tariff takes one takstkoder JSON file');
  if (!lastOption(args, 'out')) throw new UsageError('import-tariff needs --out <dir>');
  return writeImported(readJson(io, file, 'takstkoder-filen'), args, io, file);
}
