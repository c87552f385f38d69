// Merknad D1 as the Helfo guidance states it: evening/night/holiday (k) takster only inside the D1
// window (see inEveningWindow) and only at municipal legevakt or for urgent help that cannot wait.
// Exceptions are tariff data on the row (`eveningException`: e.g. the fastlege's planned home visit
// after 16:00), and so is a takst's own time of day (`clock`, e.g. a telephone contact only at night)
// and the day takst to use instead (`dayCode`). A new tariff year changes the data, not this file.
import { docsPath, HELFO_GUIDE, merknadUrl, minutesOf, rowRuleSource, type BillEntry, type Rule, type RuleContext } from '../rule';
import type { TakstRow } from '../types';

/** Whether `minutes` after midnight lies in [from, to), a window that may wrap midnight. */
export function inClock(minutes: number, clock: NonNullable<TakstRow['clock']>): boolean {
  const from = minutesOf(clock.from);
  const to = minutesOf(clock.to);
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** D1's "who": legevakt or urgent help, or a setting the row's data excepts (from a time of day). */
function checkWho(ctx: RuleContext, e: BillEntry, row: TakstRow): void {
  const bill = ctx.bill;
  if (bill.setting === 'legevakt' || bill.urgent === true) return;
  const ex = row.eveningException;
  if (ex && ex.settings.includes(bill.setting) && (ex.after === null || ctx.time.minutes >= minutesOf(ex.after))) return;
  ctx.report({
    codes: [e.key],
    key: 'rule_time_window_who',
    params: { code: e.key },
    fixKey: bill.urgent === false ? 'rule_time_window_who_fix' : 'rule_time_window_who_urgent_fix',
    // Not marked urgent either way: it may be øyeblikkelig hjelp the bill does not record.
    severity: bill.urgent === false ? 'error' : 'warning',
    source: { url: merknadUrl(ctx, 'D1') },
  });
}

function check(ctx: RuleContext): void {
  const { time } = ctx;
  const at = ctx.bill.at.slice(11, 16);
  for (const e of ctx.entries) {
    const row = e.takst?.row;
    if (!row) continue;
    if (row.clock) {
      if (inClock(time.minutes, row.clock)) continue;
      ctx.report({
        codes: [e.key],
        key: 'rule_time_window_clock',
        params: { code: e.key, time: at, from: row.clock.from, to: row.clock.to },
        fixKey: 'rule_time_window_clock_fix',
        source: rowRuleSource(row),
      });
      continue;
    }
    if (row.timeClass !== 'k') continue;
    if (!ctx.eveningWindow) {
      ctx.report({
        codes: [e.key],
        key: 'rule_time_window_k',
        params: { code: e.key, time: at, date: time.date, day: row.dayCode ?? '-' },
        fixKey: row.dayCode ? 'rule_time_window_k_day_fix' : 'rule_time_window_k_fix',
        source: { url: merknadUrl(ctx, 'D1') },
      });
      continue;
    }
    checkWho(ctx, e, row);
  }
}

export const timeWindow: Rule = {
  meta: {
    id: 'time-window',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { merknad: 'D1', regulation: `${HELFO_GUIDE}: Korrekt bruk av kveldstakstar` },
    docs: docsPath('time-window'),
    description: "A k-takst outside its D1 window or outside legevakt/urgent help (row.eveningException), or a takst outside its own clock (row.clock).",
    yearData: true,
  },
  check,
};
