// Versioned migrations: each step turns version N into N+1. Stored or imported settings run through
// every step from their version up to SETTINGS_SCHEMA_VERSION before validation.
import * as z from 'zod/mini';
import { SETTINGS_SCHEMA_VERSION } from './schema';
import type { OnCall } from '../core/types';

type Json = Record<string, unknown>;

/**
 * Version 0 (before versioning): one flat object, Norwegian on-call words, and plain origin strings.
 * `{ setting, vakt: 'tilstedevakt'|'hjemmevakt'|'', helligdagsaftenStart, spesialist, turnus, language,
 *    origins: string[], severities: {rule: sev}, mutedRules: string[], activeTariff }`
 */
const V0Schema = z.object({
  setting: z.optional(z.string()),
  vakt: z.optional(z.string()),
  helligdagsaftenStart: z.optional(z.nullable(z.string())),
  spesialist: z.optional(z.boolean()),
  turnus: z.optional(z.boolean()),
  language: z.optional(z.string()),
  origins: z.optional(z.array(z.string())),
  severities: z.optional(z.record(z.string(), z.string())),
  mutedRules: z.optional(z.array(z.string())),
  activeTariff: z.optional(z.string()),
});

const ON_CALL_V0: Record<string, OnCall | null> = { tilstedevakt: 'presence', hjemmevakt: 'home', '': null };

function v0ToV1(input: Json): Json {
  const parsed = V0Schema.safeParse(input);
  if (!parsed.success) throw new Error('version 0 settings are not in the expected flat shape');
  const v0 = parsed.data;
  // Absent fields stay absent so the v1 schema's defaults apply; wrong values are left for it to name.
  const onCall = v0.vakt === undefined ? undefined : v0.vakt in ON_CALL_V0 ? ON_CALL_V0[v0.vakt] : v0.vakt;
  return {
    schemaVersion: 1,
    ...(v0.language !== undefined ? { locale: v0.language } : {}),
    clinic: {
      ...(v0.setting !== undefined ? { setting: v0.setting } : {}),
      ...(onCall !== undefined ? { onCall } : {}),
      ...(v0.helligdagsaftenStart !== undefined ? { holidayEveStart: v0.helligdagsaftenStart || null } : {}),
    },
    user: {
      ...(v0.spesialist !== undefined ? { specialistGP: v0.spesialist } : {}),
      ...(v0.turnus !== undefined ? { turnus: v0.turnus } : {}),
    },
    sites: (v0.origins ?? []).map((origin) => ({ origin, adapter: { kind: 'generic' }, enabled: true })),
    rules: { severity: v0.severities ?? {}, muted: v0.mutedRules ?? [] },
    tariff: { active: v0.activeTariff ?? 'by-date' },
  };
}

/**
 * Version 1 -> 2: sites get a profile of their own (practice type, on-call form). Each existing site
 * keeps checking as before: it gets the clinic profile it was checked with.
 */
function v1ToV2(input: Json): Json {
  const clinic = (typeof input.clinic === 'object' && input.clinic !== null ? input.clinic : {}) as Json;
  const profile = { setting: clinic.setting ?? 'fastlege', onCall: clinic.onCall ?? null };
  const sites = Array.isArray(input.sites)
    ? input.sites.map((s: unknown) => (typeof s === 'object' && s !== null && !('profile' in s) ? { ...s, profile } : s))
    : input.sites;
  return { ...input, schemaVersion: 2, ...(sites !== undefined ? { sites } : {}) };
}

/** MIGRATIONS[n] migrates version n to n + 1. */
const MIGRATIONS: ReadonlyArray<(input: Json) => Json> = [v0ToV1, v1ToV2];

export type MigrationResult = { ok: true; value: Json; from: number } | { ok: false; error: string };

/** Brings stored or imported settings to the current version. A missing `schemaVersion` means version 0. */
export function migrate(input: unknown): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, error: '(root): must be an object' };
  let value = input as Json;
  const raw = value.schemaVersion ?? 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) return { ok: false, error: 'schemaVersion: must be a whole number' };
  if (raw > SETTINGS_SCHEMA_VERSION) {
    return { ok: false, error: `schemaVersion: ${raw} is newer than this version of Takstvakt understands (${SETTINGS_SCHEMA_VERSION})` };
  }
  try {
    for (let v = raw; v < SETTINGS_SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (!step) return { ok: false, error: `schemaVersion: no migration from version ${v}` };
      value = step(value);
    }
  } catch (e) {
    return { ok: false, error: `schemaVersion ${raw}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, value, from: raw };
}
