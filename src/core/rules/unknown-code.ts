// A code the tariff version in force does not have gives no refund: the tariff is exhaustive. A code the
// tariff keeps only to explain it (replaced, e.g. 1be merged into 1bd on 1 July 2022) is no longer billable.
import { isCodeShaped } from '../codes';
import { docsPath, HELFO_GUIDE, TARIFF_URL, type Rule } from '../rule';

export const unknownCode: Rule = {
  meta: {
    id: 'unknown-code',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: forskrifta tillèt ikkje andre takstar`, url: TARIFF_URL },
    docs: docsPath('unknown-code'),
    description: 'A code is not in the tariff version in force, or the version marks it as replaced by another.',
    messages: {
      unknown: 'rule_unknown_code',
      notACode: 'rule_unknown_code_shape',
      fix: 'rule_unknown_code_fix',
      replaced: 'rule_unknown_code_replaced',
      replacedFix: 'rule_unknown_code_replaced_fix',
    },
  },
  check(ctx) {
    for (const e of ctx.entries) {
      const by = e.takst?.row.replacedBy;
      if (by) {
        ctx.report({ codes: [e.key], messageId: 'replaced', data: { code: e.key, by, tariff: ctx.tariff.ref.id }, fixId: 'replacedFix' });
        continue;
      }
      if (e.takst) continue;
      ctx.report({
        codes: [e.key],
        messageId: isCodeShaped(e.key) ? 'unknown' : 'notACode',
        data: { code: e.key, tariff: ctx.tariff.ref.id },
        fixId: 'fix',
      });
    }
  },
};
