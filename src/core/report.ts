// What validation returns, as zod schemas: the one source of the Finding, Amounts and Report types
// (src/core/types.ts derives them) and of the protocol's check-bill reply (src/messages.ts).
// zod/mini and no other import but the literal lists: the content script parses replies with these.
import * as z from 'zod/mini';
import { EXEMPTION_IDS, SEVERITIES } from './types';

export const SeveritySchema = z.enum(SEVERITIES);

export const FindingSourceSchema = z.object({
  /** Merknad id in the normaltariff, e.g. `A1`, `D1`. */
  merknad: z.optional(z.string()),
  /** Regulation or other source in words, e.g. `Helfo: Korrekt bruk av kveldstakstar`. */
  regulation: z.optional(z.string()),
  url: z.optional(z.string()),
});

export const FindingSchema = z.object({
  /** The rule id (a RuleId: the registry in src/core/rules/index.ts lists them). */
  rule: z.string(),
  severity: SeveritySchema,
  /** Normalised codes the finding is about, in bill order; the first is the offending one. */
  codes: z.array(z.string()),
  /** What is wrong and why, in the report's locale. */
  message: z.string(),
  /** How to fix it, in the report's locale. */
  fix: z.optional(z.string()),
  source: FindingSourceSchema,
  /** Message key and params, so a UI can re-localise without re-validating. */
  key: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  /** Path of the rule's docs page, e.g. `docs/rules/invalid-combination.md`. */
  docs: z.string(),
});

export const AmountFieldSchema = z.enum(['honorar', 'refusjon', 'egenandel']);

export const AmountsSchema = z.object({
  honorar: z.number(),
  refusjon: z.number(),
  egenandel: z.number(),
  /** Codes whose amounts are not known in this tariff version; never counted as 0. */
  unknown: z.array(z.string()),
  /** Sums that lack at least one line's amount (lower bounds); a UI shows them as "at least" or unknown. */
  incomplete: z.optional(z.array(AmountFieldSchema)),
  /** Why the patient share is 0, when it is. */
  exemption: z.optional(z.enum(EXEMPTION_IDS)),
});

/** Which version checked the bill and whether it is Helsedirektoratet's data (page badge). */
export const TariffRefSchema = z.object({
  id: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** The version's human label, e.g. `Normaltariffen 2023-24`. */
  label: z.string(),
  /** Tariff year as people write it, `2023-24` (from validFrom/validTo). */
  year: z.string(),
  /** Helsedirektoratet's takstkoder data (fetched or imported); false for Takstvakt's own partial data. */
  official: z.boolean(),
});

export const ReportSchema = z.object({
  tariff: z.nullable(TariffRefSchema),
  findings: z.array(FindingSchema),
  amounts: AmountsSchema,
});
