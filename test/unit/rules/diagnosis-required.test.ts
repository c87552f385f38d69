import { ruleTable } from './helpers';

describe('diagnosis-required', () => {
  ruleTable('diagnosis-required', [
    { name: 'one diagnosis', bill: { codes: '2ad', diagnoses: ['K86'] }, want: [] },
    { name: 'no diagnoses field', bill: { codes: '2ad', diagnoses: undefined }, want: ['rule_diagnosis_required'] },
    { name: 'an empty list', bill: { codes: '2ad', diagnoses: [] }, want: ['rule_diagnosis_required'] },
    { name: 'only blanks', bill: { codes: '2ad', diagnoses: ['  '] }, want: ['rule_diagnosis_required'] },
  ]);
});
