// The bill the rule core validates: what the page shows (codes, date/time, diagnoses, age, duration)
// plus the clinic's and the user's settings (setting, on-call form, specialist, turnus).
import type { z } from 'zod/mini';
import type { Bill } from '../core/types';
import type { BillSnapshotSchema } from '../messages';
import type { Settings } from '../settings/schema';

export type BillSnapshot = z.output<typeof BillSnapshotSchema>;

export function billFromSnapshot(snapshot: BillSnapshot, settings: Settings, clock: { date: string; time: string }): Bill {
  const ctx = snapshot.context;
  // A page that shows only the date is billed at the current time of day (a guess that only matters
  // for time-window rules, and the page's own time wins whenever it is readable).
  const at = `${ctx.date ?? clock.date}T${ctx.time ?? clock.time}`;
  return {
    at,
    setting: settings.clinic.setting,
    onCall: settings.clinic.onCall ?? undefined,
    clinician: {
      // The page's "Spesialist i allmennmedisin" checkbox, when present, describes this bill.
      specialistGP: ctx.specialistGP ?? settings.user.specialistGP,
      turnus: settings.user.turnus,
    },
    patient: ctx.age === undefined ? undefined : { age: ctx.age },
    diagnoses: ctx.diagnoses,
    durationMinutes: ctx.durationMinutes,
    clinic: settings.clinic.holidayEveStart ? { holidayEveStart: settings.clinic.holidayEveStart } : undefined,
    lines: snapshot.lines.map((l) => ({ code: l.code, count: l.count })),
  };
}
