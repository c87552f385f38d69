// ICPC-2 in primary care (fastlege, legevakt), ICD-10 in specialist care. Judged by the code's shape:
// ICPC-2 is a chapter letter + two digits (no C, E, G, I, J, M, O, Q or V chapter); ICD-10 is a letter,
// two digits and optional decimals (J06.9). "K86" fits both and is accepted by both, so only a shape
// that cannot belong to the expected system is reported, as a warning.
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

const ICPC2 = /^[ABDFHKLNPRSTUWXYZ]\d\d$/;
const ICD10 = /^[A-Z]\d\d(\.?\d{1,2}[A-Z0-9]?)?$/;

export function diagnosisSystems(code: string): { icpc2: boolean; icd10: boolean } {
  const c = code.replace(/\s+/g, '').toUpperCase();
  return { icpc2: ICPC2.test(c), icd10: ICD10.test(c) };
}

export const diagnosisSystem: Rule = {
  meta: {
    id: 'diagnosis-system',
    defaultSeverity: 'warning',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: Diagnosar (ICPC-2 i primærhelsetenesta, ICD-10 i spesialisthelsetenesta)` },
    docs: docsPath('diagnosis-system'),
    description: 'A diagnosis is not in the expected code system: ICPC-2 in primary care, ICD-10 in specialist care.',
  },
  check(ctx) {
    const list = ctx.bill.diagnoses;
    if (!list) return;
    const primary = ctx.bill.setting !== 'spesialist';
    for (const d of list) {
      if (d.trim() === '') continue;
      const s = diagnosisSystems(d);
      if (primary ? s.icpc2 : s.icd10) continue;
      const other = primary ? s.icd10 : s.icpc2;
      ctx.report({
        codes: [],
        key: other ? 'rule_diagnosis_system_wrong' : 'rule_diagnosis_system_unknown',
        params: { diagnosis: d.trim(), expected: primary ? 'ICPC-2' : 'ICD-10', setting: ctx.bill.setting },
        fixKey: 'rule_diagnosis_system_fix',
      });
    }
  },
};
