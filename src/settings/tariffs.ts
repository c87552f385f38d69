// Imported tariff versions (official takstkoder files converted by src/data's importer) in
// storage.local: tariff data, never patient data. A version that does not validate or compile is refused.
import { describeZodError } from '../core/bill';
import { compileTariff } from '../core/tariff/compile';
import { TariffVersionSchema } from '../core/tariff/schema';
import type { CompiledTariff, TariffVersion } from '../core/types';
import type { StorageAreaLike } from './area';

export const IMPORTED_TARIFFS_KEY = 'tariffs:imported';
const MAX_IMPORTED = 10;

export type TariffSaveResult = { ok: true; id: string } | { ok: false; error: string };

export async function listImportedTariffs(local: StorageAreaLike): Promise<TariffVersion[]> {
  const got = await local.get(IMPORTED_TARIFFS_KEY);
  const list = got[IMPORTED_TARIFFS_KEY];
  if (!Array.isArray(list)) return [];
  // Re-validate what was stored: a version written by an older build may no longer fit the schema.
  return list.flatMap((v) => {
    const r = TariffVersionSchema.safeParse(v);
    return r.success ? [r.data as TariffVersion] : [];
  });
}

/** Stores a version (replacing one with the same id). On any error nothing is written. */
export async function addImportedTariff(local: StorageAreaLike, candidate: unknown): Promise<TariffSaveResult> {
  const parsed = TariffVersionSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const compiled = compileTariff(parsed.data as TariffVersion);
  if (!compiled.ok) {
    const e = compiled.errors[0];
    return { ok: false, error: `takster ${e?.code ?? '?'}.${e?.field ?? '?'}: ${e?.message ?? 'invalid'}` };
  }
  return storeCompiledTariff(local, compiled.tariff);
}

/** Stores a version that already passed the schema and compiled (the importer's result), without redoing either. */
export async function storeCompiledTariff(local: StorageAreaLike, tariff: CompiledTariff): Promise<TariffSaveResult> {
  const version = tariff.version;
  const others = (await listImportedTariffs(local)).filter((v) => v.id !== version.id);
  if (others.length >= MAX_IMPORTED) return { ok: false, error: `(root): at most ${MAX_IMPORTED} imported tariff versions; remove one first` };
  try {
    await local.set({ [IMPORTED_TARIFFS_KEY]: [...others, version] });
  } catch (e) {
    return { ok: false, error: `storage: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, id: version.id };
}

export async function removeImportedTariff(local: StorageAreaLike, id: string): Promise<void> {
  const list = await listImportedTariffs(local);
  await local.set({ [IMPORTED_TARIFFS_KEY]: list.filter((v) => v.id !== id) });
}
