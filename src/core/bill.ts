// The bill as it crosses a boundary (CLI stdin, extension messages): parsed with zod, errors name the field.
// zod/mini keeps the extension bundles small (the classic API is ~450 KB minified, mini ~16 KB).
import * as z from 'zod/mini';
import { EXEMPTION_IDS, type Bill } from './types';
import { describeZodError } from './zod-error';

export const LOCAL_DATE_TIME = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be local time YYYY-MM-DDTHH:MM'),
  z.refine((s) => isRealDateTime(s), 'is not a real date/time'),
);

function isRealDateTime(s: string): boolean {
  const d = new Date(`${s.slice(0, 16)}:00Z`);
  // Date.parse accepts 2024-02-30; compare back to reject it.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === s.slice(0, 16);
}

export const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export const BillLineSchema = z.object({
  code: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(16, 'is too long for a takst code')),
  count: z._default(z.int('must be a whole number').check(z.minimum(1, 'must be at least 1'), z.maximum(999, 'must be at most 999')), 1),
});

export const BillSchema = z.object({
  at: LOCAL_DATE_TIME,
  setting: z.enum(['fastlege', 'legevakt', 'spesialist'], 'must be fastlege, legevakt or spesialist'),
  onCall: z.optional(z.enum(['presence', 'home'], 'must be presence or home')),
  urgent: z.optional(z.boolean()),
  clinician: z.optional(
    z.object({
      specialistGP: z.optional(z.boolean()),
      turnus: z.optional(z.boolean()),
      performedBy: z.optional(z.enum(['doctor', 'staff'], 'must be doctor or staff')),
    }),
  ),
  patient: z.optional(
    z.object({
      age: z.optional(z.int('must be whole years').check(z.minimum(0), z.maximum(130))),
      exemptions: z.optional(z.array(z.enum(EXEMPTION_IDS, `must be one of ${EXEMPTION_IDS.join(', ')}`))),
    }),
  ),
  diagnoses: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(16))).check(z.maxLength(50))),
  durationMinutes: z.optional(z.number().check(z.minimum(0), z.maximum(24 * 60))),
  clinic: z.optional(z.object({ holidayEveStart: z.optional(z.string().check(z.regex(HHMM_RE, 'must be HH:MM'))) })),
  lines: z.array(BillLineSchema).check(z.maxLength(5000)),
});

export { describeZodError };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseBill(input: unknown): ParseResult<Bill> {
  const r = BillSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data as Bill } : { ok: false, error: describeZodError(r.error) };
}
