// The annual cap on patient shares (egenandelstak, NOK per calendar year), as data with provenance.
// Past the cap the patient gets a frikort; the validator and UI use it for information only.
import type { Provenance } from '../core/types';

export interface EgenandelstakEntry {
  year: number;
  amount: number;
  provenance: Provenance;
}

const REFERENCE: Provenance = {
  source: 'Takstvakt reference notes (tariff/README.md, "Egenandelstak"); original source not named there',
  url: null,
  year: null,
  verified: false,
};

function fromReference(year: number, amount: number, note?: string): EgenandelstakEntry {
  return { year, amount, provenance: { ...REFERENCE, year: String(year), ...(note ? { note } : {}) } };
}

/** Known caps, oldest first. 2021 is missing: no source we hold gives it. */
export const EGENANDELSTAK: readonly EgenandelstakEntry[] = [
  fromReference(2019, 2369),
  fromReference(2020, 2460),
  fromReference(2022, 2921),
  fromReference(2023, 3040),
  {
    year: 2024,
    amount: 3165,
    provenance: {
      source: 'Helfo: Eigendel for laboratorium og røntgeninstitutt (engelsk utgåve, oppdatert 1. januar 2024)',
      url: null, // the Helfo text names no address
      year: '2024',
      verified: true,
      note: 'Helfo: «The maximum user fee for 2024 is NOK 3165.»',
    },
  },
  fromReference(2025, 3278, 'Marked unverified in the reference notes.'),
];

/** The cap for a calendar year, or null when no source gives it (never a guess). */
export function egenandelstak(year: number): EgenandelstakEntry | null {
  return EGENANDELSTAK.find((e) => e.year === year) ?? null;
}
