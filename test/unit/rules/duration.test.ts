import { allowedBySteps } from '../../../src/core/rules/duration';
import { BASE_ROWS, compile, row, ruleTable } from './helpers';

describe('duration', () => {
  ruleTable('duration', [
    { name: '615 with 15 minutes', bill: { codes: '2ad 615', durationMinutes: 15 }, want: [] },
    { name: '615 with 14 minutes', bill: { codes: '2ad 615', durationMinutes: 14 }, want: ['rule_duration_min'], codes: ['615'] },
    { name: '615, duration unknown', bill: { codes: '2ad 615' }, want: ['rule_duration_unknown'], severity: 'info' },
    { name: '2cd x1 at 21 minutes', bill: { codes: '2ad 2cd', durationMinutes: 21 }, want: [] },
    { name: '2cd x1 at 20 minutes', bill: { codes: '2ad 2cd', durationMinutes: 20 }, want: ['rule_duration_steps'] },
    { name: '2cd x2 at 36 minutes', bill: { codes: '2ad 2cd x2', durationMinutes: 36 }, want: [] },
    { name: '2cd x2 at 35 minutes', bill: { codes: '2ad 2cd x2', durationMinutes: 35 }, want: ['rule_duration_steps'] },
    { name: '2cd, duration unknown', bill: { codes: '2ad 2cd' }, want: ['rule_duration_steps_unknown'], severity: 'info' },
  ]);

  test.each([
    [0, 0],
    [20, 0],
    [20.5, 1],
    [35, 1],
    [35.5, 2],
    [50, 2],
    [51, 3],
  ])('allowedBySteps(%p, 2cd) = %p (one per started 15 minutes beyond 20)', (minutes, n) => expect(allowedBySteps(minutes, { over: 20, per: 15 })).toBe(n));
});

// The 20 + 15 minutes are the row's data, not the rule's: another year's figures change the result.
describe('duration: steps are row data (durationSteps)', () => {
  const other = compile([...BASE_ROWS.filter((r) => r.code !== '2cd'), row('2cd', { kind: 'supplement', repetition: { kind: 'unlimited' }, durationSteps: { over: 30, per: 10 } })]);
  ruleTable('duration', [
    { name: '2cd x1 at 31 minutes (over 30)', bill: { codes: '2ad 2cd', durationMinutes: 31 }, want: [] },
    { name: '2cd x1 at 25 minutes (not over 30)', bill: { codes: '2ad 2cd', durationMinutes: 25 }, want: ['rule_duration_steps'] },
    { name: '2cd x2 at 41 minutes (over 30 + 10)', bill: { codes: '2ad 2cd x2', durationMinutes: 41 }, want: [] },
  ], other);
  const noSteps = compile([...BASE_ROWS.filter((r) => r.code !== '2cd'), row('2cd', { kind: 'supplement', repetition: { kind: 'unlimited' } })]);
  ruleTable('duration', [
    { name: 'a 2cd row without durationSteps has no time check', bill: { codes: '2ad 2cd x3', durationMinutes: 10 }, want: [] },
    { name: 'a minimum duration still applies', bill: { codes: '2ad 615', durationMinutes: 10 }, want: ['rule_duration_min'] },
  ], noSteps);
});
