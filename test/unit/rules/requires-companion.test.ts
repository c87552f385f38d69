import { ruleTable } from './helpers';

describe('requires-companion', () => {
  ruleTable('requires-companion', [
    { name: '2cd with 2ad', bill: { codes: '2ad 2cd', durationMinutes: 30 }, want: [] },
    { name: '2cd without 2ad/2ak', bill: { codes: '2cd', durationMinutes: 30 }, want: ['rule_requires_companion'], codes: ['2cd'] },
    { name: '701c with 701a', bill: { codes: '701a 701c' }, want: [] },
    { name: '701c without 701a', bill: { codes: '701c' }, want: ['rule_requires_companion'] },
    { name: '11e without 11ak', bill: { codes: '11ad 11e' }, want: ['rule_requires_companion'], codes: ['11e'] },
    { name: '21k with 2fk', bill: { codes: '2fk 21k', setting: 'legevakt', onCall: 'home', at: '2024-03-11T17:00' }, want: [] },
    { name: '21k alone (not a supplement to 2fk or a home visit)', bill: { codes: '21k', setting: 'legevakt', at: '2024-03-11T17:00' }, want: ['rule_requires_companion'] },
    { name: '10b with 100 (a listed procedure)', bill: { codes: '2ad 100 10b' }, want: [] },
    { name: '10b without a listed procedure', bill: { codes: '2ad 10b' }, want: ['rule_requires_companion'], codes: ['10b'] },
  ]);
});
