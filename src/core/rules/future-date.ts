// Helfo rejects a bill dated in the future (KUHR control). Needs `now` from the caller: the core is
// pure and never reads the clock itself.
import { osloClock } from '../oslo-clock';
import { docsPath, type Rule } from '../rule';

const LOCAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

/** Today's date in Norway for `now`: local text as given, an instant (Z or offset) converted to Europe/Oslo. */
export function osloToday(now: string): string | null {
  if (LOCAL.test(now)) return now.slice(0, 10);
  const d = new Date(now);
  if (Number.isNaN(d.getTime())) return null;
  return osloClock(d).date;
}

export const futureDate: Rule = {
  meta: {
    id: 'future-date',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: 'Helfo/KUHR: regninger datert fram i tid avvises (KUHR-kontroll, merknad 766)' },
    docs: docsPath('future-date'),
    description: "The bill's date is after today (needs options.now).",
    messages: { future: 'rule_future_date', fix: 'rule_future_date_fix' },
  },
  check(ctx) {
    if (ctx.now === undefined) return;
    const today = osloToday(ctx.now);
    if (today === null || ctx.time.date <= today) return;
    ctx.report({ codes: [], messageId: 'future', data: { date: ctx.time.date, today }, fixId: 'fix' });
  },
};
