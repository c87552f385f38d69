// Curation of the bundled 2024-25, 2025-26 and 2026-27 versions. No edition of the normaltariffen for
// these years was found (reference README-2.md: "Still not found"), so each version is the 2023-24
// version carried forward - every row marked `carriedFrom` and unverified, honorar and refusjon
// unknown (null) - plus what the reference data says about the year: the 1 July 2024 change of the
// evening e-consultation (2aef new for the fastlege, 2aek legevakt only) and the patient shares of
// clinic price lists for the year. Nothing here is an official figure; docs/tariff-data.md explains.

export const BASE_ID = 'fastlege-2023-2024';
/** The base version as people read it (notes and sources shown in the popup and settings). */
export const BASE_NAME = 'Normaltariffen 2023-24';

/** Patient shares (egenandel) per year: the reference's price-list book for that year, or none. */
export const YEARS = [
  { id: 'fastlege-2024-2025', year: '2024-2025', validFrom: '2024-07-01', validTo: '2025-06-30', label: 'Normaltariffen 2024-25, Takstvakts delvise data (fastlege)', egenBook: null },
  {
    id: 'fastlege-2025-2026', year: '2025-2026', validFrom: '2025-07-01', validTo: '2026-06-30', label: 'Normaltariffen 2025-26, Takstvakts delvise data (fastlege)',
    egenBook: 'Egenandel 2025-2026 (third-party clinic price list, valid 01.07.2025-30.06.2026)',
  },
  {
    id: 'fastlege-2026-2027', year: '2026-2027', validFrom: '2026-07-01', validTo: '2027-06-30', label: 'Normaltariffen 2026-27, Takstvakts delvise data (fastlege)',
    egenBook: 'Egenandel 2026-2027 (third-party clinic site config citing Legeforeningen takstplakat_2026_2027_fastlege.pdf)',
  },
];

/** What the reference says changed on 1 July 2024 (facts.json, conditions of 2aek and 2aef: Helfo news 2024). */
const JULY_2024 = {
  source: 'Helfo-nyhet 1. juli 2024, gjengitt i referansedataene (facts.json: vilkår for 2aek og 2aef)',
  url: null,
  year: '2024-2025',
  verified: false,
};

/** Rows added from 1 July 2024. `egenLike`: the patient share equals this code's (as the reference says). */
export const ADDED = [
  {
    code: '2aef', chapter: 'B', kind: 'consultation', timeClass: 'k',
    label: 'E-konsultasjon hos fastlege, kveld/natt/helg (fra 1. juli 2024)',
    labelEn: 'E-consultation at fastlege (evening variant from 1 July 2024)',
    deny: '1h, 1i', settings: ['fastlege'], eveningException: { settings: ['fastlege'], after: null },
    egenLike: '2ad',
    provenance: { ...JULY_2024, note: 'Fra 1. juli 2024 bruker fastlegen 2aef for e-konsultasjon om kvelden (egenandel som 2ad/2ae). Koden står også i kodeindeksen til dagens digitale utgave. Beløp og lister for året er ikke hentet.' },
    rulesProvenance: { source: 'Helfo: takstar og regelverk for legar (seed 004, udatert), avsnitt «Takst 2ae»', url: null, year: null, verified: false, note: 'Som for 2ae og 2aek: resept/henvisning etter e-konsultasjon er inkludert (ikke 1h/1i). Fastlegens egen kveldstakst, så den brukes uten legevakt innenfor D1-tidsrommet.' },
  },
];

/** Rows changed from 1 July 2024: fields replaced (undefined = removed). */
export const CHANGED = {
  '2aek': {
    label: 'E-konsultasjon på legevakt, kveld/natt/helg',
    labelEn: 'E-consultation at legevakt, evening/night/weekend',
    settings: ['legevakt'],
    eveningException: undefined,
    note: 'Fra 1. juli 2024 gjelder 2aek legevakt (normaltariffen.no: «e-konsultasjon på legevakt»); fastlegen bruker 2aef.',
  },
};

export const JULY_2024_PROVENANCE = JULY_2024;
