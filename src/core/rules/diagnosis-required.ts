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
    messages: { missing: 'rule_diagnosis_required', fixPrimary: 'rule_diagnosis_required_fix', fixSpecialist: 'rule_diagnosis_required_fix_specialist' },
  },
  check(ctx) {
    const d = ctx.bill.diagnoses;
    if (d && d.some((x) => x.trim() !== '')) return;
    // The 70-99 / 1-29 ranges are ICPC-2's; a specialist codes ICD-10, so gets its own advice.
    ctx.report({ codes: [], messageId: 'missing', fixId: ctx.bill.setting === 'spesialist' ? 'fixSpecialist' : 'fixPrimary' });
  },
};
