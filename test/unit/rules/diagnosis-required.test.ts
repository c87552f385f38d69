import { BASE_ROWS, check, compile, findingsOf, row, ruleTable } from './helpers';

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

// Official krever_diagnose -> requiresDiagnosis: a list means one of those codes (or a code under a prefix).
describe('diagnosis-required: requiresDiagnosis', () => {
  const t = compile([...BASE_ROWS, row('6x', { kind: 'other', requiresDiagnosis: ['P76', 'P'] }), row('6y', { kind: 'other', requiresDiagnosis: true })]);
  ruleTable('diagnosis-required', [
    { name: 'the listed diagnosis', bill: { codes: '2ad 6x', diagnoses: ['P76'] }, want: [] },
    { name: 'a diagnosis under a listed prefix', bill: { codes: '2ad 6x', diagnoses: ['R74', 'P01'] }, want: [] },
    { name: 'none of the listed diagnoses', bill: { codes: '2ad 6x', diagnoses: ['R74'] }, want: ['rule_diagnosis_required_for'], codes: ['6x'] },
    { name: '`true` only needs a diagnosis', bill: { codes: '2ad 6y', diagnoses: ['R74'] }, want: [] },
    { name: '`true` without a diagnosis: the bill-level finding', bill: { codes: '2ad 6y', diagnoses: [] }, want: ['rule_diagnosis_required'] },
  ], t);
});
