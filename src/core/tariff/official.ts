// Whether a tariff version is official data (Helsedirektoratet's takstkoder, fetched or imported),
// and its tariff years in words. Bundled versions are assembled from secondary sources and say so
// with `source.verified: false`; the importer marks the official source `verified: true`.
import type { TariffRef, TariffVersion } from '../types';

export function isOfficialVersion(v: TariffVersion): boolean {
  return v.source.verified;
}

/** "2023-07-01".."2024-06-30" -> "2023-24"; a version spanning other dates -> "2023-07-01 – 2024-03-31". */
export function tariffYears(ref: Pick<TariffRef, 'validFrom' | 'validTo'>): string {
  const from = ref.validFrom.slice(0, 4);
  const to = ref.validTo.slice(0, 4);
  if (ref.validFrom.slice(4) === '-07-01' && ref.validTo.slice(4) === '-06-30' && Number(to) === Number(from) + 1) return `${from}-${to.slice(2)}`;
  return `${ref.validFrom} – ${ref.validTo}`;
}
