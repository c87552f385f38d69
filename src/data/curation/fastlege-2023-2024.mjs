// Curation of the bundled 2023-2024 fastlege tariff: which codes it holds, our Norwegian labels, and
// every rule that does not come straight from a tariff row in src/data/reference/facts.json.
// scripts/build-tariff.mjs merges this with facts.json and merknader.json into
// src/data/tariffs/fastlege-2023-2024.json. Each rule here names its source (`why`).
// Decisions on conflicting sources are explained in docs/tariff-data.md.

/** The Helfo text the product was specified from (seeds/004, nynorsk/bokmål, undated). */
export const SEED = 'Helfo: Takstar og regelverk for legar (udatert)';
/** The English Helfo seed (seeds/000), updated 1 January 2024. */
export const SEED_EN = 'Helfo: Eigendel for laboratorium og røntgeninstitutt (engelsk utgåve, 2024)';

export const VERSION = {
  id: 'fastlege-2023-2024',
  label: 'Normaltariffen 2023-24, Takstvakts delvise data (fastlege)',
  validFrom: '2023-07-01',
  validTo: '2024-06-30',
  year: '2023-2024',
  book: 'Fastlegetariffen-2023-2024',
  url: 'https://normaltariffen.legeforeningen.no/book/Fastlegetariffen-2023-2024',
};

/** Sources that give amounts valid for 2023-2024; no other figure is used (docs/tariff-data.md). */
export const AMOUNT_BOOKS = ['Fastlegetariffen-2023-2024', 'Spesialisttariffen-2023-2024'];
export const EGEN_PRICE_LIST = 'Egenandel 2023-2024 (third-party clinic price lists)';

/**
 * Where rules (rep, merknader, deny/allow lists) are taken from, best first: the 2023-24 edition,
 * the unversioned page the reference treats as the 2023-24 list (2ad, 2ae, 2ak, 2aek, 2bd), then
 * older editions. A rule taken from anything but the first is marked in fieldProvenance.rules.
 */
export const RULE_BOOKS = [
  'Fastlegetariffen-2023-2024',
  'Spesialisttariffen-2023-2024',
  'Spesialisttariffen (unversioned URL; amounts match the 2022-2023 egenandel level)',
  'Fastlegetariffen-2021',
  'Fastlegetariffen-2020',
  'Fastlegetariffen-2019-XML-c',
  'Spesialisttariffen-2020',
  'Spesialisttariffen-2019-XML-a',
  'normaltariff.xsp legacy site (tariff year not stated)',
  'Takster fra 1. juli 2015 (third-party docplayer copy)',
];

const SPECIALIST_ONLY_K = { specialistOnly: true, settings: ['spesialist'], why: { facts: 'Spesialisttariffen-2023-2024', note: 'Særskilte kirurgitakster: bare for lege med driftsavtale med RHF (merknad til kapittel E).' } };
/** ICPC-2 disease components (70-99) of every chapter that has them (Z has none). */
const ICPC2_DISEASES = [...'ABDFHKLNPRSTUWXY'].map((c) => `${c}70-${c}99`);

/**
 * Which diagnoses justify a takst ("må gå fram av diagnose"); our coding of the seed's words, each
 * reading explained in docs/rules/diagnosis-indication.md. ICPC-2 for primary care, ICD-10 for specialists.
 */
const INDICATIONS = {
  // «Det er eit vilkår for å krevje taksten at pasienten har ei psykisk liding»
  615: { text: 'psykisk lidelse (ICPC-2 P70–P99, ICD-10 kapittel F)', icpc2: ['P70-P99'], icd10: ['F'] },
  // «pasient med psykiatrisk eller nevrologisk sjukdom, kronisk alvorleg sjukdom, terminal sjukdom eller
  // rusmiddelproblem, eller ... barn med psykisk utviklingshemming»: a disease diagnosis (70-99) or a
  // substance problem coded as a P symptom (P15, P16, P18, P19); in ICD-10 anything but R and Z.
  '612a': {
    text: 'alvorlig, kronisk, terminal, psykiatrisk eller nevrologisk sykdom, rusmiddelproblem eller psykisk utviklingshemming (en sykdomsdiagnose)',
    icpc2: [...ICPC2_DISEASES, 'P15', 'P16', 'P18', 'P19'],
    icd10: ['A00-Q99', 'S00-T98'],
  },
  // «skoleproblem, mobbing, åtferdsvanskar, innvandrar/flyktningfamilie, søvnproblem, enurese/enkoprese,
  // atopiske sykdommar, sjukleg overvekt og anoreksi»
  '612b': {
    text: 'skoleproblem, mobbing, atferdsvansker, innvandrer-/flyktningfamilie, søvnproblem, enurese/enkoprese, atopisk sykdom, sykelig overvekt eller anoreksi',
    icpc2: ['P06', 'P12', 'P13', 'P22', 'P23', 'P24', 'P81', 'P86', 'T82', 'T83', 'S87', 'R96', 'R97', 'F71', 'A12', 'Z04', 'Z07', 'Z16', 'Z24', 'Z25', 'Z29'],
    icd10: ['F50', 'F51', 'F81', 'F90-F98', 'G47', 'L20', 'J30', 'J45', 'E66', 'Z55', 'Z60'],
  },
};

