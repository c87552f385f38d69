// At legevakt or in the evening a takst the data names (row.prescriptionCode) is always used instead of
// the row's takst when a prescription is written, even if advice was given too. The bill does not show
// whether a prescription was written, so this is info: the row's takst is right for advice alone, and a
// rule that cannot see the fact must not call it an error.
import { docsPath, HELFO_GUIDE, rowRuleSource, type Rule } from '../rule';

export const prescriptionContact: Rule = {
  meta: {
    id: 'prescription-contact',
    defaultSeverity: 'info',
    bypass: 'documented',
    source: { merknad: 'A1', regulation: `${HELFO_GUIDE}: enkel pasientkontakt med resept på legevakt eller kveld` },
    docs: docsPath('prescription-contact'),
    description: 'A contact takst at legevakt or in the evening: use row.prescriptionCode instead if a prescription was written.',
    yearData: true,
    messages: { useInstead: 'rule_prescription_contact_code', fix: 'rule_prescription_contact_code_fix' },
  },
  check(ctx) {
    if (ctx.bill.setting !== 'legevakt' && !ctx.eveningWindow) return;
    for (const e of ctx.entries) {
      const row = e.takst?.row;
      const instead = row?.prescriptionCode;
      if (!row || !instead) continue;
      ctx.report({
        codes: [e.code],
        messageId: 'useInstead',
        data: { code: e.code, instead },
        fixId: 'fix',
        source: rowRuleSource(row),
      });
    }
  },
};
