// Whether a tariff version is official data (Helsedirektoratet's takstkoder, fetched or imported).
// One source of truth: the version's `official` flag, set by the importer (bundled versions are
// assembled from secondary sources and leave it false); compiled, it is `ref.official` in a report.
import type { TariffVersion } from '../types';

export function isOfficialVersion(v: TariffVersion): boolean {
  return v.official === true;
}
