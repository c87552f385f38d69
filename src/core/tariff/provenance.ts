// Where a tariff row or version came from: the one schema of the Provenance type (src/core/types.ts),
// used by the tariff schema and by the protocol (src/messages.ts) alike. A leaf: zod/mini only.
import * as z from 'zod/mini';

export const MAX_LABEL = 500;
export const MAX_NOTE = 2000;
export const MAX_URL = 2000;

export const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_LABEL, `must be at most ${MAX_LABEL} characters`));
export const note = z.string().check(z.maxLength(MAX_NOTE, `must be at most ${MAX_NOTE} characters`));

export const ProvenanceSchema = z.strictObject({
  /** Human name of the source, e.g. `Fastlegetariffen-2023-2024`. */
  source: nonEmpty,
  url: z.nullable(z.string().check(z.maxLength(MAX_URL), z.regex(/^https?:\/\//, 'must be an http(s) address'))),
  /** Tariff year the figures belong to, e.g. `2023-2024`; null when the source does not say. */
  year: z.nullable(z.string().check(z.regex(/^\d{4}(-\d{4})?$/, 'must be YYYY or YYYY-YYYY'))),
  /** True when the row was checked against the stated edition; false for indicative values. */
  verified: z.boolean(),
  note: z.optional(note),
});
