// ICPC-2 in primary care (fastlege, legevakt), ICD-10 in specialist care, checked against the real
// Norwegian code lists (src/core/diagnosis): an ICD-10 code at a fastlege, an ICPC-2 code at a
// specialist, a code in neither list and an ICPC-2 process code (30-69) used as a diagnosis each get
// their own finding. In primary care a symptom code (1-29) first with a disease code (70-99) after it
// is questioned: the disease diagnosis is primary and the main diagnosis stands first.
import { icpc2Kind, isIcd10, normalizeDiagnosis } from '../diagnosis/lookup';
import { docsPath, HELFO_GUIDE, type Rule, type RuleContext } from '../rule';

/** The message id for one diagnosis, or null when it is in the code system the setting uses. */
function systemFinding(code: string, specialist: boolean): string | null {
  const kind = icpc2Kind(code);
  if (specialist) {
    if (isIcd10(code)) return null;
    return kind ? 'icpcAtSpecialist' : 'notInLists';
  }
  if (kind === 'process') return 'processCode';
  if (kind) return null;
  return isIcd10(code) ? 'icd10InPrimary' : 'notInLists';
}

/** Primary care: a symptom first while a disease diagnosis follows. */
function checkOrder(ctx: RuleContext, codes: readonly string[], shown: readonly string[]): void {
  if (codes.length < 2 || icpc2Kind(codes[0] as string) !== 'symptom') return;
  const disease = codes.findIndex((c, i) => i > 0 && icpc2Kind(c) === 'diagnosis');
  if (disease < 0) return;
  ctx.report({ codes: [], messageId: 'symptomFirst', data: { first: shown[0] as string, disease: shown[disease] as string }, fixId: 'symptomFirstFix' });
}

export const diagnosisSystem: Rule = {
  meta: {
    id: 'diagnosis-system',
    defaultSeverity: 'warning',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: Diagnosar (ICPC-2 i primærhelsetenesta, ICD-10 i spesialisthelsetenesta; hovuddiagnosen først)` },
    docs: docsPath('diagnosis-system'),
    description: 'A diagnosis is not in the code list the setting uses (ICPC-2 primary care, ICD-10 specialist care), is an ICPC-2 process code, or a symptom stands before a disease diagnosis.',
    messages: {
      icd10InPrimary: 'rule_diagnosis_system_icd10_primary',
      icpcAtSpecialist: 'rule_diagnosis_system_icpc_specialist',
      notInLists: 'rule_diagnosis_system_unknown',
      processCode: 'rule_diagnosis_system_process',
      fixPrimary: 'rule_diagnosis_system_fix_primary',
      fixSpecialist: 'rule_diagnosis_system_fix_specialist',
      symptomFirst: 'rule_diagnosis_system_symptom_first',
      symptomFirstFix: 'rule_diagnosis_system_symptom_first_fix',
    },
  },
  check(ctx) {
    const shown = (ctx.bill.diagnoses ?? []).map((d) => d.trim()).filter((d) => d !== '');
    if (shown.length === 0) return;
    const codes = shown.map(normalizeDiagnosis);
    const specialist = ctx.bill.setting === 'spesialist';
    codes.forEach((code, i) => {
      const id = systemFinding(code, specialist);
      if (id) ctx.report({ codes: [], messageId: id, data: { diagnosis: shown[i] as string }, fixId: specialist ? 'fixSpecialist' : 'fixPrimary' });
    });
    if (!specialist) checkOrder(ctx, codes, shown);
  },
};
