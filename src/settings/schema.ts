// Settings: one zod schema, versioned. Stored in storage.sync (clinic, user, rules, sites) and
// storage.local (imported tariffs). Never holds patient data. Migrations live in ./migrations.ts.
import * as z from 'zod/mini';
import { HHMM_RE } from '../core/bill';
import type { CustomAdapterField } from './adapter-fields';
import { CONFIGURED_SEVERITIES, LOCALES, ON_CALL, SETTINGS } from '../core/types';
import { oneOf } from '../core/zod-error';

export const SETTINGS_SCHEMA_VERSION = 2;

/** The settings' on-call form is nullable: its message names null as a choice. */
const ON_CALL_OR_NULL = oneOf([...ON_CALL, String(null)]);

const hhmm = z.string().check(z.regex(HHMM_RE, 'must be HH:MM'));

/** An origin a clinic grants, e.g. `https://epj.example.no` (scheme + host [+ port], no path). */
export const OriginSchema = z
  .string()
  .check(z.regex(/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin like https://epj.example.no'));

/** Selectors a clinic writes for an EPJ screen the generic adapter cannot read. */
export const CustomAdapterSchema = z.object({
  kind: z.literal('custom'),
  /** The billing region(s). */
  region: z.string().check(z.minLength(1, 'must name the billing region')),
  /** Elements that each hold one or more codes (value or text), inside the region. */
  code: z.string().check(z.minLength(1, 'must name the code fields')),
  /** A bill line; the count field is looked up within the closest line ancestor of a code. */
  line: z.optional(z.string()),
  count: z.optional(z.string()),
  date: z.optional(z.string()),
  time: z.optional(z.string()),
  diagnosis: z.optional(z.string()),
  age: z.optional(z.string()),
});

// The schema names each selector with its own check; this keeps it to the one list (adapter-fields.ts).
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type CustomAdapterMatchesFieldList = Assert<Same<Exclude<keyof z.output<typeof CustomAdapterSchema>, 'kind'>, CustomAdapterField>>;

export const AdapterSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('generic') }), CustomAdapterSchema]);

/**
 * Practice type and on-call form of one EPJ site (issue 12: a legevakt system and a fastlege system in
 * one browser). A site without one uses the clinic profile; v1 sites get the clinic's (migrations.ts).
 */
export const SiteProfileSchema = z.object({
  setting: z.enum(SETTINGS, `must be ${oneOf(SETTINGS)}`),
  onCall: z._default(z.nullable(z.enum(ON_CALL, `must be ${ON_CALL_OR_NULL}`)), null),
});

export const SiteSchema = z.object({
  origin: OriginSchema,
  adapter: z._default(AdapterSchema, { kind: 'generic' }),
  enabled: z._default(z.boolean(), true),
  profile: z.optional(SiteProfileSchema),
});

/** An https address without query or fragment; http only to this machine (the tests' stand-in server). */
export const TakstkoderEndpointSchema = z
  .string()
  .check(z.regex(/^(https:\/\/[a-z0-9.-]+(:\d{1,5})?|http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?)(\/[^?#\s]*)?$/i, 'must be an https address without query'));

export const RuleSeveritySchema = z.enum(CONFIGURED_SEVERITIES, `must be ${oneOf(CONFIGURED_SEVERITIES)}`);

export const ClinicSchema = z.object({
  setting: z._default(z.enum(SETTINGS, `must be ${oneOf(SETTINGS)}`), 'fastlege'),
  onCall: z._default(z.nullable(z.enum(ON_CALL, `must be ${ON_CALL_OR_NULL}`)), null),
  /** When the legevakt starts on days before Sundays/holidays (merknad D1; the seed's example is 12:00). */
  holidayEveStart: z._default(z.nullable(hhmm), null),
  /**
   * The doctor chose "fastlege" themselves (issue 12 §2): the default is not a choice, so the settings
   * page preselects nothing until then. Any other setting is a choice by itself and needs no mark.
   */
  settingChosen: z.optional(z.literal(true)),
});

export const UserSchema = z.object({
  specialistGP: z._default(z.boolean(), false),
  turnus: z._default(z.boolean(), false),
});

export const RuleSettingsSchema = z.object({
  /** Severity per rule id; a rule not listed keeps its default severity. */
  severity: z._default(z.record(z.string(), RuleSeveritySchema), {}),
  /** Rules muted from a marker ("mute this rule"); listed in settings with a way back. */
  muted: z._default(z.array(z.string()), []),
});

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  locale: z._default(z.enum(LOCALES, `must be ${oneOf(LOCALES)}`), 'nb'),
  clinic: z._default(ClinicSchema, { setting: 'fastlege', onCall: null, holidayEveStart: null }),
  user: z._default(UserSchema, { specialistGP: false, turnus: false }),
  sites: z._default(z.array(SiteSchema).check(z.maxLength(50)), []),
  rules: z._default(RuleSettingsSchema, { severity: {}, muted: [] }),
  tariff: z._default(
    z.object({
      /** `by-date`: the version whose validity covers the bill's date; otherwise a tariff id. */
      active: z._default(z.string().check(z.minLength(1)), 'by-date'),
      /** Takstkoder API address (no query) for "Hent gjeldende takster"; null = the documented defaults, in order. */
      endpoint: z._default(z.nullable(TakstkoderEndpointSchema), null),
      /** Opt-in weekly check (chrome.alarms) that only tells the clinic a newer version is out; never swaps. */
      weeklyCheck: z._default(z.boolean(), false),
    }),
    { active: 'by-date', endpoint: null, weeklyCheck: false },
  ),
});

export type Settings = z.output<typeof SettingsSchema>;
export type Site = z.output<typeof SiteSchema>;
export type SiteProfile = z.output<typeof SiteProfileSchema>;
export type CustomAdapter = z.output<typeof CustomAdapterSchema>;
export type Adapter = z.output<typeof AdapterSchema>;
