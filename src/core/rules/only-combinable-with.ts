// "Kan kun kombineres med": a code's allow list for the bill's setting (fastlege or legevakt lists may
// differ; `any` applies everywhere) does not include another code on the bill.
import { codeSetHas } from '../codeset/compile';
import { allowListFor, docsPath, type Rule } from '../rule';
import { denies } from './invalid-combination';

export const onlyCombinableWith: Rule = {
  meta: {
    id: 'only-combinable-with',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: 'Normaltariffen: «kan kun kombineres med» (per setting)' },
    docs: docsPath('only-combinable-with'),
    description: "A code's allow list for the bill's setting excludes another code on the bill.",
    yearData: true,
    messages: { notListed: 'rule_only_combinable_with', fix: 'rule_only_combinable_with_fix' },
  },
  check(ctx) {
    const setting = ctx.bill.setting;
    for (const a of ctx.entries) {
      if (!a.takst) continue;
      const allow = allowListFor(a.takst, setting);
      if (!allow) continue;
      let partners: string[] | null = null;
      for (const b of ctx.entries) {
        if (b === a || !b.takst || codeSetHas(allow, b.code)) continue;
        // Already an invalid-combination finding for the same pair; one finding is enough.
        if (denies(a, b) || denies(b, a)) continue;
        (partners ??= []).push(b.code);
      }
      if (!partners) continue;
      ctx.report({
        codes: [a.code, ...partners],
        messageId: 'notListed',
        data: { code: a.code, others: partners.join(', '), setting },
        fixId: 'fix',
        source: { url: a.takst.row.provenance.url ?? undefined },
      });
    }
  },
};
