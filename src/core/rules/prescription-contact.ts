// At legevakt or in the evening 1i is always used instead of 1bk when a prescription is written, even
// if advice was given too. The bill does not show whether a prescription was written, so this is info:
// 1bk is right for advice alone, and a rule that cannot see the fact must not call it an error.
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const prescriptionContact: Rule = {
  meta: {
    id: 'prescription-contact',
    defaultSeverity: 'info',
    bypass: 'documented',
    source: { merknad: 'A1', regulation: `${HELFO_GUIDE}: takst 1bk («På legevakt eller kveld skal alltid 1i benyttes fremfor 1bk»)` },
    docs: docsPath('prescription-contact'),
    description: '1bk at legevakt or in the evening: use 1i instead if a prescription was written.',
    messages: { use1i: 'rule_prescription_contact', fix: 'rule_prescription_contact_fix' },
  },
  check(ctx) {
    if (!ctx.byKey.get('1bk')?.takst) return;
    if (ctx.bill.setting !== 'legevakt' && !ctx.eveningWindow) return;
    ctx.report({ codes: ['1bk'], messageId: 'use1i', data: { code: '1bk' }, fixId: 'fix' });
  },
};
