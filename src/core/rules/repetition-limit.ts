// A count above what the takst's Rep column allows (LEGEND-REPETISJONER): "0" once per bill, N at most
// N times (100: up to 8, for different lesions or procedures), "rep" unlimited, "50%" one repeat at
// half fee, "rep 50%" repeats at half fee. Lines with the same code count together. A yearly maximum
// (maxPerYear, official maks_antall_per_aar) is an error when one bill alone exceeds it, and otherwise
// info: the bill alone cannot count a year.
import { docsPath, merknadUrl, rowRuleSource, type Rule } from '../rule';
import type { Repetition } from '../types';

/** Highest count the repetition allows on one bill; Infinity when unlimited or unknown. */
export function maxCount(rep: Repetition | null): number {
  if (!rep) return Infinity;
  switch (rep.kind) {
    case 'once':
      return 1;
    case 'times':
      return rep.max;
    case 'unlimited':
      return Infinity;
    case 'reduced':
      // `max` counts the reduced repeats after the first, full-fee one ("50%" = one repeat).
      return rep.max === null ? Infinity : 1 + rep.max;
  }
}

export const repetitionLimit: Rule = {
  meta: {
    id: 'repetition-limit',
    defaultSeverity: 'error',
    bypass: 'never',
    source: {
      regulation: 'Normaltariffen: tegnforklaringen til Rep-kolonnen (hvor mange ganger en takst kan føres)',
    },
    docs: docsPath('repetition-limit'),
    description: 'A count is above what the takst allows per bill, or a yearly maximum applies (info; an error when one bill exceeds it).',
    yearData: true,
    messages: {
      tooMany: 'rule_repetition_limit',
      once: 'rule_repetition_limit_once',
      fix: 'rule_repetition_limit_fix',
      perYear: 'rule_repetition_limit_per_year',
      perYearInfo: 'rule_repetition_limit_per_year_info',
      perYearFix: 'rule_repetition_limit_per_year_fix',
    },
  },
  check(ctx) {
    const legend = { url: merknadUrl(ctx, 'LEGEND-REPETISJONER') };
    for (const e of ctx.entries) {
      const row = e.takst?.row;
      if (!row) continue;
      const perYear = row.maxPerYear;
      if (perYear !== null) {
        const over = e.count > perYear;
        ctx.report({
          codes: [e.code],
          messageId: over ? 'perYear' : 'perYearInfo',
          data: { code: e.code, count: e.count, max: perYear },
          fixId: over ? 'fix' : 'perYearFix',
          severity: over ? 'error' : 'info',
          source: rowRuleSource(row),
        });
        if (over) continue;
      }
      if (e.count <= 1) continue;
      const max = maxCount(row.repetition);
      if (e.count <= max) continue;
      ctx.report({
        codes: [e.code],
        messageId: max === 1 ? 'once' : 'tooMany',
        data: { code: e.code, count: e.count, max },
        fixId: 'fix',
        source: legend,
      });
    }
  },
};
