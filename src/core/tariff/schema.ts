// zod schema of a tariff version (source form), for bundled data, imported files and anything read
// from disk. zod/mini keeps the extension bundle small. Errors name the field: `takster.12.hon: ...`.
import * as z from 'zod/mini';
import { ON_CALL, SETTINGS, type MerknadRow, type TakstRow, type TariffVersion } from '../types';
import { oneOf } from '../zod-error';
import { MAX_LABEL, MAX_URL, nonEmpty, note, ProvenanceSchema } from './provenance';

export { ProvenanceSchema };

const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real date'),
);

/** Longest takst code accepted (issue 10: codes are short; the longest real one is 5 characters). */
export const MAX_CODE_LENGTH = 12;
// Text bounds: a tariff file is data, not a document; a runaway field is refused with its path.
const MAX_SUMMARY = 8000;
/** Most rows in one version (the official LE list has a few thousand). */
export const MAX_TAKSTER = 20_000;

const amount = z.nullable(z.number().check(z.minimum(0, 'must not be negative'), z.maximum(1_000_000, 'is not a plausible amount')));
const count = z.int('must be a whole number').check(z.minimum(1, 'must be at least 1'));
const takstCode = z.string().check(
  z.maxLength(MAX_CODE_LENGTH, `must be at most ${MAX_CODE_LENGTH} characters`),
  z.regex(/^[A-Za-z]{0,2}\d{1,4}[A-Za-z]*\d*$/, 'is not a takst code'),
);
/** A code as a list names it (compile normalises case and spaces). */
const looseCode = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_CODE_LENGTH, `must be at most ${MAX_CODE_LENGTH} characters`));
const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'));
const codeSetText = z.nullable(z.string().check(z.minLength(1, 'must not be empty; use null'), z.maxLength(4000)));
const settingSchema = z.enum(SETTINGS, `must be ${oneOf(SETTINGS)}`);

export const RepetitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once') }),
  z.strictObject({ kind: z.literal('times'), max: count }),
  z.strictObject({ kind: z.literal('unlimited') }),
  z.strictObject({
    kind: z.literal('reduced'),
    percent: z.number().check(z.minimum(0), z.maximum(100, 'must be a percentage 0-100')),
    max: z.nullable(count),
  }),
]);

const ageSchema = z.nullable(z.int('must be whole years').check(z.minimum(0), z.maximum(130)));

/** A diagnosis code prefix (`F`, `P76`, `F500`) or an inclusive range of 3-character codes (`P70-P99`). */
const DIAGNOSIS_PATTERN = /^[A-Z](\d{0,3}|\d\d-[A-Z]\d\d)$/;

