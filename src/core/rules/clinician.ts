// Who may bill it: consultation and home-visit takster (and the 2cd time supplement) never for work
// done by staff alone (merknad B1); 2ae not by turnus doctors; 2dd only for specialists in general
// practice (the 2ae text: "Dersom du er spesialist i allmennmedisin, kan du i tillegg krevje 2dd");
// grey/star-marked takster only in specialist practice with an RHF agreement.
import { B1_URL, docsPath, HELFO_GUIDE, isDoctorOnlyKind, type BillEntry, type ReportInput, type Rule, type RuleContext } from '../rule';

function findingFor(ctx: RuleContext, e: BillEntry): ReportInput | null {
  const c = ctx.bill.clinician;
  const data = { code: e.key };
  if (c?.performedBy === 'staff' && (isDoctorOnlyKind(e.takst) || e.key === '2cd')) {
    return { codes: [e.key], messageId: 'staff', data, fixId: 'staffFix', source: { merknad: 'B1', url: B1_URL } };
  }
  if (e.key === '2ae' && c?.turnus === true) {
    return { codes: [e.key], messageId: 'turnus', data, fixId: 'turnusFix' };
  }
  if (e.key === '2dd' && c?.specialistGP !== true) {
    // Unknown (not stated) is a warning: many bills carry no clinician facts at all.
    return {
      codes: [e.key],
      messageId: 'specialistGP',
      data,
      fixId: 'specialistGPFix',
      severity: c?.specialistGP === false ? 'error' : 'warning',
    };
  }
  if (e.takst?.row.specialistOnly && ctx.bill.setting !== 'spesialist') {
    return { codes: [e.key], messageId: 'specialistOnly', data, fixId: 'specialistOnlyFix', source: { regulation: 'Normaltariffen: tegnforklaringen, grå/stjernemerkede takster (bare spesialister med driftsavtale med RHF)' } };
  }
  return null;
}

export const clinician: Rule = {
  meta: {
    id: 'clinician',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { merknad: 'B1', regulation: `${HELFO_GUIDE}: Legens bruk av hjelpepersonell; takst 2ad, 2ae, 2cd` },
    docs: docsPath('clinician'),
    description: 'Not allowed for this clinician: staff alone, 2ae by turnus doctors, 2dd without specialist in general practice, specialist-only takster.',
    messages: {
      staff: 'rule_clinician_staff',
      staffFix: 'rule_clinician_staff_fix',
      turnus: 'rule_clinician_turnus',
      turnusFix: 'rule_clinician_turnus_fix',
      specialistGP: 'rule_clinician_specialist_gp',
      specialistGPFix: 'rule_clinician_specialist_gp_fix',
      specialistOnly: 'rule_clinician_specialist_only',
      specialistOnlyFix: 'rule_clinician_specialist_only_fix',
    },
  },
  check(ctx) {
    for (const e of ctx.entries) {
      if (!e.takst) continue;
      const f = findingFor(ctx, e);
      if (f) ctx.report(f);
    }
  },
};
