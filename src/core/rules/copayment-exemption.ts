// Fritak for eigendel: one of the nine grounds in the Helfo text (frikort, pregnancy, occupational
// injury, prison, condition preventing collection, psychotherapy under 18, children under 16,
// communicable disease, violence/abuse) applies, so the patient pays nothing and Helfo refunds the fee.
// A claimed ground the bill contradicts (under16 at 16+, psychotherapy-under-18 at 18+ or outside
// specialist care) is a warning and is not applied: the egenandel stays.
import { exemptionContradicted, exemptionOf } from '../amounts';
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';
import { EXEMPTION_IDS, type ExemptionId } from '../types';

/** `occupational-injury` -> `occupational_injury`, the locale key's spelling. */
const keyPart = (ground: ExemptionId) => ground.replace(/-/g, '_');

export const copaymentExemption: Rule = {
  meta: {
    id: 'copayment-exemption',
    defaultSeverity: 'info',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: Fritak for å betale eigendel (ni fritaksgrunnar)` },
    docs: docsPath('copayment-exemption'),
    description: 'An exemption applies, so the patient share is 0; a claimed exemption the bill contradicts is a warning.',
    messages: {
      ...Object.fromEntries(EXEMPTION_IDS.map((g) => [g, `rule_copayment_exemption_${keyPart(g)}`])),
      fix: 'rule_copayment_exemption_fix',
      contradictedUnder16: 'rule_copayment_exemption_contradicted_under16',
      contradictedPsychotherapy: 'rule_copayment_exemption_contradicted_psychotherapy',
      contradictedFix: 'rule_copayment_exemption_contradicted_fix',
    },
  },
  check(ctx) {
    const age = ctx.bill.patient?.age ?? '-';
    for (const claimed of ctx.bill.patient?.exemptions ?? []) {
      if (!exemptionContradicted(claimed, ctx.bill)) continue;
      ctx.report({
        codes: [],
        messageId: claimed === 'under16' ? 'contradictedUnder16' : 'contradictedPsychotherapy',
        data: { age, setting: ctx.bill.setting },
        fixId: 'contradictedFix',
        severity: 'warning',
      });
    }
    const ground = exemptionOf(ctx.bill);
    if (!ground) return;
    ctx.report({ codes: [], messageId: ground, data: { age }, fixId: 'fix' });
  },
};
