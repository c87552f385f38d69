import { osloToday } from '../../../src/core/rules/future-date';
import { ruleTable } from './helpers';

describe('future-date', () => {
  ruleTable('future-date', [
    { name: 'no clock given: not checked', bill: { codes: '2ad', at: '2024-03-13T10:00' }, want: [] },
    { name: 'today', bill: { codes: '2ad', at: '2024-03-13T23:00' }, options: { now: '2024-03-13T08:00' }, want: [] },
    { name: 'tomorrow', bill: { codes: '2ad', at: '2024-03-14T08:00' }, options: { now: '2024-03-13T23:00' }, want: ['rule_future_date'] },
    { name: 'an instant is read in Norwegian time (23:30Z = 00:30 next day in Oslo)', bill: { codes: '2ad', at: '2024-03-14T00:10' }, options: { now: '2024-03-13T23:30:00Z' }, want: [] },
  ]);

  test('osloToday', () => {
    expect(osloToday('2024-07-01T22:30:00Z')).toBe('2024-07-02'); // summer time, UTC+2
    expect(osloToday('2024-01-01T22:30:00Z')).toBe('2024-01-01'); // UTC+1
    expect(osloToday('not a date')).toBeNull();
  });
});
