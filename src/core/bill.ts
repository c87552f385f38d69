// The bill as it crosses a boundary (CLI stdin, extension messages): parsed with zod, errors name the
// field and the constraint in Norwegian (`lines[3].count: må være et helt tall fra 1 til 999`).
// zod/mini keeps the extension bundles small (the classic API is ~450 KB minified, mini ~16 KB).
import * as z from 'zod/mini';
import type { Result } from './result';
import { EXEMPTION_IDS, ON_CALL, PERFORMED_BY, SETTINGS, type Bill } from './types';
import { describeZodError, fieldPath, oneOf } from './zod-error';

/** Years the calendar rules are meant for; 0000 and the like are typing errors, not bills. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const AT_FORMAT = 'må være lokal tid ÅÅÅÅ-MM-DDTTT:MM (uten sekunder), f.eks. 2024-03-13T10:30';
export const LOCAL_DATE_TIME = z.string(AT_FORMAT).check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, AT_FORMAT),
  z.refine((s) => isRealDateTime(s), `er ikke en gyldig dato og tid (år ${MIN_YEAR}–${MAX_YEAR})`),
);

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` that exists in the calendar (no 30 February), years 1900-2999. */
export function isRealDateTime(s: string): boolean {
  const year = Number(s.slice(0, 4));
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return false;
  const date = s.slice(0, 10);
  const time = s.length > 10 ? s.slice(11, 16) : '00:00';
  const d = new Date(`${date}T${time}:00Z`);
  // Date.parse accepts 2024-02-30; compare back to reject it.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === `${date}T${time}`;
}

export const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

const COUNT = 'må være et helt tall fra 1 til 999';
const CODE = 'må være en takstkode (tekst, 1–16 tegn)';
const DIAGNOSIS = 'må være en diagnosekode (tekst, 1–16 tegn)';
const YES_NO = 'må være true eller false';

export const BillLineSchema = z.object(
  {
    /** Code as typed; the core normalises it (case- and space-insensitive). */
    code: z.string(CODE).check(z.trim(), z.minLength(1, CODE), z.maxLength(16, CODE)),
    /** How many times the takst is billed; at least 1. */
    count: z._default(z.int(COUNT).check(z.minimum(1, COUNT), z.maximum(999, COUNT)), 1),
  },
  'må være en takstlinje {"code": "2ad", "count": 1}',
);

export const BillSchema = z.object(
  {
    /** Local Norwegian wall-clock time, `YYYY-MM-DDTHH:MM` (no seconds). */
    at: LOCAL_DATE_TIME,
    setting: z.enum(SETTINGS, `må være ${oneOf(SETTINGS, 'eller')}`),
    onCall: z.optional(z.enum(ON_CALL, 'må være presence (tilstedevakt) eller home (hjemmevakt)')),
    /** Øyeblikkelig hjelp that cannot wait (merknad D1). */
    urgent: z.optional(z.boolean(YES_NO)),
    clinician: z.optional(
      z.object(
        {
          /** Spesialist i allmennmedisin. */
          specialistGP: z.optional(z.boolean(YES_NO)),
          /** Turnuslege / LIS1. */
          turnus: z.optional(z.boolean(YES_NO)),
          performedBy: z.optional(z.enum(PERFORMED_BY, `må være ${oneOf(PERFORMED_BY, 'eller')}`)),
        },
        'må være et objekt',
      ),
    ),
    patient: z.optional(
      z.object(
        {
          age: z.optional(z.int('må være hele år fra 0 til 130').check(z.minimum(0, 'må være hele år fra 0 til 130'), z.maximum(130, 'må være hele år fra 0 til 130'))),
          exemptions: z.optional(z.array(z.enum(EXEMPTION_IDS, `må være en av ${EXEMPTION_IDS.join(', ')}`), 'må være en liste')),
        },
        'må være et objekt',
      ),
    ),
    /** ICPC-2 (primary care) or ICD-10 (specialist care) codes; the first is the main diagnosis. */
    diagnoses: z.optional(
      z.array(z.string(DIAGNOSIS).check(z.trim(), z.minLength(1, DIAGNOSIS), z.maxLength(16, DIAGNOSIS)), 'må være en liste med diagnosekoder').check(
        z.maxLength(50, 'kan ha høyst 50 diagnoser'),
      ),
    ),
    durationMinutes: z.optional(z.number('må være minutter fra 0 til 1440').check(z.minimum(0, 'må være minutter fra 0 til 1440'), z.maximum(24 * 60, 'må være minutter fra 0 til 1440'))),
    /** Clinic facts some rules need: `holidayEveStart`, when the legevakt starts on days before Sundays/holidays (merknad D1; seed: 12:00 on 24/31 Dec). */
    clinic: z.optional(z.object({ holidayEveStart: z.optional(z.string('må være TT:MM').check(z.regex(HHMM_RE, 'må være TT:MM, f.eks. 12:00'))) }, 'må være et objekt')),
    // An empty bill has nothing to check: it is bad input, not a clean report.
    lines: z.array(BillLineSchema, 'må være en liste med takstlinjer').check(z.minLength(1, 'må ha minst én takstlinje'), z.maxLength(5000, 'kan ha høyst 5000 linjer')),
  },
  'må være et JSON-objekt',
);

export { describeZodError };


/** The value at `path` in the input, for echoing it in an error. */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = input;
  for (const p of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** At most 80 characters of a value, quoted; control characters are escaped by the caller's output. */
export function shownValue(v: unknown, max = 80): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean' || v === null) s = String(v);
  else return Array.isArray(v) ? 'en liste' : typeof v === 'object' ? 'et objekt' : typeof v;
  return `«${s.length > max ? `${s.slice(0, max - 1)}…` : s}»`;
}

/** `lines[3].count: må være et helt tall fra 1 til 999 (fikk «0»)`; a missing field says `mangler`; at most three. */
export function describeBillError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, input: unknown): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const v = valueAt(input, i.path);
      // The whole bill: the caller names it ("regningen: må være et JSON-objekt").
      if (i.path.length === 0) return i.message;
      const field = fieldPath(i.path, 'brackets');
      if (v === undefined) return `${field}: mangler (${i.message})`;
      return `${field}: ${i.message} (fikk ${shownValue(v)})`;
    })
    .join('; ');
}

export function parseBill(input: unknown): Result<Bill> {
  const r = BillSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: describeBillError(r.error.issues, input) };
}
