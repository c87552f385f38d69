import { icpc2Kind, isIcd10, normalizeDiagnosis } from '../../../src/core/diagnosis/lookup';
import { ruleTable } from './helpers';

// Seed «Diagnosar»: ICPC-2 in primary care, ICD-10 in specialist care; «primært ... sjukdomsdiagnose
// (nummer 70-99) ... sekundært ... symptomdiagnose (1-29)»; «Hovuddiagnosen skal stå først».
describe('diagnosis-system', () => {
  ruleTable('diagnosis-system', [
    { name: 'ICPC-2 at fastlege', bill: { codes: '2ad', diagnoses: ['K86', 'r74'] }, want: [] },
    { name: 'a Norwegian ICPC-2 extension code (R991)', bill: { codes: '2ad', diagnoses: ['R991'] }, want: [] },
    { name: 'ICD-10 with decimals at fastlege', bill: { codes: '2ad', diagnoses: ['J06.9'] }, want: ['rule_diagnosis_system_icd10_primary'] },
    { name: 'ICD-10 at legevakt (I10)', bill: { codes: '2ad', setting: 'legevakt', diagnoses: ['I10'] }, want: ['rule_diagnosis_system_icd10_primary'] },
    { name: 'ICD-10 in specialist practice', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['H40.1', 'I10'] }, want: [] },
    { name: 'ICD-10 national 5-character code at a specialist (I210a)', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['I21.0a'] }, want: [] },
    { name: 'ICPC-2 at a specialist (K24, fear of heart disease, is no ICD-10 code)', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['K24'] }, want: ['rule_diagnosis_system_icpc_specialist'] },
    { name: 'a code both lists hold (K86) is fine at a specialist', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['K86'] }, want: [] },
    { name: 'not a code in either list', bill: { codes: '2ad', diagnoses: ['diabetes'] }, want: ['rule_diagnosis_system_unknown'] },
    { name: 'code-shaped but in neither list (K8)', bill: { codes: '2ad', diagnoses: ['K8'] }, want: ['rule_diagnosis_system_unknown'] },
    { name: 'specialist with a code in neither list', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['U99.9x'] }, want: ['rule_diagnosis_system_unknown'] },
    { name: 'ICPC-2 process code as the diagnosis (A30)', bill: { codes: '2ad', diagnoses: ['A30'] }, want: ['rule_diagnosis_system_process'] },
    { name: 'bare process code (-50)', bill: { codes: '2ad', diagnoses: ['-50'] }, want: ['rule_diagnosis_system_process'] },
    { name: 'symptom first, disease after', bill: { codes: '2ad', diagnoses: ['R05', 'R81'] }, want: ['rule_diagnosis_system_symptom_first'] },
    { name: 'disease first, symptom after', bill: { codes: '2ad', diagnoses: ['R81', 'R05'] }, want: [] },
    { name: 'only symptoms', bill: { codes: '2ad', diagnoses: ['R05', 'A04'] }, want: [] },
    { name: 'order is not judged at a specialist', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['R05', 'J18'] }, want: [] },
  ]);

  test('lookup: components and systems from the real lists', () => {
    expect(icpc2Kind('P76')).toBe('diagnosis');
    expect(icpc2Kind('P01')).toBe('symptom');
    expect(icpc2Kind('Z69')).toBe('process');
    expect(icpc2Kind('P00')).toBeNull();
    expect(isIcd10(normalizeDiagnosis('j06.9'))).toBe(true);
    expect(isIcd10('J06')).toBe(true); // the category above J069
    expect(isIcd10('K24')).toBe(false);
    expect(isIcd10('P76')).toBe(true); // an ICD-10 category too: such codes pass in both settings
    expect(isIcd10('J069999')).toBe(false);
  });
});
