// validateBill: pure and synchronous. Prepares the bill once (keys, merged counts, calendar facts),
// runs every rule in the registry, and formats text only for findings that exist.
import { computeAmounts, exemptionOf } from './amounts';
import { inEveningWindow, parseHHMM, timeFacts } from './calendar';
import { normalizeCode } from './codes';
import { pickTariff } from './tariff/pick';
import { displayParam, t } from './i18n';
import { splitPlaceholders } from './placeholders';
import type { BillEntry, ReportInput, Rule, RuleContext } from './rule';
import { RULES, RULES_BY_ID } from './rules/index';
import type { Bill, CompiledTariff, ConfiguredSeverity, Finding, FindingSource, Locale, Report } from './types';

export { RULES, RULES_BY_ID };

export interface ValidateOptions {
  /** Compiled tariff versions to choose from by the bill's date. */
  readonly tariffs: readonly CompiledTariff[];
  readonly locale?: Locale | undefined;
  /** Per rule id: a clinic's severity, or `off`. */
  readonly severity?: Readonly<Record<string, ConfiguredSeverity>> | undefined;
  /** Rule ids muted by the user. */
  readonly muted?: readonly string[] | undefined;
  /** The caller's clock (local `YYYY-MM-DDTHH:MM` or an ISO instant), for future-date. */
  readonly now?: string | undefined;
}

/** normalizeCode with fast paths: most codes are already lower case, and few contain spaces. */
function keyOf(code: string): string {
  let upper = false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c <= 32 || c >= 127) return normalizeCode(code);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? code.toLowerCase() : code;
}

/**
 * t() with each message split once into literal and placeholder parts, so a finding costs string
 * concatenation instead of a regex pass. Same text and fallbacks as t() (it supplies the template).
 */
