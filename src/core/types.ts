// Shared contracts of the rule core. Everything here is plain data: no DOM, no extension APIs.
// Other rooms (background, CLI, content scripts, popup) import these types; change them with care.
// Shapes that cross a boundary are derived from their zod schema (one source): the bill from
// ./bill.ts, the report from ./report.ts, provenance from ./tariff/provenance.ts. The literal lists
// below are the one source of every enum that repeats them (schemas, settings, options pages).
import type * as z from 'zod/mini';
import type { BillLineSchema, BillSchema } from './bill';
import type { AmountFieldSchema, AmountsSchema, FindingSchema, FindingSourceSchema, ReportSchema, TariffRefSchema } from './report';
import type { ProvenanceSchema } from './tariff/provenance';

export const SETTINGS = ['fastlege', 'legevakt', 'spesialist'] as const;
export type Setting = (typeof SETTINGS)[number];
/** Legevakt on-call form: tilstedevakt (presence at the legevakt) or hjemmevakt/bakvakt (home). */
export const ON_CALL = ['presence', 'home'] as const;
export type OnCall = (typeof ON_CALL)[number];
export const isOnCall = (v: unknown): v is OnCall => (ON_CALL as readonly unknown[]).includes(v);
/** Most severe first (report order). */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Severity a clinic may configure per rule; `off` silences the rule (settings page order). */
export const CONFIGURED_SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type ConfiguredSeverity = (typeof CONFIGURED_SEVERITIES)[number];
export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const PERFORMED_BY = ['doctor', 'staff'] as const;
export type PerformedBy = (typeof PERFORMED_BY)[number];

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

/** One takst line of a bill (schema: BillLineSchema in ./bill.ts). */
export type BillLine = z.output<typeof BillLineSchema>;
/** A bill as validation reads it (schema: BillSchema in ./bill.ts; field docs there). */
export type Bill = z.output<typeof BillSchema>;

// What validation returns (schemas and field docs in ./report.ts; the protocol sends them as they are).
export type FindingSource = z.output<typeof FindingSourceSchema>;
export type Finding = z.output<typeof FindingSchema>;
export type AmountField = z.output<typeof AmountFieldSchema>;
export type Amounts = z.output<typeof AmountsSchema>;
export type TariffRef = z.output<typeof TariffRefSchema>;
export type Report = z.output<typeof ReportSchema>;

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

/** Where a tariff row or version came from (schema and field docs: ./tariff/provenance.ts). */
export type Provenance = z.output<typeof ProvenanceSchema>;

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
