import { maxCount } from '../../../src/core/rules/repetition-limit';
import { ruleTable } from './helpers';

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