const templates: Record<Locale, Map<string, readonly string[]>> = { nb: new Map(), nn: new Map(), en: new Map() };
function format(locale: Locale, key: string, params: Record<string, string | number> | undefined): string {
  const cache = templates[locale];
  let parts = cache.get(key);
  if (!parts) {
    // split with a capture group: even indexes are literals, odd ones placeholder names.
    parts = splitPlaceholders(t(locale, key));
    cache.set(key, parts);
  }
  if (parts.length === 1) return parts[0] as string;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    // Dates as 13.03.2024 and a tariff version by its name (issue 12 §8); `params` keep the raw values.
    out += (params && name in params ? displayParam(locale, name, params) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

interface MutableEntry {
  code: string;
  count: number;
  takst: BillEntry['takst'];
  index: number;
}

function entriesOf(bill: Bill, tariff: CompiledTariff): { entries: MutableEntry[]; byKey: Map<string, MutableEntry> } {
  const entries: MutableEntry[] = [];
  const byKey = new Map<string, MutableEntry>();
  for (const line of bill.lines) {
    const key = keyOf(line.code);
    if (key === '') continue;
    const seen = byKey.get(key);
    if (seen) {
      seen.count += line.count;
      continue;
    }
    const e: MutableEntry = { code: key, count: line.count, takst: tariff.byKey.get(key), index: entries.length };
    entries.push(e);
    byKey.set(key, e);
  }
  return { entries, byKey };
}

class FindingSink {
  readonly findings: Finding[] = [];
  readonly order: number[] = [];
  rule: Rule | null = null;
  configured: ConfiguredSeverity | undefined;
  /** Label of the version checked against when it is not an official one covering the bill's date. */
  partialLabel: string | null = null;

  constructor(
    private readonly locale: Locale,
    private readonly byKey: ReadonlyMap<string, BillEntry> | null,
  ) {}

  add(input: ReportInput): void {
    const rule = this.rule;
    if (!rule) return;
    const configured = this.configured;
    const severity = configured && configured !== 'off' ? configured : (input.severity ?? rule.meta.defaultSeverity);
    const key = messageKey(rule, input.messageId);
    const f: Finding = {
      rule: rule.meta.id,
      severity,
      codes: input.codes.slice(),
      message: this.messageOf(key, rule, input),
      source: sourceOf(rule.meta.source, input.source),
      key,
      docs: rule.meta.docs,
    };
    if (input.fixId) f.fix = format(this.locale, messageKey(rule, input.fixId), input.data);
    if (input.data) f.params = input.data;
    this.findings.push(f);
    const first = input.codes[0];
    this.order.push(first === undefined ? -1 : (this.byKey?.get(first)?.index ?? -1));
  }

  /** The rule's text; a finding that depends on the year's data says when that data is not official. */
  private messageOf(key: string, rule: Rule, input: ReportInput): string {
    const text = format(this.locale, key, input.data);
    if (this.partialLabel === null || rule.meta.yearData !== true) return text;
    return `${text} ${format(this.locale, 'finding_partial_data', { label: this.partialLabel })}`;
  }

  /** Findings in bill order (bill-level findings first), rule order within a code. */
  sorted(): Finding[] {
    if (this.findings.length < 2) return this.findings;
    const idx = this.findings.map((_, i) => i);
    idx.sort((a, b) => (this.order[a] ?? 0) - (this.order[b] ?? 0));
    return idx.map((i) => this.findings[i] as Finding);
  }
}

/** The locale key a rule declared for `id`; an undeclared id is a programming error, caught by the table tests. */
function messageKey(rule: Rule, id: string): string {
  const key = rule.meta.messages[id];
  if (key === undefined) throw new Error(`rule ${rule.meta.id}: messageId "${id}" is not declared in meta.messages`);
  return key;
}

/** The rule's source with the finding's own fields on top; only defined fields are set. */
function sourceOf(base: FindingSource, own: FindingSource | undefined): FindingSource {
  const out: FindingSource = {};
  const merknad = own?.merknad ?? base.merknad;
  const regulation = own?.regulation ?? base.regulation;
  const url = own?.url ?? base.url;
  if (merknad !== undefined) out.merknad = merknad;
  if (regulation !== undefined) out.regulation = regulation;
  if (url !== undefined) out.url = url;
  return out;
}

function isActive(id: string, options: ValidateOptions): boolean {
  return options.severity?.[id] !== 'off' && !(options.muted?.includes(id) ?? false);
}

/** Checks a bill against the tariff version in force on its date. Throws only on a malformed `at`. */
export function validateBill(bill: Bill, options: ValidateOptions): Report {
  const locale = options.locale ?? 'nb';
  const time = timeFacts(bill.at);
  if (!time) throw new TypeError(`at: must be local time YYYY-MM-DDTHH:MM, got ${JSON.stringify(bill.at)}`);
  const picked = pickTariff(options.tariffs, time.date);
  const tariff = picked.tariff;
  if (!tariff) {
    const sink = new FindingSink(locale, null);
    const rule = RULES_BY_ID.get('tariff-version');
    if (rule && isActive(rule.meta.id, options)) {
      sink.rule = rule;
      sink.configured = options.severity?.[rule.meta.id];
      sink.add({ codes: [], messageId: 'none', data: { date: time.date }, fixId: 'fix', severity: 'error' });
    }
    const unknown = [...new Set(bill.lines.map((l) => keyOf(l.code)))].filter((k) => k !== '');
    return { tariff: null, findings: sink.findings, amounts: { honorar: 0, refusjon: 0, egenandel: 0, unknown } };
  }

  const { entries, byKey } = entriesOf(bill, tariff);
  const sink = new FindingSink(locale, byKey);
  if (!(tariff.ref.official && picked.covers)) sink.partialLabel = tariff.ref.label;
  const ctx: RuleContext = {
    bill,
    tariff,
    entries,
    byKey,
    time,
    eveningWindow: inEveningWindow(time, parseHHMM(bill.clinic?.holidayEveStart)),
    now: options.now,
    tariffCovers: picked.covers,
    report: (input) => sink.add(input),
  };
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (!isActive(id, options)) continue;
    sink.rule = rule;
    sink.configured = options.severity?.[id];
    rule.check(ctx);
  }
  sink.rule = null;
  return { tariff: { ...tariff.ref }, findings: sink.sorted(), amounts: computeAmounts(entries, exemptionOf(bill)) };
}
