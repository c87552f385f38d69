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
  const params = { code: '2cd', count, over: 20 + 15 * (count - 1), minutes: minutes ?? '-', allowed: minutes === undefined ? '-' : allowed2cd(minutes) };
  if (minutes === undefined) {
    ctx.report({ codes: ['2cd'], key: 'rule_duration_2cd_unknown', params, fixKey: 'rule_duration_unknown_fix', severity: 'info' });
  } else if (count > allowed2cd(minutes)) {
    ctx.report({ codes: ['2cd'], key: 'rule_duration_2cd', params, fixKey: 'rule_duration_2cd_fix' });
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
    const params = { code: e.key, min, minutes: minutes ?? '-' };
    if (minutes === undefined) {
      ctx.report({ codes: [e.key], key: 'rule_duration_unknown', params, fixKey: 'rule_duration_unknown_fix', severity: 'info' });
    } else if (minutes < min) {
      ctx.report({ codes: [e.key], key: 'rule_duration_min', params, fixKey: 'rule_duration_min_fix' });
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
  },
  check,
};
