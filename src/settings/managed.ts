// Clinic IT pushes settings through browser policy (`storage.managed`, shape in managed_schema.json).
// Managed values win over the user's; each one is reported as a locked path so the UI can show it.
// A managed value that does not validate is ignored (and reported), never allowed to break the settings.
import * as z from 'zod/mini';
import { describeZodError, HHMM_RE } from '../core/bill';
import { ON_CALL } from '../core/types';
import { oneOf } from '../core/zod-error';
import { ClinicSchema, RuleSeveritySchema, SettingsSchema, SiteSchema, TakstkoderEndpointSchema, UserSchema, type Settings } from './schema';

type Leaf = { path: string; schema: z.ZodMiniType; apply: (s: Settings, v: never) => void; prepare?: (raw: unknown) => unknown };

/** Policy has no null: `none` stands for it (see the generated managed_schema.json). */
export const POLICY_NULL = 'none';
const POLICY_ON_CALL = [...ON_CALL, POLICY_NULL] as const;

/** Policy JSON schemas have no null: a pushed site profile says `onCall: "none"` (issue 12 §3). */
const policySites = (raw: unknown): unknown =>
  Array.isArray(raw)
    ? raw.map((s: unknown) => {
        const p = (s as { profile?: { onCall?: unknown } } | null)?.profile;
        return p && p.onCall === POLICY_NULL ? { ...(s as object), profile: { ...p, onCall: null } } : s;
      })
    : raw;

const leaves: Leaf[] = [
  { path: 'locale', schema: SettingsSchema.shape.locale, apply: (s, v: Settings['locale']) => void (s.locale = v) },
  { path: 'clinic.setting', schema: ClinicSchema.shape.setting, apply: (s, v: Settings['clinic']['setting']) => void (s.clinic.setting = v) },
  {
    path: 'clinic.onCall',
    schema: z.enum(POLICY_ON_CALL, `must be ${oneOf(POLICY_ON_CALL)}`),
    apply: (s, v: (typeof POLICY_ON_CALL)[number]) => void (s.clinic.onCall = v === POLICY_NULL ? null : v),
  },
  {
    path: 'clinic.holidayEveStart',
    schema: z.string().check(z.refine((x) => x === '' || HHMM_RE.test(x), 'must be HH:MM or empty')),
    apply: (s, v: string) => void (s.clinic.holidayEveStart = v === '' ? null : v),
  },
  { path: 'user.specialistGP', schema: UserSchema.shape.specialistGP, apply: (s, v: boolean) => void (s.user.specialistGP = v) },
  { path: 'user.turnus', schema: UserSchema.shape.turnus, apply: (s, v: boolean) => void (s.user.turnus = v) },
  { path: 'sites', schema: z.array(SiteSchema).check(z.maxLength(50)), apply: (s, v: Settings['sites']) => void (s.sites = v), prepare: policySites },
  { path: 'rules.muted', schema: z.array(z.string()), apply: (s, v: string[]) => void (s.rules.muted = v) },
  { path: 'tariff.active', schema: z.string().check(z.minLength(1)), apply: (s, v: string) => void (s.tariff.active = v) },
  { path: 'tariff.endpoint', schema: TakstkoderEndpointSchema, apply: (s, v: string) => void (s.tariff.endpoint = v) },
  { path: 'tariff.weeklyCheck', schema: z.boolean(), apply: (s, v: boolean) => void (s.tariff.weeklyCheck = v) },
];


function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export interface MergedSettings {
  settings: Settings;
  /** Dotted paths set by policy, e.g. `clinic.setting`, `rules.severity.time-window`. */
  locked: string[];
  /** Managed values that were ignored because they do not validate (field named). */
  managedErrors: string[];
}

/** Applies managed (policy) values over the user's settings. */
export function mergeManaged(user: Settings, managed: unknown): MergedSettings {
  const settings = structuredClone(user);
  const locked: string[] = [];
  const managedErrors: string[] = [];
  if (typeof managed !== 'object' || managed === null) return { settings, locked, managedErrors };
  for (const leaf of leaves) {
    const raw = at(managed, leaf.path);
    if (raw === undefined) continue;
    const r = leaf.schema.safeParse(leaf.prepare ? leaf.prepare(raw) : raw);
    if (!r.success) {
      managedErrors.push(`${leaf.path}: ${describeZodError(r.error)}`);
      continue;
    }
    leaf.apply(settings, r.data as never);
    locked.push(leaf.path);
  }
  const severities = at(managed, 'rules.severity');
  if (typeof severities === 'object' && severities !== null) {
    for (const [rule, raw] of Object.entries(severities)) {
      const r = RuleSeveritySchema.safeParse(raw);
      if (!r.success) {
        managedErrors.push(`rules.severity.${rule}: ${describeZodError(r.error)}`);
        continue;
      }
      settings.rules.severity[rule] = r.data;
      locked.push(`rules.severity.${rule}`);
    }
  }
  return { settings, locked, managedErrors };
}

/** True when `path` or one of its parents is locked (a locked `sites` locks `sites.0.origin`). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => path === l || path.startsWith(`${l}.`));
}
