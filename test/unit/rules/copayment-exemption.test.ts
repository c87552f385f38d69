import { EXEMPTION_IDS } from '../../../src/core/types';
import { check, findingsOf, ruleTable } from './helpers';

describe('copayment-exemption', () => {
  ruleTable('copayment-exemption', [
    { name: 'adult without exemption', bill: { codes: '2ad', patient: { age: 40 } }, want: [] },
    { name: 'age unknown, no exemption', bill: { codes: '2ad' }, want: [] },
    { name: 'child under 16 by age', bill: { codes: '2ad', patient: { age: 15 } }, want: ['rule_copayment_exemption_under16'], severity: 'info' },
    { name: '16-year-old pays', bill: { codes: '2ad', patient: { age: 16 } }, want: [] },
    { name: 'frikort', bill: { codes: '2ad', patient: { age: 40, exemptions: ['frikort'] } }, want: ['rule_copayment_exemption_frikort'] },
  ]);

  test.each(EXEMPTION_IDS.map((id) => [id]))('ground %s has its own message in every locale', (id) => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      const [f] = findingsOf(check({ codes: '2ad', patient: { exemptions: [id] } }, { locale }), 'copayment-exemption');
      expect(f?.message).toBeTruthy();
      expect(f?.message).not.toBe(f?.key);
    }
  });
});
