import { BASE_ROWS, compile, row, ruleTable } from './helpers';

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

// Official krever_prosedyre -> requiresProcedure: `true` = any procedure takst, a list = one of its codes.
describe('requires-companion: requiresProcedure', () => {
  const t = compile([...BASE_ROWS, row('10x', { kind: 'material', requiresProcedure: true }), row('10y', { kind: 'material', requiresProcedure: ['105'] })]);
  ruleTable('requires-companion', [
    { name: 'with a procedure takst', bill: { codes: '2ad 100 10x' }, want: [] },
    { name: 'without any procedure takst', bill: { codes: '2ad 10x' }, want: ['rule_requires_procedure'], codes: ['10x'] },
    { name: 'a listed procedure present', bill: { codes: '2ad 105 10y' }, want: [] },
    { name: 'another procedure than the listed one', bill: { codes: '2ad 100 10y' }, want: ['rule_requires_companion'] },
  ], t);
});
