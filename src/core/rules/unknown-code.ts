// A code the tariff version in force does not have gives no refund: the official tariff is exhaustive.
// Only an official version (Helsedirektoratet's takstkoder, fetched or imported) covering the bill's
// date can say so; Takstvakt's own data is partial, so a code missing from it is a warning that says
// which year's data lacks it. A code the tariff keeps only to explain it (replaced by another) is no
// longer billable.
import { isCodeShaped } from '../codes';
import { docsPath, HELFO_GUIDE, tariffUrl, type Rule } from '../rule';

export const unknownCode: Rule = {
  meta: {
    id: 'unknown-code',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: forskrifta tillèt ikkje andre takstar` },
    docs: docsPath('unknown-code'),
    description: 'A code is not in the tariff version in force (an error only for an official version covering the date), or the version marks it as replaced.',
    messages: {
      unknown: 'rule_unknown_code',
      notACode: 'rule_unknown_code_shape',
      fix: 'rule_unknown_code_fix',
      replaced: 'rule_unknown_code_replaced',
      replacedFix: 'rule_unknown_code_replaced_fix',
      partial: 'rule_unknown_code_partial',
      partialFix: 'rule_unknown_code_partial_fix',
    },
  },
  check(ctx) {
    const ref = ctx.tariff.ref;
    const official = ref.official && ctx.tariffCovers;
    const source = { url: tariffUrl(ctx) };
    for (const e of ctx.entries) {
      const by = e.takst?.row.replacedBy;
      if (by) {
        ctx.report({ codes: [e.code], messageId: 'replaced', data: { code: e.code, by, tariff: ref.id }, fixId: 'replacedFix', source });
        continue;
      }
      if (e.takst) continue;
      if (!isCodeShaped(e.code)) {
        ctx.report({ codes: [e.code], messageId: 'notACode', data: { code: e.code, tariff: ref.id }, fixId: 'fix', source });
      } else if (official) {
        ctx.report({ codes: [e.code], messageId: 'unknown', data: { code: e.code, tariff: ref.id }, fixId: 'fix', source });
      } else {
        ctx.report({
          codes: [e.code],
          messageId: 'partial',
          data: { code: e.code, tariff: ref.id, year: ref.year },
          fixId: 'partialFix',
          severity: 'warning',
          source,
        });
      }
    }
  },
};
