// One small JSON file per EPJ (issue 12 §6): a clinic exports the selectors it taught or wrote for its
// EPJ screen, the next clinic with the same EPJ imports them. Only selectors, never page data. A file
// is checked with zod before anything changes; each refusal names its field and says what is wrong in
// the reader's language (the settings page then saves through ui:settings-save, which also compiles
// every selector and keeps the previous state on any error).
import * as z from 'zod/mini';
import { t } from '../core/i18n';
import type { Locale } from '../core/types';
import { CustomAdapterSchema, type CustomAdapter } from '../settings/schema';

export const ADAPTER_FILE_FORMAT = 'takstvakt-adapter';

const AdapterFileSchema = z.object({
  format: z.literal(ADAPTER_FILE_FORMAT),
  version: z.literal(1),
  /** The EPJ the selectors were made for, as the exporting clinic named it (its origin by default). */
  epj: z.optional(z.string().check(z.maxLength(200))),
  adapter: CustomAdapterSchema,
});

export type AdapterFile = z.output<typeof AdapterFileSchema>;
export interface FileIssue {
  /** `adapter.code`, `format`, `(root)`. */
  path: string;
  /** What a person calls the field (null: the file itself). */
  field: string | null;
  message: string;
}
export type AdapterFileResult = { ok: true; adapter: CustomAdapter; epj: string | null } | { ok: false; issues: FileIssue[] };

export function adapterFileText(origin: string, adapter: CustomAdapter): string {
  const file: AdapterFile = { format: ADAPTER_FILE_FORMAT, version: 1, epj: origin, adapter };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `takstvakt-adapter-epj.example.no.json` */
export function adapterFileName(origin: string): string {
  return `takstvakt-adapter-${origin.replace(/^https?:\/\//, '').replace(/[^a-z0-9.-]+/gi, '-')}.json`;
}

interface ZodIssueLike {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: unknown;
}

function at(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = data;
  for (const p of path) cur = typeof cur === 'object' && cur !== null ? (cur as Record<PropertyKey, unknown>)[p] : undefined;
  return cur;
}

function fieldOf(locale: Locale, path: ReadonlyArray<PropertyKey>): string | null {
  const [top, key] = path.map(String);
  if (top === 'adapter' && key) {
    const k = `options_adapter_field_${key}`;
    const name = t(locale, k);
    return name === k ? key : name;
  }
  return top && top !== 'adapter' ? top : null;
}

function messageOf(locale: Locale, i: ZodIssueLike, data: unknown): string {
  const top = String(i.path[0] ?? '');
  if (top === 'format' || top === 'version') return t(locale, 'options_adapter_file_kind');
  if (i.code === 'invalid_type' && at(data, i.path) === undefined) return t(locale, 'issue_missing');
  if (i.code === 'invalid_type') {
    const key = `settings_type_${String(i.expected)}`;
    const type = t(locale, key);
    return t(locale, 'settings_err_type', { type: type === key ? String(i.expected) : type });
  }
  if (i.code === 'too_small') return t(locale, 'settings_err_empty');
  if (i.code === 'too_big') return t(locale, 'settings_err_too_big', { max: '200' });
  return t(locale, 'settings_err_invalid');
}

/** A file as the settings page imports it: JSON (a BOM is fine), our format and version, a custom adapter. */
export function parseAdapterFile(text: string, locale: Locale): AdapterFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, issues: [{ path: '(root)', field: null, message: t(locale, 'issue_json') }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ path: '(root)', field: null, message: t(locale, 'options_adapter_file_kind') }] };
  }
  // Another file (a settings backup, a takstkoder file): say that once instead of listing its every field.
  if ((data as { format?: unknown }).format !== ADAPTER_FILE_FORMAT) {
    return { ok: false, issues: [{ path: 'format', field: 'format', message: t(locale, 'options_adapter_file_kind') }] };
  }
  const r = AdapterFileSchema.safeParse(data);
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.') || '(root)', field: fieldOf(locale, i.path), message: messageOf(locale, i as ZodIssueLike, data) })),
    };
  }
  return { ok: true, adapter: r.data.adapter, epj: r.data.epj ?? null };
}
