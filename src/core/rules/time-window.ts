// Merknad D1 as the Helfo guidance states it: evening/night/holiday (k) takster only inside the D1
// window (see inEveningWindow) and only at municipal legevakt or for urgent help that cannot wait.
// Exceptions are tariff data on the row (`eveningException`: e.g. the fastlege's planned home visit
// after 16:00), and so is a takst's own time of day (`clock`, e.g. a telephone contact only at night)
// and the day takst to use instead (`dayCode`). A new tariff year changes the data, not this file.
// On days before holidays the legevakt may start early; without the clinic's start time that is a
// question (warning), not an error. For travel the trip's start counts ("når reisa startar før klokka 07.00").
import { DAY_START, EVENING_START, TRAVEL_DAY_START } from '../calendar';
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
    codes: [e.code],
    messageId: 'who',
    data: { code: e.code },
    fixId: bill.urgent === false ? 'whoFix' : 'whoUrgentFix',
    // Not marked urgent either way: it may be øyeblikkelig hjelp the bill does not record.
    severity: bill.urgent === false ? 'error' : 'warning',
    source: { url: merknadUrl(ctx, 'D1') },
  });
}

/**
 * A working day before a Sunday/helgedag (24 and 31 Dec, the Wednesday before Maundy Thursday ...),
 * daytime: the legevakt may have started early (D1). Saturdays are covered all day already.
 */
function eveDaytime(ctx: RuleContext): boolean {
  const t = ctx.time;
  return t.eve && t.weekday !== 6 && t.minutes >= DAY_START && t.minutes < EVENING_START;
}

function outsideWindow(ctx: RuleContext, e: BillEntry, row: TakstRow): void {
  const start = ctx.bill.clinic?.holidayEveStart;
  const data = { code: e.code, time: ctx.bill.at.slice(11, 16), date: ctx.time.date, start: start ?? '-', day: row.dayCode ?? '-' };
  const source = { url: merknadUrl(ctx, 'D1') };
  if (eveDaytime(ctx) && ctx.bill.setting === 'legevakt') {
    // Helfo's text lets the legevakt use evening takster from its start on these days; only the clinic knows it.
    if (start === undefined) ctx.report({ codes: [e.code], messageId: 'eveStartUnknown', data, fixId: 'eveStartUnknownFix', severity: 'warning', source });
    else ctx.report({ codes: [e.code], messageId: 'eveBeforeStart', data, fixId: 'kFix', source });
    return;
  }
  ctx.report({ codes: [e.code], messageId: 'k', data, fixId: row.dayCode ? 'kDayFix' : 'kFix', source });
}

/** A k travel supplement between 07:00 and 08:00 on a working day: inside D1 only if the trip started before 07:00. */
function checkTravelStart(ctx: RuleContext, e: BillEntry): void {
  const t = ctx.time;
  if (e.takst?.row.kind !== 'travel' || t.redDay || t.weekday === 6) return;
  if (t.minutes < TRAVEL_DAY_START || t.minutes >= DAY_START) return;
  const data = { code: e.code, time: ctx.bill.at.slice(11, 16) };
  ctx.report({ codes: [e.code], messageId: 'travelStart', data, fixId: 'travelStartFix', severity: 'warning', source: { url: merknadUrl(ctx, 'D1') } });
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
        codes: [e.code],
        messageId: 'clock',
        data: { code: e.code, time: at, from: row.clock.from, to: row.clock.to },
        fixId: 'clockFix',
        source: rowRuleSource(row),
      });
      continue;
    }
    if (row.timeClass !== 'k') continue;
    if (!ctx.eveningWindow) {
      outsideWindow(ctx, e, row);
      continue;
    }
    checkTravelStart(ctx, e);
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
    messages: {
      k: 'rule_time_window_k',
      kFix: 'rule_time_window_k_fix',
      kDayFix: 'rule_time_window_k_day_fix',
      clock: 'rule_time_window_clock',
      clockFix: 'rule_time_window_clock_fix',
      who: 'rule_time_window_who',
      whoFix: 'rule_time_window_who_fix',
      whoUrgentFix: 'rule_time_window_who_urgent_fix',
      eveStartUnknown: 'rule_time_window_eve_start_unknown',
      eveStartUnknownFix: 'rule_time_window_eve_start_unknown_fix',
      eveBeforeStart: 'rule_time_window_eve_before_start',
      travelStart: 'rule_time_window_travel_start',
      travelStartFix: 'rule_time_window_travel_start_fix',
    },
  },
  check,
};
