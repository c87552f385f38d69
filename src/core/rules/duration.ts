// Duration conditions from the row: a minimum duration (minDurationMinutes, official minimum_tidsbruk),
// and a count that grows with time (durationSteps, official tidsbruk_per_rep): count n needs more than
// over + per x (n - 1) minutes. When the bill has no duration, say so (info) instead of guessing.
import { docsPath, HELFO_GUIDE, rowRuleSource, type BillEntry, type Rule, type RuleContext } from '../rule';
import type { TakstRow } from '../types';

type Steps = NonNullable<TakstRow['durationSteps']>;

/** Highest count `minutes` allows: one per started `per` minutes beyond `over`. */
export function allowedBySteps(minutes: number, steps: Steps): number {
  return minutes > steps.over ? Math.ceil((minutes - steps.over) / steps.per) : 0;
}

function checkSteps(ctx: RuleContext, e: BillEntry, row: TakstRow, steps: Steps): void {
  const minutes = ctx.bill.durationMinutes;
  const count = e.count;
  const data = {
    code: e.code,
    count,
    over: steps.over + steps.per * (count - 1),
    base: steps.over,
    per: steps.per,
    minutes: minutes ?? '-',
    allowed: minutes === undefined ? '-' : allowedBySteps(minutes, steps),
  };
  const source = rowRuleSource(row);
  if (minutes === undefined) {
    ctx.report({ codes: [e.code], messageId: 'stepsUnknown', data, fixId: 'unknownFix', severity: 'info', source });
  } else if (count > allowedBySteps(minutes, steps)) {
    ctx.report({ codes: [e.code], messageId: 'steps', data, fixId: 'stepsFix', source });
  }
}

function check(ctx: RuleContext): void {
  const minutes = ctx.bill.durationMinutes;
  for (const e of ctx.entries) {
    const row = e.takst?.row;
    if (!row) continue;
    if (row.durationSteps) {
      checkSteps(ctx, e, row, row.durationSteps);
      continue;
    }
    const min = row.minDurationMinutes;
    if (min === null) continue;
    const data = { code: e.code, min, minutes: minutes ?? '-' };
    if (minutes === undefined) {
      ctx.report({ codes: [e.code], messageId: 'unknown', data, fixId: 'unknownFix', severity: 'info' });
    } else if (minutes < min) {
      ctx.report({ codes: [e.code], messageId: 'min', data, fixId: 'minFix' });
    }
  }
}

export const duration: Rule = {
  meta: {
    id: 'duration',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: `${HELFO_GUIDE}: tidsbruk (minste tidsbruk og tid per repetisjon)` },
    docs: docsPath('duration'),
    description: 'A duration condition fails: minDurationMinutes, or the count against durationSteps.',
    yearData: true,
    messages: {
      min: 'rule_duration_min',
      minFix: 'rule_duration_min_fix',
      unknown: 'rule_duration_unknown',
      unknownFix: 'rule_duration_unknown_fix',
      steps: 'rule_duration_steps',
      stepsFix: 'rule_duration_steps_fix',
      stepsUnknown: 'rule_duration_steps_unknown',
    },
  },
  check,
};
