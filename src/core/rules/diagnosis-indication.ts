// The diagnosis must justify the takst: 615 needs a mental disorder, 612a/612b "må gå fram av
// diagnose". Which diagnoses count is tariff data (row `indication`: ICPC-2 and ICD-10 prefixes or
// ranges, per year), so this rule only compares the bill's diagnoses with the row's lists. A bill
// without any diagnosis is diagnosis-required's finding, not this one.
import { matchesIndication, normalizeDiagnosis } from '../diagnosis/lookup';
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const diagnosisIndication: Rule = {
  meta: {
    id: 'diagnosis-indication',
    defaultSeverity: 'warning',
    bypass: 'documented',
    source: { regulation: `${HELFO_GUIDE}: vilkår for den enkelte takst («Grunnlaget for bruk av taksten må gå fram av diagnose og journalnotat»)` },
    docs: docsPath('diagnosis-indication'),
    description: "No diagnosis on the bill is in the takst's indication list (row.indication).",
    yearData: true,
    messages: { notJustified: 'rule_diagnosis_indication', fix: 'rule_diagnosis_indication_fix' },
  },
  check(ctx) {
    const shown = (ctx.bill.diagnoses ?? []).map((d) => d.trim()).filter((d) => d !== '');
    if (shown.length === 0) return;
    const codes = shown.map(normalizeDiagnosis);
    const specialist = ctx.bill.setting === 'spesialist';
    for (const e of ctx.entries) {
      const ind = e.takst?.row.indication;
      if (!ind) continue;
      const patterns = specialist ? ind.icd10 : ind.icpc2;
      if (patterns.length === 0 || codes.some((c) => matchesIndication(c, patterns))) continue;
      ctx.report({
        codes: [e.code],
        messageId: 'notJustified',
        data: { code: e.code, indication: ind.text, diagnoses: shown.join(', ') },
        fixId: 'fix',
        source: { url: e.takst?.row.provenance.url ?? undefined },
      });
    }
  },
};
