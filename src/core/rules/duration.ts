// Duration conditions: a takst's minimum duration from the data (615: at least 15 minutes of therapy),
// and 2cd, the time supplement, "per started 15 minutes beyond 20": count n needs more than
// 20 + 15 * (n - 1) minutes. When the bill has no duration, say so (info) instead of guessing.
import { docsPath, HELFO_GUIDE, type Rule, type RuleContext } from '../rule';

/** Most 2cd a consultation of `minutes` allows: one per started 15 minutes beyond 20. */
export function allowed2cd(minutes: number): number {
  return minutes > 20 ? Math.ceil((minutes - 20) / 15) : 0;
}

function check2cd(ctx: RuleContext, count: number): void {
  const minutes = ctx.bill.durationMinutes;
  const data = { code: '2cd', count, over: 20 + 15 * (count - 1), minutes: minutes ?? '-', allowed: minutes === undefined ? '-' : allowed2cd(minutes) };
  if (minutes === undefined) {
    ctx.report({ codes: ['2cd'], messageId: 'time2cdUnknown', data, fixId: 'unknownFix', severity: 'info' });
  } else if (count > allowed2cd(minutes)) {
    ctx.report({ codes: ['2cd'], messageId: 'time2cd', data, fixId: 'time2cdFix' });
  }
}

function check(ctx: RuleContext): void {
  const minutes = ctx.bill.durationMinutes;
  for (const e of ctx.entries) {
    if (!e.takst) continue;
    if (e.key === '2cd') {
      check2cd(ctx, e.count);
      continue;
    }
    const min = e.takst.row.minDurationMinutes;
    if (min === null) continue;
    const data = { code: e.key, min, minutes: minutes ?? '-' };
    if (minutes === undefined) {
      ctx.report({ codes: [e.key], messageId: 'unknown', data, fixId: 'unknownFix', severity: 'info' });
    } else if (minutes < min) {
      ctx.report({ codes: [e.key], messageId: 'min', data, fixId: 'minFix' });
    }
  }
}

export const duration: Rule = {
  meta: {
    id: 'duration',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: takst 2cd og 615` },
    docs: docsPath('duration'),
    description: 'A duration condition fails (615 at least 15 minutes; 2cd count vs minutes beyond 20).',
    messages: {
      min: 'rule_duration_min',
      minFix: 'rule_duration_min_fix',
      unknown: 'rule_duration_unknown',
      unknownFix: 'rule_duration_unknown_fix',
      time2cd: 'rule_duration_2cd',
      time2cdFix: 'rule_duration_2cd_fix',
      time2cdUnknown: 'rule_duration_2cd_unknown',
    },
  },
  check,
};
