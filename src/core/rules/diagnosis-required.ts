// Every bill to Helfo must carry at least one diagnosis (the main one first).
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const diagnosisRequired: Rule = {
  meta: {
    id: 'diagnosis-required',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: Diagnosar («Rekningar du sender til Helfo, må innehalde minst ei diagnose»)` },
    docs: docsPath('diagnosis-required'),
    description: 'The bill has no diagnosis.',
  },
  check(ctx) {
    const d = ctx.bill.diagnoses;
    if (d && d.some((x) => x.trim() !== '')) return;
    ctx.report({ codes: [], key: 'rule_diagnosis_required', fixKey: 'rule_diagnosis_required_fix' });
  },
};
