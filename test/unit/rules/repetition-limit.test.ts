import { maxCount } from '../../../src/core/rules/repetition-limit';
import { BASE_ROWS, compile, row, ruleTable } from './helpers';

describe('repetition-limit', () => {
  ruleTable('repetition-limit', [
    { name: '100 x8 (seed: up to 8 times)', bill: { codes: '2ad 100 x8' }, want: [] },
    { name: '100 x9', bill: { codes: '2ad 100 x9' }, want: ['rule_repetition_limit'], codes: ['100'] },
    { name: 'lines with the same code count together (100 x5 + 100 x4)', bill: { codes: '2ad 100 x5 100 x4' }, want: ['rule_repetition_limit'] },
    { name: '2ad x2 (Rep 0: once per bill)', bill: { codes: '2ad x2' }, want: ['rule_repetition_limit_once'] },
    { name: '2cd x3 (rep: unlimited)', bill: { codes: '2ad 2cd x3', durationMinutes: 60 }, want: [] },
    { name: '105 x2 ("50%": one repeat at half fee)', bill: { codes: '2ad 105 x2' }, want: [] },
    { name: '105 x3', bill: { codes: '2ad 105 x3' }, want: ['rule_repetition_limit'] },
  ]);

  test('maxCount per Rep kind', () => {
    expect(maxCount({ kind: 'once' })).toBe(1);
    expect(maxCount({ kind: 'times', max: 8 })).toBe(8);
    expect(maxCount({ kind: 'reduced', percent: 50, max: 1 })).toBe(2);
    expect(maxCount({ kind: 'reduced', percent: 50, max: null })).toBe(Infinity);
    expect(maxCount(null)).toBe(Infinity);
  });
});

// Official maks_antall_per_aar -> maxPerYear: one bill cannot count a year, so info unless the bill alone exceeds it.
describe('repetition-limit: a yearly maximum (maxPerYear)', () => {
  const t = compile([...BASE_ROWS, row('660', { kind: 'procedure', maxPerYear: 1 }), row('661', { kind: 'procedure', repetition: { kind: 'unlimited' }, maxPerYear: 2 })]);
  ruleTable('repetition-limit', [
    { name: '660 once: info, the year cannot be counted from one bill', bill: { codes: '2ad 660' }, want: ['rule_repetition_limit_per_year_info'], severity: 'info' },
    { name: '661 x3 with at most 2 a year: error', bill: { codes: '2ad 661 x3' }, want: ['rule_repetition_limit_per_year'], severity: 'error' },
    { name: 'no yearly maximum: nothing', bill: { codes: '2ad 100' }, want: [] },
  ], t);
});
