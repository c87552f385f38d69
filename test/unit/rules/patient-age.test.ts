import { ruleTable } from './helpers';

describe('patient-age', () => {
  ruleTable('patient-age', [
    { name: '612b for a 17-year-old', bill: { codes: '2ad 612b', patient: { age: 17 } }, want: [] },
    { name: '612b for an 18-year-old', bill: { codes: '2ad 612b', patient: { age: 18 } }, want: ['rule_patient_age_too_old'], codes: ['612b'] },
    { name: '506 for a 6-year-old', bill: { codes: '2ad 506', patient: { age: 6 } }, want: [] },
    { name: '506 for a 7-year-old', bill: { codes: '2ad 506', patient: { age: 7 } }, want: ['rule_patient_age_too_old'] },
    { name: '612b, age unknown: info, not checked', bill: { codes: '2ad 612b' }, want: ['rule_patient_age_unknown'], severity: 'info' },
    { name: 'no age condition', bill: { codes: '2ad', patient: { age: 90 } }, want: [] },
  ]);
});
