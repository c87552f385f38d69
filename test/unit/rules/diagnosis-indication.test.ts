// Against the bundled 2023-2024 tariff: the indication lists are its data (rows 612a, 612b, 615).
import { bundledCompiled } from '../../../src/data/index';
import { matchesIndication } from '../../../src/core/diagnosis/lookup';
import { ruleTable } from './helpers';

const [TARIFF] = bundledCompiled();

describe('diagnosis-indication', () => {
  ruleTable('diagnosis-indication', [
      // Seed «Takst 615»: «Det er eit vilkår for å krevje taksten at pasienten har ei psykisk liding».
      { name: '615 with anxiety disorder (P74)', bill: { codes: '2ad 615', durationMinutes: 30, diagnoses: ['P74'] }, want: [] },
      { name: '615 with depression (P76) second', bill: { codes: '2ad 615', durationMinutes: 30, diagnoses: ['K86', 'P76'] }, want: [] },
      { name: '615 with a somatic diagnosis only', bill: { codes: '2ad 615', durationMinutes: 30, diagnoses: ['K86'] }, want: ['rule_diagnosis_indication'], codes: ['615'], severity: 'warning' },
      { name: '615 with a P symptom only (P01, feeling anxious)', bill: { codes: '2ad 615', durationMinutes: 30, diagnoses: ['P01'] }, want: ['rule_diagnosis_indication'] },
      { name: '615 at a specialist with ICD-10 chapter F', bill: { codes: '615', setting: 'spesialist', durationMinutes: 30, diagnoses: ['F32.1'] }, want: [] },
      { name: '615 at a specialist with ICD-10 outside chapter F', bill: { codes: '615', setting: 'spesialist', durationMinutes: 30, diagnoses: ['I10'] }, want: ['rule_diagnosis_indication'] },
      { name: 'no diagnosis at all: diagnosis-required speaks, not this rule', bill: { codes: '2ad 615', durationMinutes: 30, diagnoses: [] }, want: [] },
      // Seed «Takst 612a»: psykiatrisk/nevrologisk, kronisk alvorleg, terminal sjukdom, rusmiddelproblem.
      { name: '612a with dementia (P70)', bill: { codes: '2ad 612a', diagnoses: ['P70'] }, want: [] },
      { name: '612a with COPD (R95)', bill: { codes: '2ad 612a', diagnoses: ['R95'] }, want: [] },
      { name: '612a with drug abuse (P19, a symptom code)', bill: { codes: '2ad 612a', diagnoses: ['P19'] }, want: [] },
      { name: '612a with a cough (R05) only', bill: { codes: '2ad 612a', diagnoses: ['R05'] }, want: ['rule_diagnosis_indication'] },
      // Seed «Takst 612b»: skoleproblem, mobbing, åtferdsvanskar, ... søvnproblem, enurese, atopi, overvekt, anoreksi.
      { name: '612b with bedwetting (P12)', bill: { codes: '2ad 612b', patient: { age: 8 }, diagnoses: ['P12'] }, want: [] },
      { name: '612b with asthma (R96)', bill: { codes: '2ad 612b', patient: { age: 8 }, diagnoses: ['R96'] }, want: [] },
      { name: '612b with an ear infection (H71)', bill: { codes: '2ad 612b', patient: { age: 8 }, diagnoses: ['H71'] }, want: ['rule_diagnosis_indication'] },
  ], TARIFF);

  test('patterns: prefixes and 3-character ranges (national 4-character codes included)', () => {
    expect(matchesIndication('P76', ['P70-P99'])).toBe(true);
    expect(matchesIndication('P69', ['P70-P99'])).toBe(false);
    expect(matchesIndication('R991', ['R70-R99'])).toBe(true);
    expect(matchesIndication('F321', ['F'])).toBe(true);
    expect(matchesIndication('F981', ['F90-F98'])).toBe(true);
    expect(matchesIndication('J45', ['A00-Q99'])).toBe(true);
    expect(matchesIndication('R05', ['A00-Q99'])).toBe(false);
  });

  test('the lists are tariff data: a row without an indication is never questioned', () => {
    expect(TARIFF?.byKey.get('615')?.row.indication?.icpc2).toEqual(['P70-P99']);
    expect(TARIFF?.byKey.get('2ad')?.row.indication).toBeUndefined();
  });
});
