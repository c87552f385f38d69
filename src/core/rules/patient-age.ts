// Age conditions from the tariff data (row.minAge, row.maxAgeExclusive): minAge <= age < maxAgeExclusive.
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const patientAge: Rule = {
  meta: {
    id: 'patient-age',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `Normaltariffen; ${HELFO_GUIDE}: aldersvilkår` },
    docs: docsPath('patient-age'),
    description: "The patient's age fails a takst's age condition (row.minAge, row.maxAgeExclusive).",
    yearData: true,
    messages: {
      tooOld: 'rule_patient_age_too_old',
      tooYoung: 'rule_patient_age_too_young',
      fix: 'rule_patient_age_fix',
      unknown: 'rule_patient_age_unknown',
      unknownFix: 'rule_patient_age_unknown_fix',
    },
  },
  check(ctx) {
    const age = ctx.bill.patient?.age;
    for (const e of ctx.entries) {
      const row = e.takst?.row;
      if (!row || (row.minAge === null && row.maxAgeExclusive === null)) continue;
      const min = row.minAge ?? 0;
      const below = row.maxAgeExclusive ?? Infinity;
      const data = { code: e.code, min, below: row.maxAgeExclusive ?? '-', age: age ?? '-' };
      const source = { url: row.provenance.url ?? undefined };
      if (age === undefined) {
        // Age is often not on the billing screen: say what could not be checked.
        ctx.report({ codes: [e.code], messageId: 'unknown', data, fixId: 'unknownFix', severity: 'info', source });
      } else if (age < min || age >= below) {
        ctx.report({
          codes: [e.code],
          messageId: row.maxAgeExclusive !== null && age >= below ? 'tooOld' : 'tooYoung',
          data,
          fixId: 'fix',
          source,
        });
      }
    }
  },
};
