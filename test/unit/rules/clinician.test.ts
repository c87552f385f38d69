import { ruleTable } from './helpers';

describe('clinician', () => {
  ruleTable('clinician', [
    { name: 'consultation by the doctor', bill: { codes: '2ad', clinician: { performedBy: 'doctor' } }, want: [] },
    { name: 'consultation by staff alone (merknad B1)', bill: { codes: '2ad', clinician: { performedBy: 'staff' } }, want: ['rule_clinician_staff'], codes: ['2ad'] },
    { name: 'home visit by staff alone', bill: { codes: '11ad', clinician: { performedBy: 'staff' } }, want: ['rule_clinician_staff'] },
    { name: '2cd for staff time', bill: { codes: '2cd', clinician: { performedBy: 'staff' }, durationMinutes: 30 }, want: ['rule_clinician_staff'] },
    { name: 'simple contact 1ad by staff', bill: { codes: '1ad', clinician: { performedBy: 'staff' } }, want: [] },
    { name: '2ae by a turnus doctor', bill: { codes: '2ae', clinician: { turnus: true } }, want: ['rule_clinician_turnus'] },
    { name: '2ae by a fastlege', bill: { codes: '2ae', clinician: { turnus: false } }, want: [] },
    { name: '2ae + 2dd by a specialist in general practice', bill: { codes: '2ae 2dd', clinician: { specialistGP: true } }, want: [] },
    { name: '2ae + 2dd, not a specialist', bill: { codes: '2ae 2dd', clinician: { specialistGP: false } }, want: ['rule_clinician_specialist_gp'], severity: 'error' },
    { name: '2ae + 2dd, specialist status unknown', bill: { codes: '2ae 2dd' }, want: ['rule_clinician_specialist_gp'], severity: 'warning' },
    { name: 'specialist-only takst at fastlege', bill: { codes: 'k01a' }, want: ['rule_clinician_specialist_only'] },
    { name: 'specialist-only takst in specialist practice', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['H40.1'] }, want: [] },
  ]);
});
