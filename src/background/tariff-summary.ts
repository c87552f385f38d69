// A compiled tariff as the UI lists it, and lookup of a loaded version by id.
import type { CompiledTariff } from '../core/types';
import { bundledCompiled } from '../data/index';
import type { Response } from '../messages';
import type { BackgroundContext } from './context';
import { availableTariffs } from './tariffs';

export type TariffSummary = Response<'ui:tariffs'>['versions'][number];

export function tariffSummary(t: CompiledTariff): TariffSummary {
  const v = t.version;
  return {
    id: t.ref.id,
    label: v.label,
    validFrom: t.ref.validFrom,
    validTo: t.ref.validTo,
    source: { source: v.source.source, url: v.source.url, year: v.source.year, verified: v.source.verified, ...(v.source.note ? { note: v.source.note } : {}) },
    // Imported versions win over a bundled one with the same id, so identity tells which one this is.
    bundled: bundledCompiled().includes(t),
    takstCount: t.byKey.size,
  };
}

export async function findTariff(ctx: BackgroundContext, id: string): Promise<{ tariff: CompiledTariff; all: readonly CompiledTariff[] }> {
  const all = await availableTariffs(ctx.api.storage.local);
  const tariff = all.find((t) => t.ref.id === id);
  if (!tariff) throw new Error(`tariffId: no loaded tariff version ${id}`);
  return { tariff, all };
}
