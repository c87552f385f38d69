import { BASE_ROWS, compile, row, ruleTable } from './helpers';

describe('clinician', () => {
  ruleTable('clinician', [
    { name: 'consultation by the doctor', bill: { codes: '2ad', clinician: { performedBy: 'doctor' } }, want: [] },
    { name: 'consultation by staff alone (merknad B1)', bill: { codes: '2ad', clinician: { performedBy: 'staff' } }, want: ['rule_clinician_staff'], codes: ['2ad'] },
    { name: 'home visit by staff alone', bill: { codes: '11ad', clinician: { performedBy: 'staff' } }, want: ['rule_clinician_staff'] },
    { name: '2cd for staff time', bill: { codes: '2cd', clinician: { performedBy: 'staff' }, durationMinutes: 30 }, want: ['rule_clinician_staff'] },
    { name: 'simple contact 1ad by staff', bill: { codes: '1ad', clinician: { performedBy: 'staff' } }, want: [] },
    { name: '2ae by a turnus doctor', bill: { codes: '2ae', clinician: { turnus: true } }, want: ['rule_clinician_not_turnus'] },
    { name: '2ae by a fastlege', bill: { codes: '2ae', clinician: { turnus: false } }, want: [] },
    { name: '2ae + 2dd by a specialist in general practice', bill: { codes: '2ae 2dd', clinician: { specialistGP: true } }, want: [] },
    { name: '2ae + 2dd, not a specialist', bill: { codes: '2ae 2dd', clinician: { specialistGP: false } }, want: ['rule_clinician_specialist_gp'], severity: 'error' },
    { name: '2ae + 2dd, specialist status unknown', bill: { codes: '2ae 2dd' }, want: ['rule_clinician_specialist_gp'], severity: 'warning' },
    { name: 'specialist-only takst at fastlege', bill: { codes: 'k01a' }, want: ['rule_clinician_specialist_only'] },
    { name: 'specialist-only takst in specialist practice', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['H40.1'] }, want: [] },
  ]);
});

// Who may bill what is the row's data (row.who), not code: a row without it has no such condition.
describe('clinician: conditions are row data (row.who)', () => {
  const other = compile([
    ...BASE_ROWS.filter((r) => !['2ae', '2cd', '2dd'].includes(r.code)),
    row('2ae', { kind: 'consultation' }),
    row('2cd', { kind: 'supplement', repetition: { kind: 'unlimited' } }),
    row('2dd', { kind: 'supplement' }),
    row('2dk', { kind: 'supplement', who: { specialistGP: true } }),
    row('2x9', { kind: 'other', who: { notTurnus: true, doctorOnly: true } }),
  ]);
  ruleTable('clinician', [
    { name: '2ae by a turnus doctor when the row has no notTurnus', bill: { codes: '2ae', clinician: { turnus: true } }, want: [] },
    { name: '2cd by staff when the row is not doctorOnly', bill: { codes: '2cd', clinician: { performedBy: 'staff' } }, want: [] },
    { name: '2dd without specialistGP on the row', bill: { codes: '2dd', clinician: { specialistGP: false } }, want: [] },
    { name: '2dk marked specialistGP', bill: { codes: '2dk', clinician: { specialistGP: false } }, want: ['rule_clinician_specialist_gp'] },
    { name: 'a row marked notTurnus', bill: { codes: '2x9', clinician: { turnus: true } }, want: ['rule_clinician_not_turnus'] },
    { name: 'a row marked doctorOnly, by staff', bill: { codes: '2x9', clinician: { performedBy: 'staff' } }, want: ['rule_clinician_staff'] },
  ], other);
});
