// Shared contracts of the rule core. Everything here is plain data: no DOM, no extension APIs.
// Other rooms (background, CLI, content scripts, popup) import these types; change them with care.

export type Setting = 'fastlege' | 'legevakt' | 'spesialist';
/** Legevakt on-call form: tilstedevakt (presence at the legevakt) or hjemmevakt/bakvakt (home). */
export type OnCall = 'presence' | 'home';
export type Severity = 'error' | 'warning' | 'info';
/** Severity a clinic may configure per rule; `off` silences the rule. */
export type ConfiguredSeverity = Severity | 'off';
export type Locale = 'nb' | 'nn' | 'en';
export type PerformedBy = 'doctor' | 'staff';

/**
 * The nine exemption grounds of the seed (fritak for eigendel) plus the derived ones.
 * `frikort` = ground 1, `under16` = ground 7 (also derived from patient.age < 16).
 */
export const EXEMPTION_IDS = [
  'frikort', // 1 frikort for egenandelstak 1
  'pregnancy', // 2 svangerskap, fødsel, one post-natal check
  'occupational-injury', // 3 yrkesskade (ftrl. kap. 13 / § 5-25), krigspensjonering
  'prison', // 4 innsatt i fengsel, help from others than prison health service
  'unable-to-pay', // 5 condition prevents collecting (severe mental illness, kap. 4A, major acute injury, unconscious, death)
  'psychotherapy-under-18', // 6 psychotherapy of children/youth under 18 (specialist care)
  'under16', // 7 children under 16
  'communicable-disease', // 8 allmennfarlige smittsomme sykdommer
  'violence-abuse', // 9 first examination after violence in close relations / sexual abuse
] as const;
export type ExemptionId = (typeof EXEMPTION_IDS)[number];

export interface BillLine {
  /** Code as typed; the core normalises it (case- and space-insensitive). */
  code: string;
  /** How many times the takst is billed; at least 1. */
  count: number;
}

export interface Bill {
  /** Local Norwegian wall-clock time, `YYYY-MM-DDTHH:MM` (the bill schema refuses seconds). */
  at: string;
  setting: Setting;
  onCall?: OnCall | undefined;
  /** Øyeblikkelig hjelp that cannot wait (merknad D1). */
  urgent?: boolean | undefined;
  clinician?: {
    /** Spesialist i allmennmedisin. */
    specialistGP?: boolean | undefined;
    /** Turnuslege / LIS1. */
    turnus?: boolean | undefined;
    performedBy?: PerformedBy | undefined;
  } | undefined;
  patient?: {
    age?: number | undefined;
    exemptions?: ExemptionId[] | undefined;
  } | undefined;
  /** ICPC-2 (primary care) or ICD-10 (specialist care) codes; the first is the main diagnosis. */
  diagnoses?: string[] | undefined;
  durationMinutes?: number | undefined;
  /** Clinic facts that some rules need (merknad D1: when the legevakt starts on days before holidays). */
  clinic?: {
    /** `HH:MM` the legevakt starts on days before Sundays/holidays when the office closes early (seed: 12:00 on 24/31 Dec). */
    holidayEveStart?: string | undefined;
  } | undefined;
  lines: BillLine[];
}

export interface FindingSource {
  /** Merknad id in the normaltariff, e.g. `A1`, `D1`. */
  merknad?: string | undefined;
  /** Regulation or other source in words, e.g. `Helfo: Korrekt bruk av kveldstakstar`. */
  regulation?: string | undefined;
  url?: string | undefined;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Normalised codes the finding is about, in bill order; the first is the offending one. */
  codes: string[];
  /** What is wrong and why, in the report's locale. */
  message: string;
  /** How to fix it, in the report's locale. */
  fix?: string | undefined;
  source: FindingSource;
  /** Message key and params, so a UI can re-localise without re-validating. */
  key: string;
  params?: Record<string, string | number> | undefined;
  /** Path of the rule's docs page, e.g. `docs/rules/invalid-combination.md`. */
  docs: string;
}

export type AmountField = 'honorar' | 'refusjon' | 'egenandel';

export interface Amounts {
  honorar: number;
  refusjon: number;
  egenandel: number;
  /** Codes whose amounts are not known in this tariff version; never counted as 0. */
  unknown: string[];
  /** Sums that lack at least one line's amount (lower bounds); a UI shows them as "at least" or unknown. */
  incomplete?: AmountField[] | undefined;
  /** Why the patient share is 0, when it is. */
  exemption?: ExemptionId | undefined;
}

