// Helfo rejects a bill dated in the future (KUHR control). Needs `now` from the caller: the core is
// pure and never reads the clock itself.
import { docsPath, type Rule } from '../rule';

const LOCAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
let osloDate: Intl.DateTimeFormat | null = null;

/** Today's date in Norway for `now`: local text as given, an instant (Z or offset) converted to Europe/Oslo. */
export function osloToday(now: string): string | null {
  if (LOCAL.test(now)) return now.slice(0, 10);
  const d = new Date(now);
  if (Number.isNaN(d.getTime())) return null;
  osloDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
  return osloDate.format(d);
}

export const futureDate: Rule = {
  meta: {
    id: 'future-date',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { regulation: 'Helfo/KUHR: regninger datert fram i tid avvises (KUHR-kontroll, merknad 766)' },
    docs: docsPath('future-date'),
    description: "The bill's date is after today (needs options.now).",
  },
  check(ctx) {
    if (ctx.now === undefined) return;
    const today = osloToday(ctx.now);
    if (today === null || ctx.time.date <= today) return;
    ctx.report({ codes: [], key: 'rule_future_date', params: { date: ctx.time.date, today }, fixKey: 'rule_future_date_fix' });
  },
};
