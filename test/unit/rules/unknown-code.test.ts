import { bundledCompiled } from '../../../src/data/index';
import { validateBill } from '../../../src/core/validate';
import { BASE_ROWS, check, compile, findingsOf, ruleTable } from './helpers';

// The helpers' tariff is not official (no `official: true`), like Takstvakt's bundled data.
describe('unknown-code: partial (unofficial) data', () => {
  ruleTable('unknown-code', [
    { name: 'known codes', bill: { codes: '2ad 2cd', durationMinutes: 25 }, want: [] },
    { name: 'case and spaces do not matter', bill: { codes: '2AD' }, want: [] },
    { name: 'a code not in partial data is a warning', bill: { codes: '1be' }, want: ['rule_unknown_code_partial'], codes: ['1be'], severity: 'warning' },
    { name: 'text that is not a code', bill: { codes: 'hello' }, want: ['rule_unknown_code_shape'] },
  ]);
});

describe('unknown-code: an official version covering the date', () => {
  const official = compile(BASE_ROWS, { official: true, origin: 'imported' });
  ruleTable('unknown-code', [
    { name: 'a code absent from the official version is an error', bill: { codes: '1be' }, want: ['rule_unknown_code'], severity: 'error' },
    { name: 'known codes', bill: { codes: '2ad' }, want: [] },
  ], official);

  test('an official version that does not cover the date cannot say a code does not exist', () => {
    const r = check({ codes: '1be', at: '2025-03-13T10:00' }, {}, official);
    expect(findingsOf(r, 'unknown-code')).toMatchObject([{ key: 'rule_unknown_code_partial', severity: 'warning' }]);
  });
});

describe('unknown-code: bundled data by the bill date', () => {
  const on = (at: string, codes: string) =>
    validateBill(
      { at, setting: 'fastlege', diagnoses: ['R74'], lines: codes.split(' ').map((code) => ({ code, count: 1 })) },
      { tariffs: bundledCompiled(), now: '2026-12-01T12:00' },
    );

  test('708a, 709, 710, 711 and 712 on a 2026 bill: warnings that name the year, never "finnes ikke"', () => {
    const r = on('2026-11-25T10:00', '2ad 701a 708a 709 710 711 712');
    expect(r.tariff).toMatchObject({ id: 'fastlege-2026-2027', year: '2026-27', official: false });
    const found = findingsOf(r, 'unknown-code');
    expect(found.map((f) => f.codes[0])).toEqual(['708a', '709', '710', '711', '712']);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.key).toBe('rule_unknown_code_partial');
      expect(f.message).toContain('ikke i Takstvakts data for 2026-27');
      expect(f.message).not.toMatch(/finnes ikke|gir ikke refusjon/);
    }
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('2aef (from 1 July 2024) is known on a 2026 bill and not in 2023-24', () => {
    expect(findingsOf(on('2026-11-25T18:00', '2aef'), 'unknown-code')).toEqual([]);
    expect(findingsOf(on('2024-03-13T18:00', '2aef'), 'unknown-code')).toMatchObject([{ key: 'rule_unknown_code_partial', severity: 'warning' }]);
  });

  test('the English text names the year too', () => {
    const r = validateBill({ at: '2026-11-25T10:00', setting: 'fastlege', diagnoses: ['R74'], lines: [{ code: '710', count: 1 }] }, { tariffs: bundledCompiled(), locale: 'en' });
    expect(findingsOf(r, 'unknown-code')[0]?.message).toContain("not in Takstvakt's data for 2026-27");
  });
});

describe('unknown-code: a code the tariff marks as replaced (bundled 2023-2024 data)', () => {
  test.each([['1be'], ['1be 701a']])('%s: 1be was merged into 1bd on 1 July 2022, so it is flagged even alone', (codes) => {
    const r = validateBill(
      { at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], lines: codes.split(' ').map((code) => ({ code, count: 1 })) },
      { tariffs: bundledCompiled(), now: '2024-06-01T12:00' },
    );
    const f = r.findings.find((x) => x.rule === 'unknown-code');
    expect(f).toMatchObject({ severity: 'error', codes: ['1be'], key: 'rule_unknown_code_replaced' });
    expect(f?.message).toContain('1bd');
    expect(f?.fix).toBe('Bruk 1bd i stedet.');
  });
});
