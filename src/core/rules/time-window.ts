// Merknad D1 as the Helfo guidance states it: evening/night/holiday (k) takster only inside the D1
// window (see inEveningWindow) and only at municipal legevakt or for urgent help that cannot wait;
// a fastlege may still use 11ak (+ 11e) for planned home visits to own chronically, seriously ill
// patients after 16:00. 2fk follows the same window (not on weekdays before 16:00: use 2ad), and 1g
// is only for telephone contact between 23:00 and 08:00. On days before holidays the legevakt may start
// early; without the clinic's start time that is a question (warning), not an error. For travel the
// trip's start counts ("når reisa startar før klokka 07.00").
import { DAY_START, EVENING_START, TRAVEL_DAY_START } from '../calendar';
import { D1_URL, docsPath, HELFO_GUIDE, type BillEntry, type Rule, type RuleContext } from '../rule';

const NIGHT_START = 23 * 60;
/** Fastlege's planned home visits after 16:00 (11e is the supplement to 11ak). */
const PLANNED_HOME_VISIT = new Set(['11ak', '11e']);
/**
 * Until 30 June 2024 2aek was the fastlege's e-consultation after 16:00 and at weekends (reference
 * facts for 2aek); from 1 July 2024 that is 2aef and 2aek is legevakt only, which the tariff's
 * `settings` then says. So 2aek keeps the clock window but not the legevakt/urgent condition.
 */
const FASTLEGE_EVENING_ECONSULT = '2aek';

/** 2fk too: the data gives it timeClass k (an import derives it from the code's k). */
function isEveningTakst(e: BillEntry): boolean {
  return e.takst?.row.timeClass === 'k';
}

/** D1's "who": legevakt or urgent help, or the fastlege's planned home visit after 16:00. */
function checkWho(ctx: RuleContext, e: BillEntry): void {
  const bill = ctx.bill;
  if (bill.setting === 'legevakt' || bill.urgent === true) return;
  if (bill.setting === 'fastlege' && PLANNED_HOME_VISIT.has(e.key) && ctx.time.minutes >= EVENING_START) return;
  if (bill.setting === 'fastlege' && e.key === FASTLEGE_EVENING_ECONSULT) return;
  ctx.report({
    codes: [e.key],
    messageId: 'who',
    data: { code: e.key },
    fixId: bill.urgent === false ? 'whoFix' : 'whoUrgentFix',
    // Not marked urgent either way: it may be øyeblikkelig hjelp the bill does not record.
    severity: bill.urgent === false ? 'error' : 'warning',
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

function outsideWindow(ctx: RuleContext, e: BillEntry): void {
  const data = { code: e.key, time: ctx.bill.at.slice(11, 16), date: ctx.time.date, start: ctx.bill.clinic?.holidayEveStart ?? '-' };
  if (eveDaytime(ctx) && ctx.bill.setting === 'legevakt') {
    // The seed lets the legevakt use evening takster from its start on these days; only the clinic knows it.
    if (ctx.bill.clinic?.holidayEveStart === undefined) ctx.report({ codes: [e.key], messageId: 'eveStartUnknown', data, fixId: 'eveStartUnknownFix', severity: 'warning' });
    else ctx.report({ codes: [e.key], messageId: 'eveBeforeStart', data, fixId: 'kFix' });
    return;
  }
  const is2fk = e.key === '2fk';
  ctx.report({ codes: [e.key], messageId: is2fk ? 'firstPatient' : 'k', data, fixId: is2fk ? 'firstPatientFix' : 'kFix' });
}

/** A k travel supplement between 07:00 and 08:00 on a working day: inside D1 only if the trip started before 07:00. */
function checkTravelStart(ctx: RuleContext, e: BillEntry): void {
  const t = ctx.time;
  if (e.takst?.row.kind !== 'travel' || t.redDay || t.weekday === 6) return;
  if (t.minutes < TRAVEL_DAY_START || t.minutes >= DAY_START) return;
  ctx.report({ codes: [e.key], messageId: 'travelStart', data: { code: e.key, time: ctx.bill.at.slice(11, 16) }, fixId: 'travelStartFix', severity: 'warning' });
}

function check(ctx: RuleContext): void {
  const { time } = ctx;
  for (const e of ctx.entries) {
    if (!e.takst) continue;
    if (e.key === '1g') {
      if (time.minutes >= NIGHT_START || time.minutes < DAY_START) continue;
      ctx.report({ codes: [e.key], messageId: 'phone1g', data: { code: e.key, time: ctx.bill.at.slice(11, 16) }, fixId: 'phone1gFix' });
      continue;
    }
    if (!isEveningTakst(e)) continue;
    if (!ctx.eveningWindow) {
      outsideWindow(ctx, e);
      continue;
    }
    checkTravelStart(ctx, e);
    checkWho(ctx, e);
  }
}

export const timeWindow: Rule = {
  meta: {
    id: 'time-window',
    defaultSeverity: 'error',
    bypass: 'never',
    source: { merknad: 'D1', regulation: `${HELFO_GUIDE}: Korrekt bruk av kveldstakstar; takst 2fk; takst 1g`, url: D1_URL },
    docs: docsPath('time-window'),
    description: 'A k-takst, 2fk or 1g is used outside its D1 time/calendar window, or a k-takst outside legevakt/urgent help.',
    messages: {
      k: 'rule_time_window_k',
      kFix: 'rule_time_window_k_fix',
      firstPatient: 'rule_time_window_2fk',
      firstPatientFix: 'rule_time_window_2fk_fix',
      phone1g: 'rule_time_window_1g',
      phone1gFix: 'rule_time_window_1g_fix',
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
