// Fritak for eigendel: one of the nine grounds in the Helfo text (frikort, pregnancy, occupational
// injury, prison, condition preventing collection, psychotherapy under 18, children under 16,
// communicable disease, violence/abuse) applies, so the patient pays nothing and Helfo refunds the fee.
import { exemptionOf } from '../amounts';
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const copaymentExemption: Rule = {
  meta: {
    id: 'copayment-exemption',
    defaultSeverity: 'info',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: Fritak for å betale eigendel (ni fritaksgrunnar)` },
    docs: docsPath('copayment-exemption'),
    description: 'An exemption applies, so the patient share is 0.',
  },
  check(ctx) {
    const ground = exemptionOf(ctx.bill);
    if (!ground) return;
    ctx.report({
      codes: [],
      key: `rule_copayment_exemption_${ground.replace(/-/g, '_')}`,
      params: { age: ctx.bill.patient?.age ?? '-' },
      fixKey: 'rule_copayment_exemption_fix',
    });
  },
};
