// Tariff versions the CLI validates against: the bundled ones plus any `--tariff <file>` written by
// `takstvakt import-tariff`. A bad file is refused with the field named.
import type { CompiledTariff, TariffVersion } from '../core/types';
import { describeZodError, shownValue } from '../core/bill';
import { TariffVersionSchema } from '../core/tariff/schema';
import { compileTariff } from '../core/tariff/compile';
import { withBundled } from '../data/index';
import { UsageError, type CliIO } from './io';

export function readJson(io: CliIO, path: string, what: string): unknown {
  const text = path === '-' ? io.readStdin() : io.readFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${what} ${path === '-' ? '(standard inn)' : shownValue(path)} er ikke gyldig JSON: ${(e as Error).message}`);
  }
}

export function loadTariffFile(io: CliIO, path: string): CompiledTariff {
  const parsed = TariffVersionSchema.safeParse(readJson(io, path, 'tariffilen'));
  if (!parsed.success) throw new UsageError(`tariffilen ${shownValue(path)}: ${describeZodError(parsed.error)}`);
  const compiled = compileTariff(parsed.data as TariffVersion);
  if (!compiled.ok) {
    const e = compiled.errors[0];
    throw new UsageError(`tariffilen ${shownValue(path)}: takst ${e?.code ?? '?'} ${e?.field ?? ''}: ${e?.message ?? 'ugyldig'}`);
  }
  return compiled.tariff;
}

/** Imported files first so they win over a bundled version with the same id. */
export function loadTariffs(io: CliIO, files: readonly string[]): CompiledTariff[] {
  return withBundled(files.map((f) => loadTariffFile(io, f)));
}
