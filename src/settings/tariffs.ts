// Imported tariff versions (official takstkoder files converted by src/data's importer) in
// storage.local: tariff data, never patient data. A version that does not validate or compile is refused.
import { describeZodError } from '../core/bill';
import { compileTariff } from '../core/tariff/compile';
import { TariffVersionSchema } from '../core/tariff/schema';
import type { CompiledTariff, TariffVersion } from '../core/types';
import type { StorageAreaLike } from './area';

export const IMPORTED_TARIFFS_KEY = 'tariffs:imported';
const MAX_IMPORTED = 10;
/** chrome.storage.local's quota without the unlimitedStorage permission (bytes); areas that state their own (QUOTA_BYTES) win. */
export const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

type AreaWithQuota = StorageAreaLike & { QUOTA_BYTES?: number; getBytesInUse?: (keys?: string | string[] | null) => Promise<number> };

/** UTF-8 bytes of a string, counted by hand: TextEncoder is missing in some test DOMs. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes an item takes as Chrome counts them: the key plus the JSON of the value, in UTF-8. */
export function storedBytes(key: string, value: unknown): number {
  // Counted part by part, never over `key + json`: V8 may leave that concatenation unflattened when the
  // heap is tight and then re-flatten it on every charCodeAt (seen: a 190 kB count taking minutes).
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

/** What the rest of storage.local uses (0 where the area cannot say, e.g. older Firefox). */
async function bytesOfOthers(area: AreaWithQuota): Promise<number> {
  if (typeof area.getBytesInUse !== 'function') return 0;
  try {
    return Math.max(0, (await area.getBytesInUse(null)) - (await area.getBytesInUse(IMPORTED_TARIFFS_KEY)));
  } catch {
    return 0;
  }
}

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
  const next = [...others, version];
  // Refuse before writing: a write over the quota fails in the browser and could leave a half state.
  const area = local as AreaWithQuota;
  const quota = typeof area.QUOTA_BYTES === 'number' ? area.QUOTA_BYTES : LOCAL_QUOTA_BYTES;
  const need = storedBytes(IMPORTED_TARIFFS_KEY, next) + (await bytesOfOthers(area));
  if (need > quota) {
    const kb = (n: number) => Math.ceil(n / 1024);
    return { ok: false, error: `(root): the tariff versions would need ${kb(need)} KB of browser storage, over the quota of ${kb(quota)} KB; remove an imported version first` };
  }
  try {
    await local.set({ [IMPORTED_TARIFFS_KEY]: next });
  } catch (e) {
    return { ok: false, error: `storage: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, id: version.id };
}

export async function removeImportedTariff(local: StorageAreaLike, id: string): Promise<void> {
  const list = await listImportedTariffs(local);
  await local.set({ [IMPORTED_TARIFFS_KEY]: list.filter((v) => v.id !== id) });
}