export const TakstRowSchema = z.strictObject({
  code: takstCode,
  chapter: nonEmpty,
  kind: z.optional(
    z.enum(['contact', 'consultation', 'home-visit', 'supplement', 'material', 'travel', 'procedure', 'lab', 'radiology', 'other']),
  ),
  label: nonEmpty,
  labelNn: z.optional(z.string().check(z.maxLength(MAX_LABEL))),
  labelEn: z.optional(z.string().check(z.maxLength(MAX_LABEL))),
  hon: amount,
  ref: amount,
  egen: amount,
  repetition: z.nullable(RepetitionSchema),
  merknader: z.array(nonEmpty).check(z.maxLength(100)),
  deny: codeSetText,
  allow: z.nullable(
    z.strictObject({
      any: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
      fastlege: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
      legevakt: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
    }),
  ),
  requiresAnyOf: z.nullable(z.array(looseCode).check(z.minLength(1, 'must name a code; use null'), z.maxLength(1000))),
  specialistOnly: z.boolean(),
  settings: z.nullable(z.array(settingSchema).check(z.minLength(1, 'must name a setting; use null'))),
  minDurationMinutes: z.nullable(z.number().check(z.minimum(0))),
  maxPerYear: z.nullable(count),
  timeClass: z.nullable(z.enum(['d', 'k'], 'must be d, k or null')),
  minAge: ageSchema,
  maxAgeExclusive: ageSchema,
  provenance: ProvenanceSchema,
  fieldProvenance: z.optional(
    z.strictObject({
      hon: z.optional(ProvenanceSchema),
      ref: z.optional(ProvenanceSchema),
      egen: z.optional(ProvenanceSchema),
      rules: z.optional(ProvenanceSchema),
    }),
  ),
  replacedBy: z.optional(takstCode),
  carriedFrom: z.optional(nonEmpty),
  // Year facts the rules read (see TakstRow in ../types.ts).
  onCall: z.optional(z.array(z.enum(ON_CALL, `must be ${oneOf(ON_CALL)}`)).check(z.minLength(1, 'must name an on-call form; leave out'))),
  clock: z.optional(z.strictObject({ from: hhmm, to: hhmm })),
  eveningException: z.optional(z.strictObject({ settings: z.array(settingSchema).check(z.minLength(1)), after: z.nullable(hhmm) })),
  dayCode: z.optional(takstCode),
  durationSteps: z.optional(z.strictObject({ over: z.number().check(z.minimum(0)), per: z.number().check(z.minimum(1, 'must be at least 1 minute')) })),
  who: z.optional(z.strictObject({ doctorOnly: z.optional(z.boolean()), notTurnus: z.optional(z.boolean()), specialistGP: z.optional(z.boolean()) })),
  prescriptionCode: z.optional(takstCode),
  requiresProcedure: z.optional(z.union([z.literal(true), z.array(looseCode).check(z.minLength(1), z.maxLength(1000))])),
  requiresDiagnosis: z.optional(
    z.union([z.literal(true), z.array(z.string().check(z.regex(/^[A-Za-z]\d{1,2}(\.?\w{0,4})?$/, 'is not a diagnosis code'))).check(z.minLength(1), z.maxLength(1000))]),
  ),
  indication: z.optional(
    z.strictObject({
      text: nonEmpty,
      icpc2: z.array(z.string().check(z.regex(DIAGNOSIS_PATTERN, 'is not a diagnosis code, prefix or range (P70-P99)'))),
      icd10: z.array(z.string().check(z.regex(DIAGNOSIS_PATTERN, 'is not a diagnosis code, prefix or range (F00-F99)'))),
    }),
  ),
});

export const MerknadRowSchema = z.strictObject({
  id: nonEmpty,
  summary: z.nullable(z.string().check(z.maxLength(MAX_SUMMARY))),
  summaryNn: z.optional(z.nullable(z.string().check(z.maxLength(MAX_SUMMARY)))),
  summaryEn: z.optional(z.nullable(z.string().check(z.maxLength(MAX_SUMMARY)))),
  url: z.nullable(z.string().check(z.maxLength(MAX_URL))),
  provenance: ProvenanceSchema,
});

export const TariffVersionSchema = z
  .strictObject({
    schemaVersion: z.literal(1, 'must be 1'),
    id: z.string().check(z.maxLength(100), z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, dot, dash or underscore')),
    label: nonEmpty,
    validFrom: isoDate,
    validTo: isoDate,
    source: ProvenanceSchema,
    official: z.optional(z.boolean()),
    origin: z.optional(z.enum(['bundled', 'imported', 'fetched'])),
    takster: z.array(TakstRowSchema).check(z.maxLength(MAX_TAKSTER, `must hold at most ${MAX_TAKSTER} takster`)),
    merknader: z.array(MerknadRowSchema).check(z.maxLength(1000)),
  })
  .check(
    z.refine((v) => v.validFrom <= v.validTo, { message: 'must not be before validFrom', path: ['validTo'] }),
  );

// Keep the schema and the hand-written types in step: a mismatch fails the typecheck.
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaMatchesTypes = Assert<
  Same<z.infer<typeof TakstRowSchema>, TakstRow> extends true
    ? Same<z.infer<typeof MerknadRowSchema>, MerknadRow>
    : false
>;

export type ParseTariffResult = { ok: true; value: TariffVersion } | { ok: false; errors: string[] };

/** Validates unknown input as a tariff version; every issue as `field.path: message`. */
export function parseTariffVersion(input: unknown): ParseTariffResult {
  const r = TariffVersionSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data as TariffVersion };
  return {
    ok: false,
    errors: r.error.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`),
  };
}
