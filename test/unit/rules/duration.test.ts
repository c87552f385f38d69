import { allowed2cd } from '../../../src/core/rules/duration';
import { ruleTable } from './helpers';

describe('duration', () => {
  ruleTable('duration', [
    { name: '615 with 15 minutes', bill: { codes: '2ad 615', durationMinutes: 15 }, want: [] },
    { name: '615 with 14 minutes', bill: { codes: '2ad 615', durationMinutes: 14 }, want: ['rule_duration_min'], codes: ['615'] },
    { name: '615, duration unknown', bill: { codes: '2ad 615' }, want: ['rule_duration_unknown'], severity: 'info' },
    { name: '2cd x1 at 21 minutes', bill: { codes: '2ad 2cd', durationMinutes: 21 }, want: [] },
    { name: '2cd x1 at 20 minutes', bill: { codes: '2ad 2cd', durationMinutes: 20 }, want: ['rule_duration_2cd'] },
    { name: '2cd x2 at 36 minutes', bill: { codes: '2ad 2cd x2', durationMinutes: 36 }, want: [] },
    { name: '2cd x2 at 35 minutes', bill: { codes: '2ad 2cd x2', durationMinutes: 35 }, want: ['rule_duration_2cd'] },
    { name: '2cd, duration unknown', bill: { codes: '2ad 2cd' }, want: ['rule_duration_2cd_unknown'], severity: 'info' },
  ]);

  test.each([
    [0, 0],
    [20, 0],
    [20.5, 1],
    [35, 1],
    [35.5, 2],
    [50, 2],
    [51, 3],
  ])('allowed2cd(%p) = %p (one per started 15 minutes beyond 20)', (minutes, n) => expect(allowed2cd(minutes)).toBe(n));
});
