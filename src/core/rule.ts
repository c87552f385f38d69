// The rule contract, ESLint/axe style: static meta (id, severity, source, docs) plus a pure check that
// reads a bill prepared once by the validator and reports findings through the context.
import type { TimeFacts } from './calendar';
import type { Bill, CompiledCodeSet, CompiledTakst, CompiledTariff, FindingSource, RuleMeta, Severity, TakstRow } from './types';

/** One distinct code on the bill; lines with the same code are merged (counts summed). */
export interface BillEntry {
  /** Normalised code. */
  readonly code: string;
  /** Sum of the counts of every line with this code. */
  readonly count: number;
  /** The tariff row, or undefined when the code is not in the tariff version in force. */
  readonly takst: CompiledTakst | undefined;
  /** Position among the bill's distinct codes (bill order); findings are sorted by it. */
  readonly index: number;
}

export interface ReportInput {
  /** Normalised codes, the offending one first. Empty for findings about the whole bill. */
  readonly codes: readonly string[];
  /** Id in the rule's `meta.messages` (ESLint style): what is wrong and why. */
  readonly messageId: string;
  /** Placeholder values for the message and the fix. */
  readonly data?: Record<string, string | number> | undefined;
  /** Id in `meta.messages` of how to fix it. */
  readonly fixId?: string | undefined;
  /** A weaker or stronger severity than the rule's default for this case (a clinic's setting still wins). */
  readonly severity?: Severity | undefined;
  /** Overrides or adds to the rule's source (e.g. the takst's own merknad). */
  readonly source?: FindingSource | undefined;
}

export interface RuleContext {
  readonly bill: Bill;
  readonly tariff: CompiledTariff;
  /** Distinct codes in bill order. */
  readonly entries: readonly BillEntry[];
  readonly byKey: ReadonlyMap<string, BillEntry>;
  /** Calendar facts of `bill.at`. */
  readonly time: TimeFacts;
  /** Merknad D1's evening/night/holiday window holds at `bill.at` (with the clinic's holiday-eve start). */
  readonly eveningWindow: boolean;
  /** `options.now` of validateBill, when given. */
  readonly now: string | undefined;
  /** Tariff picked as the nearest version because none covers the bill's date. */
  readonly tariffCovers: boolean;
  report(input: ReportInput): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** `docs/rules/<id>.md`, the one place the docs path is spelled. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The Helfo guidance for doctors the product was specified from; its address is not in our sources, so none is given. */
export const HELFO_GUIDE = 'Helfo: Takstar og regelverk for legar';
// Addresses of the tariff, its merknader and its rows are year data: rules read them from the version
// in force (never pinned to one year in code).

/** Address of a merknad (`D1`, `B1` ...) in the tariff version in force, when the version gives one. */
export function merknadUrl(ctx: RuleContext, id: string): string | undefined {
  return ctx.tariff.merknader.get(id)?.url ?? undefined;
}

/** Address of the tariff version in force. */
export function tariffUrl(ctx: RuleContext): string | undefined {
  return ctx.tariff.version.source.url ?? undefined;
}

/**
 * Where a row's rules come from (e.g. the seed section «Takst 2fk»), for a finding's source: the
 * rules' own provenance when the row has one, else the row's.
 */
export function rowRuleSource(row: TakstRow): FindingSource {
  const p = row.fieldProvenance?.rules ?? row.provenance;
  const out: FindingSource = { regulation: p.source };
  if (p.url) out.url = p.url;
  return out;
}

/** `HH:MM` -> minutes after midnight (data was checked by the schema). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Takst kinds that can never be billed for work done by staff alone (merknad B1). */
export function isDoctorOnlyRow(row: TakstRow | undefined): boolean {
  return row?.kind === 'consultation' || row?.kind === 'home-visit';
}

export function isDoctorOnlyKind(takst: CompiledTakst | undefined): boolean {
  return isDoctorOnlyRow(takst?.row);
}

/** The allow list ("kan kun kombineres med") that applies in the bill's setting. */
export function allowListFor(takst: CompiledTakst, setting: Bill['setting']): CompiledCodeSet | null {
  const a = takst.allow;
  if (setting === 'fastlege') return a.fastlege ?? a.any;
  if (setting === 'legevakt') return a.legevakt ?? a.any;
  return a.any;
}
