// Small tariffs and bills for rule table tests. The tariff rows are test fixtures shaped like the
// 2023-2024 data (amounts are made up where a test needs one and say so in their provenance).
import { compileTariffOrThrow } from '../../../src/core/tariff/compile';
import type { Bill, CompiledTariff, Finding, Report, TakstRow, TariffVersion } from '../../../src/core/types';
import { validateBill, type ValidateOptions } from '../../../src/core/validate';

const FIXTURE = { source: 'test fixture', url: null, year: '2023-2024', verified: false, note: 'made up for a unit test' };

export function row(code: string, over: Partial<TakstRow> = {}): TakstRow {
  return {
    code,
    chapter: 'X',
    label: `test ${code}`,
    hon: null,
    ref: null,
    egen: null,
    repetition: { kind: 'once' },
    merknader: [],
    deny: null,
    allow: null,
    requiresAnyOf: null,
    specialistOnly: false,
    settings: null,
    minDurationMinutes: null,
    maxPerYear: null,
    timeClass: null,
    minAge: null,
    maxAgeExclusive: null,
    provenance: FIXTURE,
    ...over,
  };
}

export function version(rows: TakstRow[], over: Partial<TariffVersion> = {}): TariffVersion {
  return {
    schemaVersion: 1,
    id: 'test-2023-2024',
    label: 'Test tariff',
    validFrom: '2023-07-01',
    validTo: '2024-06-30',
    source: FIXTURE,
    takster: rows,
    merknader: [],
    ...over,
  };
}

export function compile(rows: TakstRow[], over: Partial<TariffVersion> = {}): CompiledTariff {
  return compileTariffOrThrow(version(rows, over));
}

/** A tariff with the codes the seed rules speak of, shaped like the 2023-2024 fastlege tariff. */
export const BASE_ROWS: TakstRow[] = [
  row('1ad', { kind: 'contact', timeClass: 'd', deny: '1ak, b, f, g, 2, 3, 4, 11, 12, 13, 14, 15, 21, 217c, 612, 621, 622, 623, 624' }),
  row('1ad2', { kind: 'contact', deny: 'Alle unntatt 701a t.o.m. 712.' }),
  row('1bd', { kind: 'contact', timeClass: 'd', deny: 'alle', hon: 72, ref: 72, egen: 0 }),
  row('1bk', { kind: 'contact', timeClass: 'k', deny: 'alle', prescriptionCode: '1i' }),
  row('1g', { kind: 'contact', settings: ['legevakt'], onCall: ['home'], clock: { from: '23:00', to: '08:00' } }),
  row('1h', { kind: 'contact' }),
  row('1i', { kind: 'contact', deny: '1h, 2a, 2fk, 11a' }),
  row('2ad', { kind: 'consultation', timeClass: 'd', settings: ['fastlege', 'legevakt'], hon: 200, ref: 30, egen: 170 }),
  row('2ak', { kind: 'consultation', timeClass: 'k' }),
  row('2ae', { kind: 'consultation', timeClass: 'd', deny: '1h, 1i', allow: { fastlege: '2cd, 2dd, 100, 701a', legevakt: '2cd, 2dd' }, who: { notTurnus: true } }),
  row('2cd', { kind: 'supplement', repetition: { kind: 'unlimited' }, requiresAnyOf: ['2ad', '2ak'], hon: 40, ref: 30, egen: 10, durationSteps: { over: 20, per: 15 }, who: { doctorOnly: true } }),
  row('2dd', { kind: 'supplement', who: { specialistGP: true } }),
  row('2fk', { kind: 'consultation', timeClass: 'k', settings: ['legevakt'], onCall: ['home'], dayCode: '2ad', deny: '2ak' }),
  row('11ak', { kind: 'home-visit', timeClass: 'k', eveningException: { settings: ['fastlege'], after: '16:00' } }),
  row('11ad', { kind: 'home-visit', timeClass: 'd' }),
  row('11e', { kind: 'supplement', requiresAnyOf: ['11ak'], eveningException: { settings: ['fastlege'], after: '16:00' } }),
  row('21k', { kind: 'travel', timeClass: 'k', repetition: { kind: 'unlimited' }, requiresAnyOf: ['2fk', '11ad', '11ak'] }),
  row('21k2', { kind: 'travel', timeClass: 'k', requiresAnyOf: ['2fk', '11ad', '11ak'] }),
  row('100', { kind: 'procedure', repetition: { kind: 'times', max: 8 } }),
  row('105', { kind: 'procedure', repetition: { kind: 'reduced', percent: 50, max: 1 }, hon: 100, ref: 100, egen: null }),
  row('10b', { kind: 'material', repetition: { kind: 'unlimited' }, requiresAnyOf: ['100', '105'], hon: 93, ref: 0, egen: 93 }),
  row('506', { kind: 'procedure', maxAgeExclusive: 7 }),
  row('612a', { kind: 'other', deny: '612b' }),
  row('612b', { kind: 'other', maxAgeExclusive: 18 }),
  row('615', { kind: 'other', minDurationMinutes: 15 }),
  row('701a', { kind: 'lab', deny: '1e', hon: 72, ref: 11, egen: 61 }),
  row('701c', { kind: 'lab', repetition: { kind: 'unlimited' }, requiresAnyOf: ['701a'] }),
  row('703', { kind: 'lab', hon: 21, ref: 21, egen: null }),
  row('712', { kind: 'lab' }),
  row('k01a', { kind: 'procedure', specialistOnly: true }),
];

export const BASE: CompiledTariff = compile(BASE_ROWS);

/** `"2ad 2cd x2 701a"` -> bill lines. A `xN` after a code is its count. */
export function lines(codes: string): Bill['lines'] {
  const out: Bill['lines'] = [];
  for (const tok of codes.split(/[\s,]+/).filter(Boolean)) {
    const m = /^x(\d+)$/.exec(tok);
    const last = out[out.length - 1];
    if (m && last) last.count = Number(m[1]);
    else out.push({ code: tok, count: 1 });
  }
  return out;
}

export type BillSpec = Partial<Omit<Bill, 'lines'>> & { codes: string };

/** A Wednesday-morning fastlege bill with a diagnosis, overridden by `spec`. */
export function bill(spec: BillSpec): Bill {
  const { codes, ...rest } = spec;
  return { at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], ...rest, lines: lines(codes) };
}

export function check(spec: BillSpec, options: Partial<ValidateOptions> = {}, tariff: CompiledTariff = BASE): Report {
  return validateBill(bill(spec), { tariffs: [tariff], ...options });
}

export function findingsOf(report: Report, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

export interface Row {
  name: string;
  bill: BillSpec;
  /** Message keys the rule reports, in order; [] = valid. */
  want: string[];
  /** Optional: codes of the first finding. */
  codes?: string[];
  severity?: string;
  options?: Partial<ValidateOptions>;
}

/** The table test every rule file uses: valid rows report nothing, invalid rows the listed keys. */
export function ruleTable(rule: string, rows: Row[], tariff: CompiledTariff = BASE): void {
  const valid = rows.filter((r) => r.want.length === 0);
  const invalid = rows.filter((r) => r.want.length > 0);
  test('the table has valid and invalid rows', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });
  test.each(rows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const found = findingsOf(check(r.bill, r.options, tariff), rule);
    expect(found.map((f) => f.key)).toEqual(r.want);
    if (r.codes) expect(found[0]?.codes).toEqual(r.codes);
    if (r.severity) expect(found[0]?.severity).toBe(r.severity);
    for (const f of found) {
      expect(f.message).not.toBe(f.key); // the key exists in the catalog
      expect(f.message).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
  });
}
