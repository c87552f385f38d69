// The rule contract, ESLint/axe style: static meta (id, severity, source, docs) plus a pure check that
// reads a bill prepared once by the validator and reports findings through the context.
import type { TimeFacts } from './calendar';
import type { Bill, CompiledCodeSet, CompiledTakst, CompiledTariff, FindingSource, RuleMeta, Severity, TakstRow } from './types';

/** One distinct code on the bill; lines with the same code are merged (counts summed). */
export interface BillEntry {
  /** Normalised code. */
  readonly key: string;
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
/** The 2023-2024 fastlege tariff (normaltariffen). */
export const TARIFF_URL = 'https://normaltariffen.legeforeningen.no/book/Fastlegetariffen-2023-2024';
/** Chapter D of the 2023-2024 tariff, which points to merknad D1. */
export const D1_URL = 'https://normaltariffen.legeforeningen.no/book/Fastlegetariffen-2023-2024/m-1976';
/** Merknad B1 (consultation: doctor's own work). */
export const B1_URL = 'https://normaltariffen.legeforeningen.no/normaltariff.xsp?id=&kap=kap2.1.2';

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
