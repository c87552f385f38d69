// `takstvakt import-tariff <file> --out <dir>`: official takstkoder JSON -> a tariff version file.
// All-or-nothing: any bad row is reported with its code and field, and nothing is written.
import { importTakstkoder, serializeTariff } from '../data/import/takstkoder';
import { BUNDLED_TARIFFS } from '../data/index';
import { lastOption, type ParsedArgs } from './args';
import { EXIT_OK, UsageError, type CliIO } from './io';
import { readJson } from './tariffs';

export function runImportTariff(args: ParsedArgs, io: CliIO): number {
  const file = args.positionals[0];
  const out = lastOption(args, 'out');
  if (!file || args.positionals.length > 1) throw new UsageError('import-tariff takes one takstkoder JSON file');
  if (!out) throw new UsageError('import-tariff needs --out <dir>');
  const id = lastOption(args, 'id');
  // The newest bundled version lends the rule data the official API lacks (allow lists per setting, ages ...).
  const base = BUNDLED_TARIFFS[BUNDLED_TARIFFS.length - 1];
  const result = importTakstkoder(readJson(io, file, 'takstkoder-filen'), { ...(id ? { id } : {}), ...(base ? { base } : {}) });
  if (!result.ok) {
    const lines = result.errors.map((e) => `  row ${e.row}${e.code ? ` (${e.code})` : ''}: ${e.field}: ${e.message}`);
    throw new UsageError(`${file}: ${result.errors.length} bad row(s), nothing written\n${lines.join('\n')}`);
  }
  const path = `${out.replace(/\/+$/, '')}/${result.version.id}.json`;
  io.mkdirp(out);
  io.writeFile(path, serializeTariff(result.version));
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  io.stdout(`${path}: ${result.version.takster.length} takster, ${result.version.validFrom} – ${result.version.validTo}\n`);
  return EXIT_OK;
}