const TEN_PROCEDURES = ['100', '105', '106a', '125b', '127a', '128a', '128c', '129a', '149a', '501', '506', '507c', '507d', '510c', '510d'];

/**
 * One entry per code. Fields:
 * - code, kind, label (nb, our words), labelEn; chapter when facts.json lacks the code;
 * - timeClass: from the d/k letter (merknad LEGEND-D/K) unless stated;
 * - rules: overrides with `why` = { seed: '<section>' } | { facts: '<book>', note } | { merknad: 'F1' };
 * - onlyIn: the code is named by a source but not billable in this version (see replacedBy/exclusions).
 */
export const ENTRIES = [
  // --- A. Enkle pasientkontakter ---
  { code: '1ad', kind: 'contact', timeClass: 'd', label: 'Enkel pasientkontakt ved oppmøte eller bud, dagtid' },
  {
    code: '1ad2', kind: 'contact', timeClass: 'd', label: 'Prøvetaking for ekstern rekvirent uten samtidig råd eller veiledning',
    rules: { why: { seed: 'Takst 1ad2', note: 'Helfo-veiledningen siterer forskriftsteksten og listen «Alle unntatt 701a t.o.m. 712» som gjeldende.' } },
  },
  { code: '1ak', kind: 'contact', timeClass: 'k', label: 'Enkel pasientkontakt ved oppmøte eller bud, kveld/natt/helg' },
  { code: '1bd', kind: 'contact', timeClass: 'd', label: 'Enkel pasientkontakt per telefon, brev eller elektronisk, dagtid' },
  {
    code: '1be', kind: 'contact', timeClass: null, label: 'Enkel pasientkontakt ved sikker elektronisk kommunikasjon (slått sammen med 1bd fra 1. juli 2022)',
    replacedBy: '1bd',
    rules: { why: { seed: 'Takst 1be', note: 'Helfo-veiledningen beskriver 1be (ikke med andre takster); facts.json: utgått 1. juli 2022 og slått sammen med 1bd.' } },
  },
  {
    code: '1bk', kind: 'contact', timeClass: 'k', label: 'Enkel pasientkontakt per telefon, brev eller elektronisk, kveld/natt/helg',
    rules: { prescriptionCode: '1i', why: { seed: 'Takst 1bk', note: '«På legevakt eller kveld skal alltid 1i benyttes fremfor 1bk, selv om det både blir gitt råd og skrevet ut resept.»' } },
  },
  { code: '1e', kind: 'contact', timeClass: null, label: 'Hb, SR, leukocytter og urinmikroskopi (tatt og analysert) uten konsultasjon' },
  { code: '1f', kind: 'contact', timeClass: null, label: 'Telefon eller skriftlig kontakt om en pasient med fysioterapeut, kiropraktor, kommunale tjenester, NAV, apotek eller pedagogisk personell' },
  {
    code: '1g', kind: 'contact', timeClass: null, label: 'Enkel pasientkontakt per telefon mellom kl. 23 og 08 på legevakt uten tilstedevakt',
    rules: {
      settings: ['legevakt'], onCall: ['home'], clock: { from: '23:00', to: '08:00' },
      why: { seed: 'Takst 1g', note: 'Bare 23–08, bare direkte kontakt med pasient/pårørende, bare på legevakt uten tilstedevakt.' },
    },
  },
  { code: '1h', kind: 'contact', timeClass: null, chapter: 'A', label: 'Sykmelding når pasienten er forhindret fra å oppsøke lege, eller henvisning til røntgen, fysioterapi eller spesialist, uten konsultasjon' },
  {
    code: '1i', kind: 'contact', timeClass: null, label: 'E-resept utenfor konsultasjon',
    rules: {
      deny: '1h, 2a, 2fk, 11a',
      why: { seed: 'Takst 1i', note: 'Reseptskriving hører inn under konsultasjonstaksten, så 1i kan ikke kreves sammen med konsultasjon eller sykebesøk (2ad, 2ak, 2ae, 2aek, 2fk, 11ad, 11ak). Ikke sammen med 1h: «enten takst 1i eller takst 1h», «berre bruke ein kontakttakst». Listen er skrevet av oss ut fra Helfo-veiledningen.' },
    },
  },
  { code: '1k', kind: 'contact', timeClass: null, label: 'Enkel kontakt (beslutningsstøtte); innholdet er ikke hentet' },

  // --- B. Konsultasjoner og sykebesøk ---
  {
    code: '2ad', kind: 'consultation', timeClass: 'd', label: 'Konsultasjon hos allmennlege, dagtid',
    rules: { settings: ['fastlege', 'legevakt'], why: { seed: 'Takst 2ad', note: 'Kan bare brukes i allmennpraksis og på legevakt, ikke i spesialistpraksis.' } },
  },
  {
    code: '2ae', kind: 'consultation', timeClass: 'd', label: 'E-konsultasjon hos fastlege eller legevakt, dagtid',
    rules: {
      deny: '1h, 1i', who: { notTurnus: true },
      why: { seed: 'Takst 2ae', note: '«Turnuslege kan ikkje krevje takst 2ae.» Helfo-veiledningen: resept eller henvisning etter e-konsultasjon er inkludert, så 1i/1h kan ikke kreves i tillegg. Helfo-veiledningens «ikke med tidstakster, laboratorieprøver eller prosedyrer» er IKKE brukt: 2023–24-listen «kan kun kombineres med» gjelder for dette tariffåret (docs/tariff-data.md).' },
    },
  },
  {
    code: '2aek', kind: 'consultation', timeClass: 'k', label: 'E-konsultasjon hos fastlege eller legevakt, kveld/natt/helg',
    rules: {
      deny: '1h, 1i', eveningException: { settings: ['fastlege'], after: null },
      why: { seed: 'Takst 2ae', note: 'Som for 2ae: resept/henvisning er inkludert. I 2023–2024 er 2aek også fastlegens e-konsultasjon etter kl. 16 og i helgene (facts.json, Hdir-statistikk), så fastlegen kan bruke den uten legevakt. Fra 1. juli 2024 bruker fastlegen 2aef om kvelden; 2aek gjelder da legevakt.' },
    },
  },
  { code: '2ak', kind: 'consultation', timeClass: 'k', label: 'Konsultasjon hos allmennlege, kveld/natt/helg' },
  { code: '2bd', kind: 'supplement', timeClass: 'd', label: 'Tillegg for pasient som ikke er på fastlegeordningen' },
  {
    code: '2cd', kind: 'supplement', timeClass: 'd', label: 'Tidstillegg ved konsultasjon over 20 minutter, per påbegynte 15 minutter, dagtid',
    rules: {
      repetition: { kind: 'unlimited' }, requiresAnyOf: ['2ad', '2ak', '2ae'],
      durationSteps: { over: 20, per: 15 }, who: { doctorOnly: true },
      why: { seed: 'Takst 2cd', note: 'Tillegg til konsultasjonstaksten, repeteres per påbegynte 15 minutter utover 20; bare legens direkte kontakt med pasienten (merknad B1: ikke arbeid utført av hjelpepersonell alene). 2ae er tatt med fordi 2023–24-listen for 2ae tillater 2cd.' },
    },
  },
  { code: '2cdd', kind: 'supplement', timeClass: 'd', label: 'Tidstillegg ved konsultasjon for spesialist i allmennmedisin, dagtid' },
  { code: '2ck', kind: 'supplement', timeClass: 'k', label: 'Tidstillegg ved konsultasjon, kveld/natt/helg' },
  {
    code: '2dd', kind: 'supplement', timeClass: 'd', label: 'Tillegg for spesialist i allmennmedisin ved konsultasjon, dagtid',
    rules: { who: { specialistGP: true }, why: { seed: 'Takst 2ae', note: '«Dersom du er spesialist i allmennmedisin, kan du i tillegg krevje takst 2dd.»' } },
  },
  { code: '2dk', kind: 'supplement', timeClass: 'k', label: 'Tillegg for spesialist i allmennmedisin ved konsultasjon, kveld/natt/helg' },
  { code: '2ed', kind: 'consultation', timeClass: 'd', label: 'Gruppebehandling, per pasient' },
  { code: '2ee', kind: 'supplement', timeClass: null, label: 'Tilleggstid per pasient ved gruppebehandling' },
  {
    code: '2fk', kind: 'consultation', timeClass: 'k', label: 'Konsultasjon med utrykning fra hjemmet til legevaktkontoret, første pasient',
    rules: {
      settings: ['legevakt'], merknader: ['D1'], onCall: ['home'], dayCode: '2ad', deny: '2ak',
      why: { seed: 'Takst 2fk – konsultasjon for første pasient på legevakt', note: 'Ikke ved tilstedevakt, ikke før kl. 16 på hverdager («jamfør merknad D1»); 2ak for de neste pasientene, så 2fk og 2ak aldri for samme pasient (samme regning).' },
    },
  },
  { code: '2gd', kind: 'other', timeClass: 'd', label: 'Fornyet vurdering med skriftlig rapport' },
  { code: '2hd', kind: 'supplement', timeClass: 'd', label: 'Tillegg for pasient som står på en annen fastleges liste' },
  { code: '2kd', kind: 'supplement', timeClass: 'd', label: 'Registrering av opplysninger i kjernejournalen' },
  { code: '2ld', kind: 'supplement', timeClass: 'd', label: 'Systematisk legemiddelgjennomgang' },
  { code: '2nk', kind: 'consultation', timeClass: 'k', label: 'Utrykning til kontoret mellom kl. 23 og 08 utenom legevakt' },
  { code: '2p', kind: 'supplement', timeClass: null, label: 'Tillegg ved konsultasjon (innhold ikke hentet)' },
  { code: '3ad', kind: 'consultation', timeClass: 'd', label: 'Konsultasjon hos spesialist' },
  { code: '3ae', kind: 'consultation', timeClass: 'd', label: 'E-konsultasjon hos spesialist' },
  { code: '3bd', kind: 'supplement', timeClass: 'd', label: 'Tidstillegg hos spesialist' },
  { code: '3c', kind: 'supplement', timeClass: null, label: 'Tillegg hos spesialist (innhold ikke hentet)' },
  { code: '4a1', kind: 'supplement', timeClass: null, label: 'Tillegg for full undersøkelse hos spesialist (4a1)' },
  { code: '4b1', kind: 'supplement', timeClass: null, label: 'Tillegg for full undersøkelse hos spesialist (4b1)' },
  { code: '4c1', kind: 'supplement', timeClass: null, label: 'Tillegg for full undersøkelse hos spesialist (4c1)' },
  { code: '4c2', kind: 'supplement', timeClass: null, label: 'Tillegg for full undersøkelse hos spesialist (4c2)' },
  { code: '4da', kind: 'other', timeClass: null, label: 'Genetisk veiledning (4da)' },
  { code: '4db', kind: 'other', timeClass: null, label: 'Genetisk veiledning (4db)' },
  { code: '4e', kind: 'other', timeClass: null, label: 'Førstegangsundersøkelse (innhold ikke hentet)' },
  { code: '6a', kind: 'other', timeClass: null, label: 'Systematisk risikovurdering (innhold ikke hentet)' },
  { code: '6ad', kind: 'supplement', timeClass: 'd', label: 'Tillegg for spesialist (6ad, innhold ikke hentet)' },
  { code: '6b', kind: 'supplement', timeClass: null, label: 'Tidstillegg (6b, innhold ikke hentet)' },
  { code: '7', kind: 'supplement', timeClass: null, label: 'Tillegg ved undersøkelse med tolk' },
  { code: '8', kind: 'other', timeClass: null, label: 'Ekspedisjonsgebyr' },
  ...['a', 'b', 'c', 'd'].map((g, i) => ({
    code: `10${g}`, kind: 'material', timeClass: null, label: `Forbruksmateriell, gruppe ${i + 1}`,
    rules: {
      requiresAnyOf: TEN_PROCEDURES,
      why: { seed: 'Takst 10 og merknad B5', note: 'Helfo-veiledningen: bare ved prosedyrene som er listet i 10-takstene. Den listen har vi ikke; vi krever derfor minst én av prosedyretakstene vi kjenner (100, 105, 106a, 125b, 127a, 128a, 128c, 129a, 149a, 501, 506, 507c, 507d, 510c, 510d).' },
    },
  })),
  { code: '11ad', kind: 'home-visit', timeClass: 'd', label: 'Sykebesøk av allmennlege, dagtid' },
  {
    code: '11ak', kind: 'home-visit', timeClass: 'k', label: 'Sykebesøk av allmennlege, kveld/natt/helg',
    rules: { eveningException: { settings: ['fastlege'], after: '16:00' }, why: { seed: 'Korrekt bruk av kveldstakstar', note: 'Fastlegen kan bruke 11ak ved planlagte sykebesøk til egne, kronisk, alvorlig syke pasienter etter kl. 16.' } },
  },
  { code: '11bd', kind: 'supplement', timeClass: 'd', label: 'Tillegg ved sykebesøk (11bd, innhold ikke hentet)' },
  { code: '11cd', kind: 'supplement', timeClass: 'd', label: 'Tidstillegg ved sykebesøk, dagtid' },
  { code: '11ck', kind: 'supplement', timeClass: 'k', label: 'Tidstillegg ved sykebesøk, kveld/natt/helg' },
  { code: '11dd', kind: 'supplement', timeClass: 'd', label: 'Tillegg for spesialist i allmennmedisin ved sykebesøk, dagtid' },
  { code: '11dk', kind: 'supplement', timeClass: 'k', label: 'Tillegg for spesialist i allmennmedisin ved sykebesøk, kveld/natt/helg' },
  {
    code: '11e', kind: 'supplement', timeClass: null, label: 'Tillegg ved sykebesøk (brukes sammen med 11ak ved planlagt sykebesøk etter kl. 16)',
    rules: {
      requiresAnyOf: ['11ak'], eveningException: { settings: ['fastlege'], after: '16:00' },
      why: { seed: 'Korrekt bruk av kveldstakstar', note: '«Takst 11e nyttast i tillegg til 11ak.» Samme unntak som 11ak: fastlegens planlagte sykebesøk etter kl. 16.' },
    },
  },
  { code: '11f', kind: 'supplement', timeClass: null, label: 'Tillegg ved sykebesøk (11f, innhold ikke hentet)' },
  { code: '11hd', kind: 'supplement', timeClass: 'd', label: 'Tillegg ved sykebesøk (11hd, innhold ikke hentet)' },
  { code: '11id', kind: 'supplement', timeClass: 'd', label: 'Tillegg ved sykebesøk (11id, innhold ikke hentet)' },
  { code: '11nk', kind: 'supplement', timeClass: 'k', label: 'Tillegg ved sykebesøk om natten (11nk, innhold ikke hentet)' },
  {
    code: '14', kind: 'other', timeClass: null, label: 'Tverrfaglig samarbeidsmøte om enkeltpasienter, per halvtime inkludert reisetid',
    rules: { repetition: { kind: 'unlimited' }, why: { seed: 'Takst 14', note: 'Repeteres per halvtime for samlet møtetid.' } },
  },
  { code: '14d', kind: 'other', timeClass: 'd', label: 'Tverrfaglig samarbeidsmøte (variant d)' },

  // --- C. Reisetillegg (seed only) ---
  ...[
    ['21', null, 'Reisetillegg (samlebetegnelse i Helfo-veiledningen; tariffen bruker 21d, 21k og 21k2)'],
    ['21d', 'd', 'Reisetillegg, dagtid, per påbegynte halvtime'],
    ['21k', 'k', 'Reisetillegg, kveld/helg/legevakt, per påbegynte halvtime'],
    ['21k2', 'k', 'Reisetillegg, kveld/helg/legevakt, for resttid under en halvtime'],
  ].map(([code, timeClass, label]) => ({
    code, kind: 'travel', timeClass, chapter: 'C', label, onlySeed: true,
    rules: {
      repetition: { kind: 'unlimited' }, requiresAnyOf: ['2fk', '11ad', '11ak'],
      why: { seed: 'Takst 21 – reisetillegg', note: 'Tillegg til 2fk eller sykebesøk (11a/k), per påbegynte halvtime, reise over 1 km hver vei, ikke ved tilstedevakt.' },
    },
  })),

  // --- E. Prosedyrer ---
  {
    code: '100', kind: 'procedure', timeClass: null, label: 'Mindre kirurgiske og andre prosedyrer fra en uttømmende liste, per prosedyre',
    rules: { repetition: { kind: 'times', max: 8 }, why: { seed: 'Takst 100', note: 'Kan repeteres inntil 8 ganger, for ulike lesjoner eller prosedyrer.' } },
  },
  {
    code: '105', kind: 'procedure', timeClass: null, label: 'Større kirurgiske prosedyrer fra en uttømmende liste (også spiral og p-stav)',
    rules: { repetition: { kind: 'reduced', percent: 70, max: null }, why: { seed: 'Takst 105', note: 'Kan repeteres med 70 prosent per prosedyre.' } },
  },
  { code: '106a', kind: 'procedure', timeClass: null, chapter: 'E', onlySeed: true, label: 'Sinkliminnbinding ved avansert leggsårbehandling (i tillegg til 105)', rulesNote: 'Named in seed section «Takst 105».' },
  { code: '110', kind: 'procedure', timeClass: null, label: 'Førstegangs prevensjonsveiledning' },
  { code: '124', kind: 'procedure', timeClass: null, label: 'Validerte skjema for sykdomsaktivitet ved revmatisk/autoimmun sykdom' },
  { code: '125a', kind: 'procedure', timeClass: null, label: 'Ultralyd med utvendig probe' },
  { code: '125b', kind: 'procedure', timeClass: null, label: 'Ultralydveiledet injeksjon i ledd, slimpose eller seneskjede' },
  { code: '126', kind: 'procedure', timeClass: null, label: 'Intravenøs cytostatika- eller sykdomsmodifiserende behandling' },
  { code: '127a', kind: 'procedure', timeClass: null, label: 'Benmargspunksjon med utstryk' },
  { code: '127b', kind: 'procedure', timeClass: null, label: 'Farging av preparat' },
  { code: '127c', kind: 'procedure', timeClass: null, label: 'Vurdering av preparat' },
  { code: '127d', kind: 'procedure', timeClass: null, label: 'Vurdering av preparat med jernfarging' },
  { code: '128a', kind: 'procedure', timeClass: null, label: 'Dopplermåling av perifert blodtrykk ved karsykdom' },
  { code: '128c', kind: 'procedure', timeClass: null, label: 'Oscillometri eller transkutan oksygenmåling' },
  { code: '129a', kind: 'procedure', timeClass: null, label: 'Arbeids-EKG med gradert belastning' },
  {
    code: '149a', kind: 'procedure', timeClass: null, chapter: 'E', onlySeed: true, label: 'Lokalbedøvelse gitt sammen med injeksjon (i tillegg til 100)',
    rulesNote: 'Named in seed section «Takst 100»: injection of drug and anaesthetic may be billed as 100 + 149a.',
  },
  { code: '217', kind: 'procedure', timeClass: null, label: 'Svangerskapskontroll og etterkontroll etter fødsel' },
  { code: '250', kind: 'procedure', timeClass: null, label: 'Dermatoskopi av pigmenterte lesjoner' },
  { code: '251', kind: 'procedure', timeClass: null, label: 'Fotodynamisk behandling av basalcellekarsinom eller aktinisk keratose' },
  { code: '252', kind: 'procedure', timeClass: null, label: 'Intrakutan injeksjon med dermojet, per injeksjon' },
  { code: '253', kind: 'procedure', timeClass: null, label: 'Fluorescensundersøkelse av hud, hår eller urin' },
  ...[
    ['254', 'Lysbehandling (PUVA/UVB) per felt'],
    ['255a', 'Helkroppslysbehandling (PUVA/UVA/UVB)'],
    ['255b', 'Kombinert UVA- og UVB-behandling'],
    ['256a', 'Lokalbad'],
    ['256b', 'Helkroppsbad'],
    ['256c', 'Påsmøring av legemiddel på inntil 25 % av kroppsoverflaten'],
    ['256d', 'Hodebunnsbehandling på inntil 25 % av kroppsoverflaten'],
  ].map(([code, label]) => ({
    code, kind: 'procedure', timeClass: null, label,
    rules: { specialistOnly: true, why: { merknad: 'E9', note: 'Takstene 254, 255 og 256 er bare for hudleger.' } },
  })),
  { code: '257', kind: 'procedure', timeClass: null, label: 'Fotodokumentasjon av atypiske nevi eller premaligne lesjoner' },
  { code: '301a', kind: 'procedure', timeClass: null, label: 'Vestibularisundersøkelse med kalorisk prøve' },
  { code: '301b', kind: 'procedure', timeClass: null, label: 'Videonystagmografi, opptak' },
  { code: '301c', kind: 'procedure', timeClass: null, label: 'Videonystagmografi, tolkning' },
  { code: '301d', kind: 'procedure', timeClass: null, label: 'Video-nystagmo-okulografi' },
  { code: '302', kind: 'procedure', timeClass: null, label: 'Tilpasning av tinnitusmaskerer med veiledning' },
  { code: '303', kind: 'procedure', timeClass: null, label: 'Avtrykk av øregang' },
  { code: '306', kind: 'procedure', timeClass: null, label: 'Kjevehulepunksjon' },
  { code: '307', kind: 'procedure', timeClass: null, label: 'Mindre kirurgiske inngrep i nesen' },
  { code: '310', kind: 'procedure', timeClass: null, label: 'Neseblødning med bakre tamponade' },
  { code: '311a', kind: 'procedure', timeClass: null, label: 'Endoskopi av nese/bihuler og hypofarynks/larynks' },
  { code: '311c', kind: 'procedure', timeClass: null, label: 'Stroboskopi' },
  { code: '313', kind: 'procedure', timeClass: null, label: 'Ultralyd av bihuler' },
  { code: '314', kind: 'procedure', timeClass: null, label: 'Antroskopi' },
  { code: '317b', kind: 'procedure', timeClass: null, label: 'Parasentese med innleggelse av dren' },
  { code: '318a', kind: 'procedure', timeClass: null, label: 'Trommehinneprotese, ett øre' },
  { code: '318b', kind: 'procedure', timeClass: null, label: 'Omfattende rensing av radikalhule, ett øre' },
  { code: '319', kind: 'procedure', timeClass: null, label: 'Søvnapné-registrering med minst seks parametere' },
  { code: '321', kind: 'procedure', timeClass: null, label: 'Toneaudiometri med luft- og benledning' },
  { code: '322', kind: 'procedure', timeClass: null, label: 'Toneaudiometri med luftledning' },
  { code: '323', kind: 'procedure', timeClass: null, label: 'Taleaudiometri' },
  { code: '324a', kind: 'procedure', timeClass: null, label: 'Utprøving og tilpasning av høreapparat' },
  { code: '324b', kind: 'procedure', timeClass: null, label: 'Tilpasning av mer enn ett høreapparat' },
  { code: '324c', kind: 'procedure', timeClass: null, label: 'Opplæring i bruk av høreapparat' },
  { code: '324d', kind: 'procedure', timeClass: null, label: 'Nytte av høreapparat målt med taleaudiometri i fritt felt' },
  { code: '324e', kind: 'procedure', timeClass: null, label: 'Kontroll og justering av høreapparat' },
  { code: '325', kind: 'procedure', timeClass: null, label: 'Spesielle øreprøver (rekruttering, diplakusis, tympanometri o.l.)' },
  { code: '326a', kind: 'procedure', timeClass: null, label: 'Uformelle prøver og lekeaudiometri hos barn' },
  { code: '326b', kind: 'procedure', timeClass: null, label: 'Uformelle hørselsprøver hos barn' },
  { code: '328a', kind: 'procedure', timeClass: null, label: 'ERA, lydtrykkmåling i øregang eller otoakustiske emisjoner' },
  { code: '501', kind: 'procedure', timeClass: null, label: 'Inhalasjon av bronkodilaterende middel med forstøver (minst 5 minutter)' },
  {
    code: '506', kind: 'procedure', timeClass: null, label: 'PEF-måling hos barn under 7 år',
    rules: { maxAgeExclusive: 7, why: { facts: 'Fastlegetariffen-2019-XML-c', note: 'Bare for barn under 7 år (facts.json; issue 2).' } },
  },
  ...[
    ['507c', 'Dynamisk spirometri (flow-volum-kurve)'],
    ['507d', 'Gjentatt spirometri etter bronkodilatasjon'],
  ].map(([code, label]) => ({
    code, kind: 'procedure', timeClass: null, label,
    rules: { settings: ['fastlege', 'legevakt'], why: { facts: 'Fastlegetariffen-2019-XML-c', note: 'Bare for allmennleger.' } },
  })),
  { code: '510c', kind: 'procedure', timeClass: null, label: 'Anstrengelsesutløst luftveisobstruksjon, test' },
  { code: '510d', kind: 'procedure', timeClass: null, label: 'Lang reversibilitetstest med PEF-dagbok' },
  ...[
    ['600', 'Full nevrologisk eller revmatologisk undersøkelse (for angitte spesialiteter)', 'Nevrolog, revmatolog, fysikalsk medisin eller barnelege.'],
    ['601', 'Utredning av omfattende sykdom i sentralnervesystemet / nevropsykiatrisk vurdering', 'Bare nevrolog.'],
  ].map(([code, label, note]) => ({ code, kind: 'procedure', timeClass: null, label, rules: { specialistOnly: true, why: { facts: 'Spesialisttariffen-2019-XML-a', note } } })),
  { code: '605', kind: 'procedure', timeClass: null, label: 'Nevrologisk undersøkelse hos nevrokirurg, ortoped, ØNH-lege eller anestesilege' },
  {
    code: '612a', kind: 'procedure', timeClass: null, label: 'Nødvendig samtale med pårørende til pasient med alvorlig sykdom',
    rules: { indication: INDICATIONS['612a'], why: { seed: 'Takst 612a', note: 'Grunnlaget må gå fram av diagnose: en sykdomsdiagnose eller et rusmiddelproblem (vår lesning, docs/rules/diagnosis-indication.md).' } },
  },
  {
    code: '612b', kind: 'procedure', timeClass: null, label: 'Nødvendig samtale med foreldre/foresatte ved pediatriske problemstillinger (under 18 år)',
    rules: { maxAgeExclusive: 18, indication: INDICATIONS['612b'], why: { seed: 'Takst 612b', note: 'Pediatriske problemstillinger, pasient yngre enn 18 år; grunnlaget må gå fram av diagnose (Helfo-veiledningens liste, kodet av oss).' } },
  },
  {
    code: '615', kind: 'procedure', timeClass: null, chapter: 'E', onlySeed: true, label: 'Samtaleterapi ved psykisk lidelse hos allmennlege, minst 15 minutter',
    rules: { minDurationMinutes: 15, indication: INDICATIONS['615'], why: { seed: 'Takst 615', note: 'Pasienten må ha en psykisk lidelse (ICPC-2 P70–P99, ICD-10 kapittel F), og samtaleterapien må vare minst 15 minutter.' } },
  },
  {
    code: '660', kind: 'procedure', timeClass: null, label: 'Ekstra arbeid ved årlig helseundersøkelse av personer med utviklingshemming',
    rules: { maxPerYear: 1, why: { facts: 'Fastlegetariffen-2019-XML-c', note: 'Høyst én gang per år.' } },
  },
  ...[
    ['K01a', 'Kataraktoperasjon'],
    ['K01d', 'Medisinsk indisert øyelokkoperasjon, ett lokk'],
    ['K01e', 'Medisinsk indisert øyelokkoperasjon, to lokk'],
    ['K02a', 'Tonsillektomi/tonsillotomi'],
    ['K02b', 'Adenotomi'],
    ['K02c', 'Parasentese med dren i anestesi'],
    ['K02d', 'Adenotomi med parasentese og dren'],
    ['K02e', 'Tonsillektomi med parasentese og dren'],
    ['K02f', 'Tonsillektomi med adenotomi'],
    ['K02g', 'Tonsillektomi med adenotomi, parasentese og dren'],
    ['K02h', 'Bihule- eller septumkirurgi (ikke kosmetisk)'],
  ].map(([code, label]) => ({ code, kind: 'procedure', timeClass: null, label, rules: SPECIALIST_ONLY_K })),

  // --- F. Laboratorium ---
  { code: '701a', kind: 'lab', timeClass: null, label: 'Prøvetaking på kontoret eller innsending til laboratorium (første prøve)' },
  {
    code: '701c', kind: 'lab', timeClass: null, label: 'Innsending av flere prøver til eksternt laboratorium utover den første',
    rules: { requiresAnyOf: ['701a'], why: { merknad: 'F1', note: '701c kan bare brukes sammen med 701a.' } },
  },
  { code: '701d', kind: 'lab', timeClass: null, label: 'Innsending av positiv inkubert urinprøve' },
  { code: '701h', kind: 'lab', timeClass: null, label: 'Hurtigtest eller antigentest for covid-19' },
  { code: '703', kind: 'lab', timeClass: null, label: 'Inkubering av objektglassagar (med rør)' },
  { code: '704j', kind: 'lab', timeClass: null, label: 'Okkult blod i avføring' },
  { code: '704k', kind: 'lab', timeClass: null, label: 'Trichomonas og «clue cells» i sekret' },
  { code: '705a', kind: 'lab', timeClass: null, label: 'Okkult blod i avføring, hjemmetatt (minst tre prøver)' },
  { code: '705g', kind: 'lab', timeClass: null, label: 'Manuelt blodutstryk med farging og oversiktsmikroskopi' },
  { code: '705h', kind: 'lab', timeClass: null, label: 'Prøvetaking for klamydiatest' },
  { code: '705i', kind: 'lab', timeClass: null, label: 'Skabbmidd eller sopp' },
  { code: '705j', kind: 'lab', timeClass: null, label: 'Mikroskopi av tørket, fiksert og farget preparat' },
  { code: '705k', kind: 'lab', timeClass: null, label: 'CRP, immunologisk' },
  { code: '705l', kind: 'lab', timeClass: null, label: 'Prøvetaking for direkte immunfluorescens for herpes' },
  { code: '706f', kind: 'lab', timeClass: null, label: 'Celleteller: trombocytter, differensialtelling eller MCV' },
  { code: '706h', kind: 'lab', timeClass: null, label: 'Graviditetstest (hCG), immunologisk' },
  { code: '706j', kind: 'lab', timeClass: null, label: 'Immunologisk test for blod fra nedre tarm' },
  { code: '706k', kind: 'lab', timeClass: null, label: 'Immunologisk hurtigtest for bakterieantigen (streptokokker)' },

  // --- G. Radiologi ---
  ...[
    ['801', 'Røntgen finger'], ['802', 'Røntgen hånd'], ['803', 'Røntgen håndledd'], ['804', 'Røntgen underarm'],
    ['805', 'Røntgen albue'], ['806', 'Røntgen overarm'], ['807', 'Røntgen skulder'],
    ['813', 'Røntgen av underekstremitet (betegnelse mangler i kilden)'], ['814', 'Røntgen fot'],
    ['815', 'Røntgen ankel'], ['816', 'Røntgen legg'], ['817', 'Røntgen kne'], ['818', 'Røntgen lår'],
    ['851', 'Røntgen lunger, ett eller flere plan'], ['870', 'Bentetthetsmåling (DXA)'],
    ['899', 'Egenandel ved røntgenundersøkelse'],
  ].map(([code, label]) => ({ code, kind: 'radiology', timeClass: null, label })),

  // --- Kapittel I (andre oppgaver) ---
  { code: 'H1', kind: 'other', timeClass: null, label: 'Søknad om refusjon av viktige legemidler utenfor blåreseptlisten' },
  { code: 'V2', kind: 'other', timeClass: null, label: 'Informasjon om bivirkninger og samtykke før covid-vaksine fra Janssen (midlertidig kapittel)' },
];

/**
 * Codes a source names that this version deliberately leaves out, with the reason
 * (the data test checks that each is absent and documented).
 */
export const EXCLUDED = {
  '2aef': 'Fastlegens e-konsultasjon på kveld fra 1. juli 2024; finnes ikke i tariffåret 2023–2024 (kommer med en 2024–2025-import).',
};
