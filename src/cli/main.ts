// `takstvakt` command line: check, explain, import-tariff, fetch-tariff. Exit 0 ok, 1 error findings, 2 bad input.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { isLocale } from '../core/i18n';
import type { Locale } from '../core/types';
import { lastOption, parseArgs } from './args';
import { runCheck } from './check';
import { runExplain } from './explain';
import { runFetchTariff } from './fetch-tariff';
import { runImportTariff } from './import-tariff';
import { EXIT_BAD_INPUT, UsageError, type CliIO } from './io';
import { shownValue } from '../core/bill';
import { safeLines } from './safe-text';

export const USAGE = `takstvakt - kontroll av takster mot normaltariffen

  takstvakt check [fil|-] [--format json|text] [--locale nb|nn|en] [--tariff fil.json]... [--now YYYY-MM-DDTHH:MM]
  takstvakt explain <takst> [--date YYYY-MM-DD] [--format text|json] [--locale nb|nn|en] [--tariff fil.json]...
  takstvakt import-tariff <takstkoder.json> --out <mappe> [--id <id>] [--merge|--replace] [--tariff tidligere.json]...
  takstvakt fetch-tariff --date YYYY-MM-DD --out <mappe> [--source <url>] [--timeout <sekunder>] [--merge|--replace] [--tariff tidligere.json]...

Exit: 0 = ingen feil, 1 = feil funnet, 2 = ugyldig input.
`;

const VALUE_OPTIONS = ['format', 'locale', 'tariff', 'now', 'date', 'out', 'id', 'source', 'timeout'];
const FLAGS = ['help', 'h', 'merge', 'replace'];

/** Prints a failure as one line (exit 2); internal errors say so. */
function fail(io: CliIO, e: unknown): number {
  const msg = e instanceof UsageError ? e.message : `intern feil: ${e instanceof Error ? e.message : String(e)}`;
  io.stderr(`takstvakt: ${safeLines(msg)}\n`);
  return EXIT_BAD_INPUT;
}

/** Synchronous for every command but fetch-tariff, which waits for the network. */
export function runCli(argv: readonly string[], io: CliIO): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command ? 0 : EXIT_BAD_INPUT;
    }
    const args = parseArgs(rest, VALUE_OPTIONS, FLAGS);
    if (args.options.has('help') || args.options.has('h')) {
      io.stdout(USAGE);
      return 0;
    }
    const loc = lastOption(args, 'locale') ?? 'nb';
    if (!isLocale(loc)) throw new UsageError(`--locale må være nb, nn eller en (fikk ${shownValue(loc)})`);
    const locale: Locale = loc;
    switch (command) {
      case 'check':
        return runCheck(args, io, locale);
      case 'explain':
        return runExplain(args, io, locale);
      case 'import-tariff':
        return runImportTariff(args, io);
      case 'fetch-tariff':
        return runFetchTariff(args, io).catch((e: unknown) => fail(io, e));
      default:
        throw new UsageError(`ukjent kommando ${shownValue(command)}; se takstvakt --help`);
    }
  } catch (e) {
    // One clear line for the user; internal errors also exit 2 but say so.
    return fail(io, e);
  }
}

export const nodeIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch (e) {
      throw new UsageError(`kan ikke lese ${shownValue(p)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  },
  readStdin: () => {
    try {
      return readFileSync(0, 'utf8');
    } catch {
      throw new UsageError('kan ikke lese regningen fra standard inn');
    }
  },
  writeFile: (p, d) => writeFileSync(p, d),
  mkdirp: (p) => {
    mkdirSync(p, { recursive: true });
  },
};
