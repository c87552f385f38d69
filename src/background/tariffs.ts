// Tariff versions for validation: bundled plus imported (storage.local), compiled once per worker
// lifetime and recompiled only when the imported list changes. Imported versions win over a bundled
// version with the same id.
import { compileTariff } from '../core/tariff/compile';
import type { CompiledTariff } from '../core/types';
import { withBundled } from '../data/index';
import type { StorageAreaLike } from '../settings/area';
import { listImportedTariffs } from '../settings/tariffs';

let cache: readonly CompiledTariff[] | null = null;

/** Forget compiled imports (storage.onChanged on the imported list). */
export function invalidateTariffs(): void {
  cache = null;
}

export async function availableTariffs(local: StorageAreaLike): Promise<readonly CompiledTariff[]> {
  if (cache) return cache;
  const imported = await listImportedTariffs(local);
  const compiled = imported.flatMap((v) => {
    const r = compileTariff(v);
    return r.ok ? [r.tariff] : [];
  });
  cache = withBundled(compiled);
  return cache;
}

/** The clinic's choice: `by-date` lets the validator pick by the bill's date; an id pins that version. */
export function chooseTariffs(all: readonly CompiledTariff[], active: string): readonly CompiledTariff[] {
  if (active === 'by-date') return all;
  const pinned = all.filter((t) => t.ref.id === active);
  // A pinned id that is gone (imported file removed) falls back to choosing by date.
  return pinned.length ? pinned : all;
}