export interface TariffRef {
  id: string;
  validFrom: string;
  validTo: string;
  /** The version's human label, e.g. `Normaltariffen 2023-24`. */
  label: string;
  /** Tariff year as people write it, `2023-24` (from validFrom/validTo). */
  year: string;
  /** Helsedirektoratet's takstkoder data (fetched or imported); false for Takstvakt's own partial data. */
  official: boolean;
}

export interface Report {
  tariff: TariffRef | null;
  findings: Finding[];
  amounts: Amounts;
}

// ---------------------------------------------------------------------------------------------
// Tariff data (source form). Validated with zod in src/core/tariff/schema.ts.

/** Repetition per the Rep column legend (LEGEND-REPETISJONER). */
export type Repetition =
  | { kind: 'once' } // "0": once per bill
  | { kind: 'times'; max: number } // "N": at most N times
  | { kind: 'unlimited' } // "rep"
  | { kind: 'reduced'; percent: number; max: number | null }; // "50%" = one repeat at 50 %; "rep 50%" = max null

export type TimeClass = 'd' | 'k' | null;

export type TakstKind =
  | 'contact' // A: enkel pasientkontakt (1ad, 1bd, 1i ...)
  | 'consultation' // B: 2ad, 2ak, 2ae, 2fk ...
  | 'home-visit' // B: sykebesøk 11ad, 11ak ...
  | 'supplement' // time or specialist supplements (2cd, 2dd, 11e ...)
  | 'material' // 10a-d
  | 'travel' // C: 21 ...
  | 'procedure' // E
  | 'lab' // F
  | 'radiology' // G
  | 'other';

export interface Provenance {
  /** Human name of the source, e.g. `Fastlegetariffen-2023-2024`. */
  source: string;
  url: string | null;
  /** Tariff year the figures belong to, e.g. `2023-2024`; null when the source does not say. */
  year: string | null;
  /** True when the row was checked against the stated edition; false for indicative values. */
  verified: boolean;
  note?: string | undefined;
}

/** Raw code-set notation exactly as the tariff writes it (parsed and compiled once, at build/import). */
export type CodeSetText = string;

export interface TakstRow {
  code: string;
  chapter: string;
  /**
   * What the takst is, for rules that speak of groups ("konsultasjonstakst", "sykebesøk"):
   * consultation and home-visit takster can never be billed for staff's work alone (merknad B1).
   */
  kind?: TakstKind | undefined;
  /** Norwegian (bokmål) label in our own words; nn/en optional. */
  label: string;
  labelNn?: string | undefined;
  labelEn?: string | undefined;
  hon: number | null;
  ref: number | null;
  egen: number | null;
  repetition: Repetition | null;
  merknader: string[];
  /** "Ugyldig takstkombinasjon". */
  deny: CodeSetText | null;
  /** "Kan kun kombineres med", per setting; `any` applies to all settings. */
  allow: { any?: CodeSetText | undefined; fastlege?: CodeSetText | undefined; legevakt?: CodeSetText | undefined } | null;
  /** Required companion: at least one of these codes must be on the same bill. */
  requiresAnyOf: string[] | null;
  /** Grey/star-marked: only for specialists with an RHF operating agreement. */
  specialistOnly: boolean;
  /** Settings where the takst may be used; null = all. */
  settings: Setting[] | null;
  minDurationMinutes: number | null;
  maxPerYear: number | null;
  timeClass: TimeClass;
  /** Age condition in whole years: minAge <= age < maxAgeExclusive. */
  minAge: number | null;
  maxAgeExclusive: number | null;
  provenance: Provenance;
  /** Per-field provenance where a field came from another source than the row (e.g. amounts from a price list). */
  fieldProvenance?: Partial<Record<'hon' | 'ref' | 'egen' | 'rules', Provenance>> | undefined;
  /**
   * Set when the takst no longer exists in this version but sources still describe it (1be was merged
   * into 1bd on 1 July 2022): the row keeps its rules for explanations; bill `replacedBy` instead.
   */
  replacedBy?: string | undefined;
  /** Set on a row carried unchanged from an older version (its id) because no source for this year gives it. */
  carriedFrom?: string | undefined;
  // --- Year facts the rules read (rule options on the row, axe-core style). All optional. ---
  /** Legevakt on-call forms the takst may be used with; absent = any (2fk and 1g: hjemmevakt only). */
  onCall?: OnCall[] | undefined;
  /** Time of day the takst is limited to, `HH:MM` to `HH:MM` (may wrap midnight): 1g 23:00-08:00. */
  clock?: { from: string; to: string } | undefined;
  /**
   * A k-takst that these settings may use inside the D1 window without legevakt or urgent help,
   * from `after` (`HH:MM`, null = the whole window): 11ak/11e for the fastlege's planned home visit after 16:00.
   */
  eveningException?: { settings: Setting[]; after: string | null } | undefined;
  /** The day takst to use instead outside the evening window (2fk -> 2ad), for the fix text. */
  dayCode?: string | undefined;
  /** Count n needs more than `over` + `per` x (n - 1) minutes (2cd: over 20, per started 15; official tidsbruk_per_rep). */
  durationSteps?: { over: number; per: number } | undefined;
  /** Who may bill it beyond the kind's rule (merknad B1): doctor's own work, not turnus, specialist in general practice. */
  who?: { doctorOnly?: boolean | undefined; notTurnus?: boolean | undefined; specialistGP?: boolean | undefined } | undefined;
  /** At legevakt or in the evening this takst is used instead when a prescription is written (1bk -> 1i). */
  prescriptionCode?: string | undefined;
  /** Official krever_prosedyre: true = some procedure takst (chapter E) on the bill; a list = one of these codes. */
  requiresProcedure?: true | string[] | undefined;
  /** Official krever_diagnose: true = a diagnosis; a list = one of these diagnosis codes (or code prefixes). */
  requiresDiagnosis?: true | string[] | undefined;
  /**
   * The diagnoses that justify the takst ("må gå fram av diagnose"): code prefixes or 3-character
   * ranges (`P70-P99`, `F`) per code system, and what they mean in words (nb) for the finding.
   */
  indication?: TakstIndication | undefined;
}

