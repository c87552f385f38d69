// Every bill to Helfo must carry at least one diagnosis (the main one first). A takst whose row names
// diagnoses (requiresDiagnosis, official krever_diagnose) also needs one of them (a code or its prefix).
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

const norm = (d: string): string => d.replace(/[\s.]/g, '').toUpperCase();

export const diagnosisRequired: Rule = {
  meta: {
    id: 'diagnosis-required',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: Diagnosar («Rekningar du sender til Helfo, må innehalde minst ei diagnose»)` },
    docs: docsPath('diagnosis-required'),
    description: 'The bill has no diagnosis, or none of the diagnoses a takst requires (row.requiresDiagnosis).',
    messages: {
      missing: 'rule_diagnosis_required',
      fixPrimary: 'rule_diagnosis_required_fix',
      fixSpecialist: 'rule_diagnosis_required_fix_specialist',
      missingFor: 'rule_diagnosis_required_for',
      missingForFix: 'rule_diagnosis_required_for_fix',
    },
  },
  check(ctx) {
    const given = (ctx.bill.diagnoses ?? []).filter((x) => x.trim() !== '').map(norm);
    if (given.length === 0) {
      // The 70-99 / 1-29 ranges are ICPC-2's; a specialist codes ICD-10, so gets its own advice.
      ctx.report({ codes: [], messageId: 'missing', fixId: ctx.bill.setting === 'spesialist' ? 'fixSpecialist' : 'fixPrimary' });
      return;
    }
    for (const e of ctx.entries) {
      const need = e.takst?.row.requiresDiagnosis;
      if (!Array.isArray(need)) continue;
      const wanted = need.map(norm);
      if (given.some((g) => wanted.some((w) => g.startsWith(w)))) continue;
      ctx.report({
        codes: [e.code],
        messageId: 'missingFor',
        data: { code: e.code, diagnoses: need.join(', ') },
        fixId: 'missingForFix',
        source: { url: e.takst?.row.provenance.url ?? undefined },
      });
    }
  },
};
