import { check, findingsOf, ruleTable } from './helpers';

describe('diagnosis-required', () => {
  ruleTable('diagnosis-required', [
    { name: 'one diagnosis', bill: { codes: '2ad', diagnoses: ['K86'] }, want: [] },
    { name: 'no diagnoses field', bill: { codes: '2ad', diagnoses: undefined }, want: ['rule_diagnosis_required'] },
    { name: 'an empty list', bill: { codes: '2ad', diagnoses: [] }, want: ['rule_diagnosis_required'] },
    { name: 'only blanks', bill: { codes: '2ad', diagnoses: ['  '] }, want: ['rule_diagnosis_required'] },
  ]);

  test('the fix names ICPC-2 ranges only in primary care', () => {
    const fix = (setting: 'fastlege' | 'spesialist') => findingsOf(check({ codes: 'k01a', setting, diagnoses: [] }), 'diagnosis-required')[0]?.fix ?? '';
    expect(fix('fastlege')).toMatch(/70–99/);
    expect(fix('spesialist')).toMatch(/ICD-10/);
    expect(fix('spesialist')).not.toMatch(/70–99|1–29/);
  });
});