export interface TakstIndication {
  /** In words, e.g. `psykisk lidelse`. */
  text: string;
  /** ICPC-2 prefixes/ranges (primary care). */
  icpc2: string[];
  /** ICD-10 prefixes/ranges (specialist care). */
  icd10: string[];
}

export interface MerknadRow {
  id: string;
  /** Our own Norwegian words; null when the text was not retrieved. */
  summary: string | null;
  summaryNn?: string | null | undefined;
  summaryEn?: string | null | undefined;
  url: string | null;
  provenance: Provenance;
}

export interface TariffVersion {
  schemaVersion: 1;
  id: string;
  label: string;
  /** Tariff years run 1 July to 30 June. */
  validFrom: string;
  validTo: string;
  source: Provenance;
  /**
   * True for Helsedirektoratet's takstkoder data (fetched or imported); absent/false for Takstvakt's own
   * partial data. Only an official version may call a code absent from it non-existent.
   */
  official?: boolean | undefined;
  /** Where the version came from. */
  origin?: 'bundled' | 'imported' | 'fetched' | undefined;
  takster: TakstRow[];
  merknader: MerknadRow[];
}

// ---------------------------------------------------------------------------------------------
// Compiled tariff: what validation uses. Built once per tariff version (never parsed per bill).

/** A code set expanded against the tariff's code universe. */
export interface CompiledCodeSet {
  /** `only`: the set is exactly `codes`; `allExcept`: every code except `codes`. */
  readonly mode: 'only' | 'allExcept';
  readonly codes: ReadonlySet<string>;
  /** The notation it came from, for explanations. */
  readonly text: string;
}

export interface CompiledTakst {
  /** Normalised key (lower case, no spaces). */
  readonly key: string;
  readonly row: TakstRow;
  readonly deny: CompiledCodeSet | null;
  readonly allow: { readonly any: CompiledCodeSet | null; readonly fastlege: CompiledCodeSet | null; readonly legevakt: CompiledCodeSet | null };
  /** Normalised companion keys. */
  readonly requiresAnyOf: readonly string[] | null;
}

export interface CompiledTariff {
  readonly version: TariffVersion;
  readonly ref: TariffRef;
  readonly byKey: ReadonlyMap<string, CompiledTakst>;
  readonly merknader: ReadonlyMap<string, MerknadRow>;
}

// ---------------------------------------------------------------------------------------------
// Rules

/**
 * Stable rule ids (append, never rename). The list itself is derived from the registry
 * (`RULE_IDS` in src/core/rules/index.ts); pages that may not load the rules get it from the background.
 */
export type RuleId = string;

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** `never`: no documentation makes it valid; `documented`: valid when the journal documents the exception. */
  bypass: 'never' | 'documented';
  source: FindingSource;
  /** `docs/rules/<id>.md` */
  docs: string;
  /** One English line for developers. */
  description: string;
  /**
   * The rule's findings depend on the tariff year's data (lists, amounts, new or removed takster):
   * without an official version for the bill's date the finding's text says so.
   */
  yearData?: boolean | undefined;
  /**
   * Every message the rule can report, ESLint style: message id -> locale key (`rule_...` in
   * _locales). `report({ messageId, fixId, data })` names ids from here; the locale test checks the keys.
   */
  messages: Readonly<Record<string, string>>;
}
