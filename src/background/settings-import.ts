// A settings file as the settings page imports it: read (a BOM is fine), migrated, parsed, and then held
// to what this build can honour: every CSS selector compiles, every rule id and tariff version is one
// it knows, every origin is one exact site (no wildcards: `https://*.no` would grant every Norwegian
// site), and every section fits browser sync storage. Each refusal names its field, in the user's
// language (locale keys `settings_err_*`), and nothing is stored.
import { t } from '../core/i18n';
import { RULE_IDS } from '../core/rules/index';
import type { Locale } from '../core/types';
import { migrate } from '../settings/migrations';
import { SettingsSchema, type Settings } from '../settings/schema';
import { selectorProblem } from '../settings/selector';
import { KEY_PREFIX } from '../settings/store';

export interface Issue {
  path: string;
  message: string;
}
export type ImportResult = { ok: true; settings: Settings } | { ok: false; issues: Issue[] };

/** storage.sync limits (Chrome and Firefox): per item and in all. */
export const SYNC_ITEM_BYTES = 8192;
export const SYNC_TOTAL_BYTES = 102_400;

const SELECTOR_KEYS = ['region', 'code', 'line', 'count', 'date', 'time', 'diagnosis', 'age'] as const;

interface ZodIssueLike {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: unknown;
  values?: readonly unknown[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  format?: string;
}

const pathOf = (p: ReadonlyArray<PropertyKey>) => (p.length ? p.map(String).join('.') : '(root)');

/** One zod issue in the user's language, by its code (the schema's own English words stay internal). */
function zodMessage(locale: Locale, i: ZodIssueLike): string {
  const last = String(i.path[i.path.length - 1] ?? '');
  switch (i.code) {
    case 'invalid_type': {
      const key = `settings_type_${String(i.expected)}`;
      const type = t(locale, key);
      return t(locale, 'settings_err_type', { type: type === key ? String(i.expected) : type });
    }
    case 'invalid_value':
      return t(locale, 'settings_err_one_of', { values: (i.values ?? []).map((v) => (v === null ? 'null' : String(v))).join(', ') });
    case 'invalid_format':
      if (last === 'origin' || i.path[0] === 'sites') return t(locale, 'settings_err_origin');
      if (last === 'holidayEveStart') return t(locale, 'settings_err_hhmm');
      return t(locale, 'settings_err_format');
    case 'too_small':
      return i.origin === 'string' && Number(i.minimum) === 1 ? t(locale, 'settings_err_empty') : t(locale, 'settings_err_too_small', { min: String(i.minimum) });
    case 'too_big':
      return t(locale, 'settings_err_too_big', { max: String(i.maximum) });
    default:
      return t(locale, 'settings_err_invalid');
  }
}

/** What migrate() refused, in the user's language. */
function migrateMessage(locale: Locale, error: string): Issue {
  const newer = /^schemaVersion: (\d+) is newer .*\((\d+)\)$/.exec(error);
  if (newer) return { path: 'schemaVersion', message: t(locale, 'settings_err_newer', { version: newer[1] ?? '', max: newer[2] ?? '' }) };
  if (error.startsWith('(root)')) return { path: '(root)', message: t(locale, 'settings_err_object') };
  return { path: 'schemaVersion', message: t(locale, 'settings_err_version') };
}

/** Selectors of one adapter that do not compile, named under `prefix` (e.g. `sites.0.adapter`). */
export function adapterIssues(locale: Locale, adapter: Settings['sites'][number]['adapter'], prefix: string): Issue[] {
  if (adapter.kind !== 'custom') return [];
  return SELECTOR_KEYS.flatMap((k) => {
    const sel = adapter[k];
    const problem = sel === undefined ? null : selectorProblem(sel);
    return problem ? [{ path: `${prefix}.${k}`, message: t(locale, 'settings_err_selector', { selector: sel ?? '', problem }) }] : [];
  });
}

/** The checks a valid shape must still pass: selectors, rule ids, tariff versions, exact origins. */
function meaningIssues(locale: Locale, s: Settings, tariffIds: readonly string[]): Issue[] {
  const out: Issue[] = [];
  s.sites.forEach((site, i) => {
    if (site.origin.includes('*')) out.push({ path: `sites.${i}.origin`, message: t(locale, 'settings_err_wildcard') });
    out.push(...adapterIssues(locale, site.adapter, `sites.${i}.adapter`));
  });
  const known = new Set<string>(RULE_IDS);
  for (const id of Object.keys(s.rules.severity)) if (!known.has(id)) out.push({ path: `rules.severity.${id}`, message: t(locale, 'settings_err_rule', { id }) });
  s.rules.muted.forEach((id, i) => {
    if (!known.has(id)) out.push({ path: `rules.muted.${i}`, message: t(locale, 'settings_err_rule', { id }) });
  });
  if (s.tariff.active !== 'by-date' && !tariffIds.includes(s.tariff.active)) {
    out.push({ path: 'tariff.active', message: t(locale, 'settings_err_tariff', { id: s.tariff.active, known: ['by-date', ...tariffIds].join(', ') }) });
  }
  return out;
}

/** Bytes of `s` in UTF-8 (what the storage quota counts). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Sections over sync storage's per-item limit, or all of them over its total, named before writing. */
export function sizeIssues(locale: Locale, s: Settings): Issue[] {
  const bytes = (k: string, v: unknown) => utf8Length(k + JSON.stringify(v));
  const sizes = Object.entries(s).map(([k, v]) => [k, bytes(KEY_PREFIX + k, v)] as const);
  const out: Issue[] = sizes
    .filter(([, n]) => n > SYNC_ITEM_BYTES)
    .map(([k, n]) => ({ path: k, message: t(locale, 'settings_err_item_size', { size: n, max: SYNC_ITEM_BYTES }) }));
  const total = sizes.reduce((a, [, n]) => a + n, 0);
  if (total > SYNC_TOTAL_BYTES) out.push({ path: '(root)', message: t(locale, 'settings_err_total_size', { size: total, max: SYNC_TOTAL_BYTES }) });
  return out;
}

/** A storage error (quota, too large) as the user reads it. */
export function storageMessage(locale: Locale, error: string): string {
  return /quota|bytes|too large|exceed/i.test(error) ? t(locale, 'settings_err_quota') : t(locale, 'settings_err_storage');
}

export function checkSettingsFile(text: string, locale: Locale, tariffIds: readonly string[]): ImportResult {
  let data: unknown;
  try {
    // Editors on Windows save UTF-8 with a byte order mark; JSON.parse refuses it.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    return { ok: false, issues: [{ path: '(root)', message: at ? t(locale, 'settings_err_json_at', { position: at }) : t(locale, 'settings_err_json') }] };
  }
  const migrated = migrate(data);
  if (!migrated.ok) return { ok: false, issues: [migrateMessage(locale, migrated.error)] };
  const parsed = SettingsSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: pathOf(i.path), message: zodMessage(locale, i as ZodIssueLike) })) };
  }
  const issues = [...meaningIssues(locale, parsed.data, tariffIds), ...sizeIssues(locale, parsed.data)];
  return issues.length ? { ok: false, issues } : { ok: true, settings: parsed.data };
}
