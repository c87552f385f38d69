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
  },
  check(ctx) {
    const given = (ctx.bill.diagnoses ?? []).filter((x) => x.trim() !== '').map(norm);
    if (given.length === 0) {
      ctx.report({ codes: [], key: 'rule_diagnosis_required', fixKey: 'rule_diagnosis_required_fix' });
      return;
    }
    for (const e of ctx.entries) {
      const need = e.takst?.row.requiresDiagnosis;
      if (!Array.isArray(need)) continue;
      const wanted = need.map(norm);
      if (given.some((g) => wanted.some((w) => g.startsWith(w)))) continue;
      ctx.report({
        codes: [e.key],
        key: 'rule_diagnosis_required_for',
        params: { code: e.key, diagnoses: need.join(', ') },
        fixKey: 'rule_diagnosis_required_for_fix',
        source: { url: e.takst?.row.provenance.url ?? undefined },
      });
    }
  },
};
