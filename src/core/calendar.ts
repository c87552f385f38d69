// Norwegian calendar for merknad D1 (evening, night and holiday takster): Easter, the helgedager, the
// public days 1 and 17 May, days before Sundays/holidays, and the time facts a bill needs.
// Pure integer arithmetic on day numbers; holiday tables are built once per year and cached.

/** Helgedager per the Helfo text on evening takster, plus the two public days (offentlege høgtidsdagar). */
export type HolidayId =
  | 'new-year' // 1. nyttårsdag
  | 'maundy-thursday' // skjærtorsdag
  | 'good-friday' // langfredag
  | 'easter-sunday' // 1. påskedag
  | 'easter-monday' // 2. påskedag
  | 'ascension' // Kristi himmelfartsdag
  | 'whit-sunday' // 1. pinsedag
  | 'whit-monday' // 2. pinsedag
  | 'christmas-day' // 1. juledag
  | 'boxing-day' // 2. juledag
  | 'labour-day' // 1. mai (public day)
  | 'constitution-day'; // 17. mai (public day)

/** The public days count for evening takster all day, but the seed names only helgedager for "the day before". */
const PUBLIC_DAYS: ReadonlySet<HolidayId> = new Set<HolidayId>(['labour-day', 'constitution-day']);

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a Gregorian date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNo: number): number {
  return (((dayNo + 4) % 7) + 7) % 7;
}

/** Easter Sunday (Gregorian) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const yearCache = new Map<number, ReadonlyMap<number, HolidayId>>();

/** Holidays of a year keyed by day number. */
export function holidaysOfYear(year: number): ReadonlyMap<number, HolidayId> {
  let map = yearCache.get(year);
  if (map) return map;
  const m = new Map<number, HolidayId>();
  const easter = easterSunday(year);
  const e = dayNumber(year, easter.month, easter.day);
  m.set(dayNumber(year, 1, 1), 'new-year');
  m.set(e - 3, 'maundy-thursday');
  m.set(e - 2, 'good-friday');
  m.set(e, 'easter-sunday');
  m.set(e + 1, 'easter-monday');
  m.set(e + 39, 'ascension');
  m.set(e + 49, 'whit-sunday');
  m.set(e + 50, 'whit-monday');
  // 1 and 17 May can fall on Ascension or Whitsun (1 May 2008, 17 May 2007); the helgedag wins
  // because it also makes the day before an eve.
  const may1 = dayNumber(year, 5, 1);
  const may17 = dayNumber(year, 5, 17);
  if (!m.has(may1)) m.set(may1, 'labour-day');
  if (!m.has(may17)) m.set(may17, 'constitution-day');
  m.set(dayNumber(year, 12, 25), 'christmas-day');
  m.set(dayNumber(year, 12, 26), 'boxing-day');
  map = m;
  yearCache.set(year, map);
  return map;
}

/** The holiday on a day number, or null. */
export function holidayOn(dayNo: number, year: number): HolidayId | null {
  return holidaysOfYear(year).get(dayNo) ?? null;
}

/** `YYYY-MM-DD` dates of every holiday in a year, in date order (for tests and UI). */
export function holidayDates(year: number): Array<{ date: string; id: HolidayId }> {
  const out: Array<{ date: string; id: HolidayId }> = [];
  for (const [dayNo, id] of holidaysOfYear(year)) out.push({ date: isoDate(dayNo), id });
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function isoDate(dayNo: number): string {
  return new Date(dayNo * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A helgedag (not a public day): the day before it is a "day before a holiday" in merknad D1. */
function isHelgedag(id: HolidayId | null): boolean {
  return id !== null && !PUBLIC_DAYS.has(id);
}

export interface TimeFacts {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly dayNo: number;
  /** 0 = Sunday ... 6 = Saturday */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
  readonly holiday: HolidayId | null;
  /** Sunday or holiday (helgedag or 1/17 May): evening takster all day. */
  readonly redDay: boolean;
  /** Not itself a red day, and the next day is a Sunday or helgedag (Saturdays, 24 and 31 Dec, ...). */
  readonly eve: boolean;
}

const DIGIT0 = 48;
function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - DIGIT0;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** `HH:MM` -> minutes since midnight, or null when absent or malformed. */
export function parseHHMM(s: string | undefined | null): number | null {
  if (!s || s.length < 5 || s.charCodeAt(2) !== 58) return null;
  const h = digits(s, 0, 2);
  const m = digits(s, 3, 2);
  if (!(h >= 0 && h <= 23 && m >= 0 && m <= 59)) return null;
  return h * 60 + m;
}

/**
 * Facts about a local Norwegian wall-clock time `YYYY-MM-DDTHH:MM` (seconds ignored). A bare date
 * counts as 00:00. Returns null when the text is not a date.
 */
export function timeFacts(at: string): TimeFacts | null {
  const year = digits(at, 0, 4);
  const month = digits(at, 5, 2);
  const day = digits(at, 8, 2);
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31) || at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45) return null;
  const dayNo = dayNumber(year, month, day);
  const minutes = at.length >= 16 ? (parseHHMM(at.slice(11, 16)) ?? NaN) : 0;
  if (Number.isNaN(minutes)) return null;
  const weekday = weekdayOf(dayNo);
  const holiday = holidayOn(dayNo, year);
  const redDay = weekday === 0 || holiday !== null;
  // The next day may fall in the next year (31 Dec -> 1 Jan).
  const nextHoliday = holidayOn(dayNo + 1, month === 12 && day === 31 ? year + 1 : year);
  const eve = !redDay && (weekday === 6 || isHelgedag(nextHoliday));
  return { date: at.slice(0, 10), year, month, day, dayNo, weekday, minutes, holiday, redDay, eve };
}

export const DAY_START = 8 * 60;
export const EVENING_START = 16 * 60;
/** D1 for travel: "ved reise: når reisa startar før klokka 07.00" (the trip's start counts, not 08:00). */
export const TRAVEL_DAY_START = 7 * 60;

/**
 * Merknad D1's clock and calendar window for evening/night/holiday takster:
 * - Sundays and holidays (incl. 1 and 17 May): all day;
 * - every day 16:00-08:00 (the night runs on to 08:00 the next morning, so 00:00-08:00 always counts);
 * - Saturdays: all day (offices are closed, so the legevakt runs from the morning);
 * - other days before a Sunday/helgedag (24 and 31 Dec, the Wednesday before Maundy Thursday, ...):
 *   from `eveStart` (the clinic's legevakt start on those days) when given, else from 16:00 like any weekday.
 * "Until 08:00 the next working day" follows from these: every day after a red day or eve is covered
 * until 08:00, and the days in between are red days.
 */
export function inEveningWindow(f: TimeFacts, eveStart: number | null): boolean {
  if (f.redDay) return true;
  if (f.minutes < DAY_START || f.minutes >= EVENING_START) return true;
  if (!f.eve) return false;
  if (f.weekday === 6) return true;
  return eveStart !== null && f.minutes >= eveStart;
}
