// Who may bill it: consultation and home-visit takster never for work done by staff alone (merknad
// B1), nor rows the data marks doctor-only; rows marked notTurnus not by turnus doctors; rows marked
// specialistGP only for specialists in general practice; grey/star-marked takster only in specialist
// practice with an RHF agreement. Which takster these are is tariff data (row.who, row.specialistOnly).
import { docsPath, HELFO_GUIDE, isDoctorOnlyKind, merknadUrl, rowRuleSource, type BillEntry, type ReportInput, type Rule, type RuleContext } from '../rule';

function findingFor(ctx: RuleContext, e: BillEntry): ReportInput | null {
  const c = ctx.bill.clinician;
  const data = { code: e.code };
  const row = e.takst?.row;
  const who = row?.who;
  if (c?.performedBy === 'staff' && (isDoctorOnlyKind(e.takst) || who?.doctorOnly === true)) {
    return { codes: [e.code], messageId: 'staff', data, fixId: 'staffFix', source: { merknad: 'B1', url: merknadUrl(ctx, 'B1') } };
  }
  if (row && who?.notTurnus === true && c?.turnus === true) {
    return { codes: [e.code], messageId: 'notTurnus', data, fixId: 'notTurnusFix', source: rowRuleSource(row) };
  }
  if (row && who?.specialistGP === true && c?.specialistGP !== true) {
    // Unknown (not stated) is a warning: many bills carry no clinician facts at all.
    return {
      codes: [e.code],
      messageId: 'specialistGP',
      data,
      fixId: 'specialistGPFix',
      severity: c?.specialistGP === false ? 'error' : 'warning',
      source: rowRuleSource(row),
    };
  }
  if (row?.specialistOnly && ctx.bill.setting !== 'spesialist') {
    const regulation = 'Normaltariffen: tegnforklaringen, grå/stjernemerkede takster (bare spesialister med driftsavtale med RHF)';
    return { codes: [e.code], messageId: 'specialistOnly', data, fixId: 'specialistOnlyFix', source: { regulation, url: merknadUrl(ctx, 'LEGEND-GRÅ') } };
  }
  return null;
}

export const clinician: Rule = {
  meta: {
    id: 'clinician',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { merknad: 'B1', regulation: `${HELFO_GUIDE}: Legens bruk av hjelpepersonell; vilkår for den enkelte takst` },
    docs: docsPath('clinician'),
    description: 'Not allowed for this clinician: staff alone, a turnus doctor, no specialist in general practice, or a specialist-only takst (row data).',
    yearData: true,
    messages: {
      staff: 'rule_clinician_staff',
      staffFix: 'rule_clinician_staff_fix',
      notTurnus: 'rule_clinician_not_turnus',
      notTurnusFix: 'rule_clinician_not_turnus_fix',
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
