// The one protocol module: every message between the extension's contexts, with zod schemas parsed on
// both sides. Names say the direction: `cs:` content script -> background, `ui:` popup/options ->
// background, `bg:` background -> content script.
// zod/mini keeps the content script small (see src/core/bill.ts).
import * as z from 'zod/mini';

const locale = z.enum(['nb', 'nn', 'en']);

// ---- shared pieces --------------------------------------------------------------------------

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** One takst read from the page. `anchor` identifies the field holding it within the snapshot. */
export const SnapshotLineSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(16)),
  count: z.int().check(z.minimum(1), z.maximum(999)),
  anchor: z.int().check(z.minimum(0)),
});

/** Context read from the page: only what validation needs. Never names or national ids. */
export const SnapshotContextSchema = z.object({
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  time: z.optional(z.string().check(z.regex(/^\d{2}:\d{2}$/))),
  diagnoses: z.optional(z.array(z.string().check(z.maxLength(16))).check(z.maxLength(20))),
  age: z.optional(z.int().check(z.minimum(0), z.maximum(130))),
  durationMinutes: z.optional(z.number().check(z.minimum(0), z.maximum(1440))),
  specialistGP: z.optional(z.boolean()),
  contactType: z.optional(z.enum(['kontor', 'e-konsultasjon', 'sykebesok', 'telefon'])),
});

export const BillSnapshotSchema = z.object({
  /** Stable id of the billing region within the tab (frame + index). */
  regionId: z.string().check(z.minLength(1), z.maxLength(200)),
  lines: z.array(SnapshotLineSchema).check(z.maxLength(5000)),
  context: SnapshotContextSchema,
});

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  codes: z.array(z.string()),
  message: z.string(),
  fix: z.optional(z.string()),
  source: z.object({ merknad: z.optional(z.string()), regulation: z.optional(z.string()), url: z.optional(z.string()) }),
  key: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  docs: z.string(),
});

export const AmountsSchema = z.object({
  honorar: z.number(),
  refusjon: z.number(),
  egenandel: z.number(),
  unknown: z.array(z.string()),
  exemption: z.optional(z.string()),
});

export const ReportSchema = z.object({
  tariff: z.nullable(z.object({ id: z.string(), validFrom: z.string(), validTo: z.string() })),
  findings: z.array(FindingSchema),
  amounts: AmountsSchema,
});

export const AdapterStateSchema = z.object({
  regionId: z.string(),
  /** `checked`: codes read and validated; `unreadable`: a billing region was found but its codes could not be read. */
  state: z.enum(['checked', 'unreadable']),
  reason: z.optional(z.string().check(z.maxLength(300))),
  lineCount: z.int().check(z.minimum(0)),
});

const ok = z.object({ ok: z.literal(true) });

// ---- the message table ----------------------------------------------------------------------
// Each entry: request schema and response schema. Add new types here only.

export const PROTOCOL = {
  'cs:check-bill': {
    request: BillSnapshotSchema,
    response: z.object({ report: ReportSchema, locale }),
  },
  'cs:adapter-state': {
    request: AdapterStateSchema,
    response: ok,
  },
  'cs:get-config': {
    request: z.object({}),
    response: z.object({
      locale,
      /** Custom adapter for this origin, or null for the generic adapter (validated by src/settings/schema). */
      adapter: z.nullable(z.unknown()),
      /** UI strings the overlay needs, already localised (keeps the catalog out of the content script). */
      strings: z.record(z.string(), z.string()),
    }),
  },
  'cs:ignore-once': {
    request: z.object({ regionId: z.string(), rule: z.string(), codes: z.array(z.string()) }),
    response: ok,
  },
  'cs:mute-rule': {
    request: z.object({ rule: z.string() }),
    response: ok,
  },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type Request<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['request']>;
export type Response<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['response']>;

/** Wire envelope. */
export const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
export type Envelope = z.output<typeof EnvelopeSchema>;

/** Result wrapper so errors cross the boundary as data, never as a thrown exception in the page. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
