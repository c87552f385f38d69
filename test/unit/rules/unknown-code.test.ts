import { bundledCompiled } from '../../../src/data/index';
import { validateBill } from '../../../src/core/validate';
import { ruleTable } from './helpers';

describe('unknown-code', () => {
  ruleTable('unknown-code', [
    { name: 'known codes', bill: { codes: '2ad 2cd', durationMinutes: 25 }, want: [] },
    { name: 'case and spaces do not matter', bill: { codes: '2AD' }, want: [] },
    { name: 'a code not in the tariff (1be was merged into 1bd in 2022)', bill: { codes: '1be' }, want: ['rule_unknown_code'], codes: ['1be'] },
    { name: 'text that is not a code', bill: { codes: 'hello' }, want: ['rule_unknown_code_shape'] },
  ]);
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
