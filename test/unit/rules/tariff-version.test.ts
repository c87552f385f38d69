import { validateBill } from '../../../src/core/validate';
import { BASE, bill, compile, BASE_ROWS, ruleTable } from './helpers';

describe('tariff-version', () => {
  ruleTable('tariff-version', [
    { name: 'a date the tariff covers', bill: { codes: '2ad', at: '2024-06-30T10:00' }, want: [] },
    { name: 'after the tariff year: nearest version, warning', bill: { codes: '2ad', at: '2024-07-01T10:00' }, want: ['rule_tariff_version_nearest'], severity: 'warning' },
    { name: 'before it', bill: { codes: '2ad', at: '2023-06-30T10:00' }, want: ['rule_tariff_version_nearest'] },
  ]);

  test('no tariff at all: an error, codes listed as unknown amounts', () => {
    const r = validateBill(bill({ codes: '2ad 2cd' }), { tariffs: [] });
    expect(r.tariff).toBeNull();
    expect(r.findings.map((f) => [f.rule, f.key, f.severity])).toEqual([['tariff-version', 'rule_tariff_version_none', 'error']]);
    expect(r.amounts.unknown).toEqual(['2ad', '2cd']);
  });

  test('picks the version that covers the date among several', () => {
    const next = compile(BASE_ROWS, { id: 'test-2024-2025', validFrom: '2024-07-01', validTo: '2025-06-30' });
    const at = (d: string) => validateBill(bill({ codes: '2ad', at: `${d}T10:00` }), { tariffs: [next, BASE] }).tariff?.id;
    expect(at('2024-03-01')).toBe('test-2023-2024');
    expect(at('2024-07-01')).toBe('test-2024-2025');
    expect(at('2030-01-01')).toBe('test-2024-2025'); // nearest earlier
    expect(at('2020-01-01')).toBe('test-2023-2024'); // nearest later
  });
});
