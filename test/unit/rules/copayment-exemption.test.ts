import { EXEMPTION_IDS } from '../../../src/core/types';
import { check, findingsOf, ruleTable } from './helpers';

describe('copayment-exemption', () => {
  ruleTable('copayment-exemption', [
    { name: 'adult without exemption', bill: { codes: '2ad', patient: { age: 40 } }, want: [] },
    { name: 'age unknown, no exemption', bill: { codes: '2ad' }, want: [] },
    { name: 'child under 16 by age', bill: { codes: '2ad', patient: { age: 15 } }, want: ['rule_copayment_exemption_under16'], severity: 'info' },
    { name: '16-year-old pays', bill: { codes: '2ad', patient: { age: 16 } }, want: [] },
    { name: 'frikort', bill: { codes: '2ad', patient: { age: 40, exemptions: ['frikort'] } }, want: ['rule_copayment_exemption_frikort'] },
    { name: 'under16 claimed, age unknown', bill: { codes: '2ad', patient: { exemptions: ['under16'] } }, want: ['rule_copayment_exemption_under16'] },
    { name: 'under16 claimed at 16: warning, not applied', bill: { codes: '2ad', patient: { age: 16, exemptions: ['under16'] } }, want: ['rule_copayment_exemption_contradicted_under16'], severity: 'warning' },
    { name: 'under16 claimed at 40 with frikort too: frikort applies', bill: { codes: '2ad', patient: { age: 40, exemptions: ['under16', 'frikort'] } }, want: ['rule_copayment_exemption_contradicted_under16', 'rule_copayment_exemption_frikort'] },
    { name: 'psychotherapy under 18 at a specialist, age 17', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['F32'], patient: { age: 17, exemptions: ['psychotherapy-under-18'] } }, want: ['rule_copayment_exemption_psychotherapy_under_18'] },
    { name: 'psychotherapy under 18 at 18', bill: { codes: 'k01a', setting: 'spesialist', diagnoses: ['F32'], patient: { age: 18, exemptions: ['psychotherapy-under-18'] } }, want: ['rule_copayment_exemption_contradicted_psychotherapy'], severity: 'warning' },
    { name: 'psychotherapy under 18 at a fastlege (specialist care only)', bill: { codes: '2ad', patient: { age: 12, exemptions: ['psychotherapy-under-18'] } }, want: ['rule_copayment_exemption_contradicted_psychotherapy', 'rule_copayment_exemption_under16'] },
  ]);

  test('a contradicted ground does not zero the egenandel', () => {
    expect(check({ codes: '2ad', patient: { age: 16, exemptions: ['under16'] } }).amounts).toMatchObject({ egenandel: 170 });
    expect(check({ codes: '2ad', patient: { age: 30, exemptions: ['psychotherapy-under-18'] } }).amounts.exemption).toBeUndefined();
    expect(check({ codes: '2ad', patient: { age: 15, exemptions: ['under16'] } }).amounts).toMatchObject({ egenandel: 0, exemption: 'under16' });
  });

  test('merknad B5: 10a-10d cost the patient nothing in an occupational-injury case, but stay with other grounds', () => {
    const injury = check({ codes: '100 10b', patient: { age: 40, exemptions: ['occupational-injury'] } }).amounts;
    expect(injury).toMatchObject({ egenandel: 0, exemption: 'occupational-injury' });
    expect(injury.refusjon).toBe(93);
    expect(check({ codes: '100 10b', patient: { age: 40, exemptions: ['frikort'] } }).amounts.egenandel).toBe(93);
    expect(check({ codes: '100 10b', patient: { age: 40 } }).amounts.egenandel).toBe(93);
  });

  test.each(EXEMPTION_IDS.map((id) => [id]))('ground %s has its own message in every locale', (id) => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      const [f] = findingsOf(check({ codes: '2ad', patient: { exemptions: [id] } }, { locale }), 'copayment-exemption');
      expect(f?.message).toBeTruthy();
      expect(f?.message).not.toBe(f?.key);
    }
  });
});
