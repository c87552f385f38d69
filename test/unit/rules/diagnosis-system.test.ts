import { ruleTable } from './helpers';

describe('diagnosis-system', () => {
  ruleTable('diagnosis-system', [
    { name: 'ICPC-2 at fastlege', bill: { codes: '2ad', diagnoses: ['K86', 'r74'] }, want: [] },
    { name: 'ICD-10 with decimals at fastlege', bill: { codes: '2ad', diagnoses: ['J06.9'] }, want: ['rule_diagnosis_system_wrong'] },
    { name: 'ICD-10 chapter letter ICPC-2 lacks (I10) at legevakt', bill: { codes: '2ad', setting: 'legevakt', diagnoses: ['I10'] }, want: ['rule_diagnosis_system_wrong'] },
    { name: 'ICD-10 in specialist practice', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['H40.1', 'I10'] }, want: [] },
    { name: 'not a code in either system', bill: { codes: '2ad', diagnoses: ['diabetes'] }, want: ['rule_diagnosis_system_unknown'] },
    { name: 'specialist with a non-ICD-10 shape', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['K8'] }, want: ['rule_diagnosis_system_unknown'] },
  ]);
});
