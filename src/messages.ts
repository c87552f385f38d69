// The one protocol module: every message between the extension's contexts, with zod schemas parsed on
// both sides. Names say the direction: `cs:` content script -> background, `ui:` popup/options ->
// background, `bg:` background -> content script.
// zod/mini keeps the content script small (see src/core/bill.ts).
import * as z from 'zod/mini';
import { AmountsSchema, FindingSchema, ReportSchema, SeveritySchema } from './core/report';
import { ProvenanceSchema } from './core/tariff/provenance';
import type { Result } from './core/result';
import { LOCALES } from './core/types';
import { describeZodError } from './core/zod-error';

const locale = z.enum(LOCALES);

// ---- shared pieces --------------------------------------------------------------------------

// The report's shapes are the rule core's own (src/core/report.ts): one schema, the type derived.
export { AmountsSchema, FindingSchema, ReportSchema, SeveritySchema };

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
});

const SnapshotLinesFull = z.array(SnapshotLineSchema).check(z.maxLength(5000));
type SnapshotLine = z.output<typeof SnapshotLineSchema>;
const LINE_KEYS = 3;

/** SnapshotLineSchema's rules as one plain test (a line with any other key fails it). */
function plainLine(l: unknown): boolean {
  if (typeof l !== 'object' || l === null) return false;
  const { code, count, anchor } = l as Record<string, unknown>;
  return (
    typeof code === 'string' && code.length >= 1 && code.length <= 16 &&
    Number.isSafeInteger(count) && (count as number) >= 1 && (count as number) <= 999 &&
    Number.isSafeInteger(anchor) && (anchor as number) >= 0 &&
    Object.keys(l).length === LINE_KEYS
  );
}

/**
 * The lines of a bill: zod's object parse of 2,000 lines cost ~1.7 ms per edit on each side, so lines
 * that pass the plain test are taken as they are; anything else gets SnapshotLinesFull's parse (the
 * same output and the same issues, naming the line and field).
 */
export const SnapshotLinesSchema = z.pipe(
  z.unknown(),
  z.transform((v, ctx): SnapshotLine[] => {
    if (Array.isArray(v) && v.length <= 5000 && v.every(plainLine)) return v as SnapshotLine[];
    const r = SnapshotLinesFull.safeParse(v);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.issues.push({ ...issue, input: v } as (typeof ctx.issues)[number]);
    return [];
  }),
);

export const BillSnapshotSchema = z.object({
  /** Stable id of the billing region within the tab (frame + index). */
  regionId: z.string().check(z.minLength(1), z.maxLength(200)),
  lines: SnapshotLinesSchema,
  context: SnapshotContextSchema,
});

/** A virtualised grid renders only some of its rows: `read` lines were checked of `total` declared. */
export const PartialSchema = z.object({ read: z.int().check(z.minimum(0)), total: z.int().check(z.minimum(0)) });

export const AdapterStateSchema = z.object({
  regionId: z.string(),
  /** `checked`: codes read and validated; `unreadable`: a billing region was found but its codes could not be read. */
  state: z.enum(['checked', 'unreadable']),
  reason: z.optional(z.string().check(z.maxLength(300))),
  lineCount: z.int().check(z.minimum(0)),
  partial: z.optional(PartialSchema),
});

const ok = z.object({ ok: z.literal(true) });

export const IgnoredItemSchema = z.object({
  tabId: z.int(),
  frameId: z.int().check(z.minimum(0)),
  regionId: z.string().check(z.maxLength(200)),
  rule: z.string().check(z.maxLength(64)),
  codes: z.array(z.string().check(z.maxLength(16))).check(z.maxLength(50)),
});

// ---- ui: pieces (popup/options room) -------------------------------------------------------

/** A loaded tariff version as the UI lists it. */
export const TariffSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  source: ProvenanceSchema,
  /** True for the version shipped with the extension; false for an imported file. */
  bundled: z.boolean(),
  takstCount: z.int(),
});

/** What the search index needs of a takst (all label languages, so the index is built once). */
export const TakstIndexEntrySchema = z.object({
  code: z.string(),
  key: z.string(),
  chapter: z.string(),
  label: z.string(),
  labelNn: z.optional(z.string()),
  labelEn: z.optional(z.string()),
  kind: z.optional(z.string()),
  /** The tariff has only a placeholder label ("innhold ikke hentet"): the popup finds it by its exact code only. */
  placeholder: z.optional(z.boolean()),
});

/** A merknad as a search result of its own: our summary (null = text not retrieved), its link and the takster citing it. */
export const MerknadIndexEntrySchema = z.object({ id: z.string(), summary: z.nullable(z.string()), url: z.nullable(z.string()), codes: z.array(z.string()) });

/** A code set expanded into real codes (src/core/describe.ts CodeList). */
const CodeListSchema = z.object({ mode: z.enum(['only', 'allExcept', 'none']), codes: z.array(z.string()), text: z.nullable(z.string()) });

/** One takst explained (src/core/describe.ts TakstDescription), already localised. */
export const TakstDescriptionSchema = z.object({
  code: z.string(),
  label: z.string(),
  chapter: z.string(),
  hon: z.nullable(z.number()),
  ref: z.nullable(z.number()),
  egen: z.nullable(z.number()),
  repetition: z.string(),
  deny: CodeListSchema,
  allow: z.object({ any: CodeListSchema, fastlege: CodeListSchema, legevakt: CodeListSchema }),
  requiresAnyOf: z.array(z.string()),
  conditions: z.array(z.string()),
  merknader: z.array(z.object({ id: z.string(), summary: z.nullable(z.string()), url: z.nullable(z.string()) })),
  provenance: ProvenanceSchema,
  tariff: z.object({ id: z.string(), validFrom: z.string(), validTo: z.string() }),
});

/** One field of a takst that differs from the previous tariff year (values already as text). */
export const TakstChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });

/** A field a settings file or form got wrong, named by its path (`clinic.setting`). */
export const SettingsIssueSchema = z.object({ path: z.string(), message: z.string() });

/** Current settings (parsed again with src/settings/schema.ts on the UI side) and the paths locked by policy. */
export const SettingsStateSchema = z.object({
  settings: z.unknown(),
  locked: z.array(z.string()),
  /** The rule ids of the background's registry, so pages list every rule without loading the rules. */
  ruleIds: z.optional(z.array(z.string())),
});

/** Reply to every settings change: `issues` non-empty means refused, and `state` is the unchanged current one. */
const settingsChange = z.object({ state: SettingsStateSchema, issues: z.array(SettingsIssueSchema) });

/** What a content script read from its page, for "test on the open tab" (reply to `bg:probe`). */
export const ProbeRegionSchema = z.object({
  regionId: z.string(),
  /** Where the region is: a short CSS-like path, e.g. `form#regning > table`. */
  where: z.string().check(z.maxLength(300)),
  adapter: z.enum(['generic', 'custom']),
  state: z.enum(['checked', 'unreadable']),
  reason: z.optional(z.string().check(z.maxLength(300))),
  lines: z.array(z.object({ code: z.string(), count: z.int(), where: z.string().check(z.maxLength(300)) })).check(z.maxLength(5000)),
  context: SnapshotContextSchema,
  /** Field values left out before anything was sent (national ids, dates, times, phone numbers): where and why, never the value. */
  skipped: z.optional(z.array(z.object({ where: z.string().check(z.maxLength(300)), reason: z.enum(['national-id', 'date', 'time', 'phone']) })).check(z.maxLength(200))),
  partial: z.optional(PartialSchema),
});
export const ProbeResultSchema = z.object({ url: z.string(), regions: z.array(ProbeRegionSchema) });

/** A tab's state as the popup shows it: per billing region, its adapter state and its findings. */
export const PageRegionSchema = z.object({
  regionId: z.string(),
  state: z.enum(['checked', 'unreadable']),
  reason: z.optional(z.string()),
  lineCount: z.int(),
  findings: z.array(FindingSchema),
  /** A virtualised grid: lines read of lines it declares (the popup says "delvis kontrollert"). */
  partial: z.optional(PartialSchema),
});

export const TariffImportErrorSchema = z.object({
  /** 1-based row in the file's `takstkoder` array; null for file-level errors. */
  row: z.nullable(z.int()),
  code: z.nullable(z.string()),
  field: z.string(),
  message: z.string(),
});

/** A takstkoder file or fetched answer before it is used: what it covers and changes (ui:tariff-preview). */
const DiffValueSchema = z.nullable(z.union([z.string(), z.number()]));
export const TariffPreviewSchema = z.object({
  /** The version that would be stored (after merge or replace). */
  version: TariffSummarySchema,
  /** The version in use for its dates now; null when none is loaded. */
  against: z.nullable(TariffSummarySchema),
  /** How many of `against`'s takster the file has ("4 av 187"); `missing` are carried (merge) or dropped (replace). */
  coverage: z.nullable(z.object({ fileCount: z.int(), againstCount: z.int(), covered: z.int(), missing: z.array(z.string()) })),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  /** At most 300 takster with their changed fields; `changedCount` is the full number. */
  changed: z.array(z.object({ code: z.string(), fields: z.array(z.object({ field: z.string(), before: DiffValueSchema, after: DiffValueSchema })) })),
  changedCount: z.int(),
  warnings: z.array(z.string()),
});

/** What the opt-in weekly check found (it only tells; it never swaps the tariff). */
export const TariffNoticeSchema = z.object({
  checkedAt: z.string(),
  /** `newer`: the official answer for today differs from the version in use; `failed`: the check could not run. */
  kind: z.enum(['newer', 'current', 'failed']),
  detail: z.string().check(z.maxLength(500)),
});

/** Selectors teach mode proposes (src/settings/schema.ts CustomAdapterSchema checks them again before saving). */
const teachSelector = z.string().check(z.minLength(1), z.maxLength(500));
export const TeachAdapterSchema = z.object({
  kind: z.literal('custom'),
  region: teachSelector,
  code: teachSelector,
  line: z.optional(teachSelector),
  count: z.optional(teachSelector),
  date: z.optional(teachSelector),
  time: z.optional(teachSelector),
  diagnosis: z.optional(teachSelector),
});

const importMode = z.enum(['merge', 'replace']);
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'));

// ---- the message table ----------------------------------------------------------------------
// Each entry: request schema and response schema. Add new types here only.

export const PROTOCOL = {
  'cs:check-bill': {
    request: BillSnapshotSchema,
    /**
     * `full`: this tab's stored state is at its size cap (the popup shows less); the findings are whole.
     * `version`: whether the tariff used is official (fetched or imported) and its years in words ("2023-24").
     */
    response: z.object({ report: ReportSchema, locale, full: z.optional(z.boolean()), version: z.optional(z.object({ official: z.boolean(), years: z.string() })) }),
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
      /** How many rules are muted in settings: the page badge says "1 regel dempet". */
      muted: z.int().check(z.minimum(0)),
      /** The profile this page is checked with, in words ("legevakt, tilstedevakt"), for the page badge (issue 12 §3). */
      profile: z.optional(z.string()),
    }),
  },
  'cs:ignore-once': {
    request: z.object({ regionId: z.string(), rule: z.string(), codes: z.array(z.string()) }),
    response: ok,
  },
  'cs:open-docs': {
    /** Opens the rule's docs page (an extension page a web page cannot link to) in a new tab. */
    request: z.object({ rule: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a rule id')) }),
    response: ok,
  },
  'cs:open-rule-settings': {
    /**
     * A card's "Innstillinger for regelen": opens the settings page at the rule, where muting is
     * confirmed and undone. There is no cs: message that mutes: a page must never be able to.
     */
    request: z.object({ rule: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a rule id')) }),
    response: ok,
  },
  'cs:boot': {
    /** The boot script started in a frame: the background injects the full script at once for a site with custom selectors. */
    request: z.object({}),
    response: ok,
  },
  'cs:activate': {
    /** The boot script saw a takst field in its frame: the background injects the full script there. */
    request: z.object({}),
    response: ok,
  },
  'cs:open-settings': {
    /** The page badge's "hent takster": opens the settings page at the fetch section (never fetches itself). */
    request: z.object({ section: z.enum(['tariff-fetch']) }),
    response: ok,
  },
  // -- issue 12 §6: teach a screen by pointing --
  'cs:teach-save': {
    /**
     * Teach mode's "Lagre": the proposed selectors (never page data) become the sending page's site's
     * adapter. Refused unless the popup started teaching in this tab (ui:teach-start) for this origin.
     */
    request: TeachAdapterSchema,
    response: z.object({ saved: z.boolean(), issues: z.array(SettingsIssueSchema) }),
  },
  'cs:region-gone': {
    /** A billing region left the page: the background clears its findings (popup list and badge stay true). */
    request: z.object({ regionId: BillSnapshotSchema.shape.regionId }),
    response: ok,
  },
  // -- more cs: messages (content-scripts room) go here --
  // -- ui: messages (popup/options room) go here --
  // -- issue 12 §6: teach a screen by pointing --
  'ui:teach-start': {
    /** The popup's "Lær Takstvakt denne skjermen": teach mode in the tab's top frame (content-teach.js). */
    request: z.object({ tabId: z.int() }),
    response: z.object({ started: z.boolean(), error: z.optional(z.enum(['no-tab', 'no-site', 'locked', 'inject'])) }),
  },
  'ui:tariffs': {
    request: z.object({}),
    /** `active` is the setting (`by-date` or an id); `inForce` the version covering today. */
    response: z.object({
      versions: z.array(TariffSummarySchema),
      active: z.string(),
      inForce: z.nullable(z.string()),
      /** True when an official (fetched or imported) version covers today. */
      officialToday: z.optional(z.boolean()),
      notice: z.optional(z.nullable(TariffNoticeSchema)),
      /** The takstkoder endpoints a fetch tries, in order (the settings page asks for their origins on the click). */
      endpoints: z.optional(z.array(z.string())),
    }),
  },
  'ui:takst-index': {
    request: z.object({ tariffId: z.string() }),
    response: z.object({ tariff: TariffSummarySchema, entries: z.array(TakstIndexEntrySchema), merknader: z.optional(z.array(MerknadIndexEntrySchema)) }),
  },
  'ui:takst': {
    request: z.object({ tariffId: z.string(), code: z.string().check(z.minLength(1), z.maxLength(16)), locale }),
    response: z.object({
      description: z.nullable(TakstDescriptionSchema),
      /** Where the takst's rules come from when not from the row's own source (e.g. a Helfo text). */
      rulesSource: z.nullable(ProvenanceSchema),
      /** The previous tariff year, when loaded: `new` = the takst was not in it. */
      previous: z.nullable(z.object({ tariff: TariffSummarySchema, status: z.enum(['new', 'changed', 'unchanged']), changes: z.array(TakstChangeSchema) })),
    }),
  },
  'ui:page-state': {
    /** Without a tabId the background uses the active tab of the focused window. */
    request: z.object({ tabId: z.optional(z.int()) }),
    response: z.object({ tabId: z.nullable(z.int()), regions: z.array(PageRegionSchema) }),
  },
  'ui:settings-get': { request: z.object({}), response: SettingsStateSchema },
  'ui:settings-save': { request: z.object({ settings: z.unknown() }), response: settingsChange },
  'ui:settings-import': { request: z.object({ text: z.string().check(z.maxLength(1_000_000)) }), response: settingsChange },
  'ui:settings-export': { request: z.object({}), response: z.object({ json: z.string(), fileName: z.string() }) },
  'ui:site-add': {
    /** Sent after permissions.request granted the origin; saves the site and registers the content scripts. */
    request: z.object({ origin: z.string(), adapter: z.optional(z.unknown()) }),
    response: settingsChange,
  },
  'ui:site-remove': { request: z.object({ origin: z.string() }), response: settingsChange },
  // -- issue 12 (first run, profile per site) --
  'ui:site-status': {
    /**
     * The popup's tab: is its origin an EPJ site in settings, has the browser granted it, and which profile
     * (practice type, on-call form; parsed with src/settings/schema SiteProfileSchema) its pages are checked with.
     */
    request: z.object({ url: z.string().check(z.maxLength(4096)) }),
    response: z.object({
      /** The tab's origin; null for pages Takstvakt cannot check (chrome://, file:, the extension's own). */
      origin: z.nullable(z.string()),
      /** The settings' site the tab belongs to (may be a wildcard origin), or null. */
      site: z.nullable(z.string()),
      granted: z.boolean(),
      profile: z.unknown(),
      /** True when the site has its own profile; false = the clinic profile applies. */
      own: z.boolean(),
      /** The profile is set by browser policy. */
      locked: z.boolean(),
      /** "legevakt, tilstedevakt": the profile in words, as the page badge shows it. */
      label: z.string(),
    }),
  },
  'ui:site-pending': {
    /**
     * Sent by the popup in the click, just before it asks the browser for `origin`: the prompt may close the
     * popup, so the grant itself (permissions.onAdded) adds the site. Kept a few minutes in storage.session.
     */
    request: z.object({ origin: z.string().check(z.maxLength(300)) }),
    response: ok,
  },
  'ui:site-profile': {
    /** Sets a site's own profile (SiteProfileSchema), or null to use the clinic profile again. */
    request: z.object({ site: z.string(), profile: z.unknown() }),
    response: settingsChange,
  },
  'ui:probe': {
    /** Reads the most recently used open tab of `origin` through `bg:probe`. */
    request: z.object({ origin: z.string() }),
    response: z.object({ tabId: z.nullable(z.int()), result: z.nullable(ProbeResultSchema), error: z.optional(z.string()) }),
  },
  'ui:tariff-fetch': {
    /** Fetches the official takstkoder for `date` (host permission granted on the click before); stores nothing. */
    request: z.object({ date: isoDay }),
    response: z.object({ text: z.nullable(z.string()), url: z.nullable(z.string()), error: z.optional(z.string()) }),
  },
  'ui:tariff-preview': {
    /** Imports without storing: coverage of and changes against the version in use for its dates. */
    request: z.object({ text: z.string().check(z.maxLength(20_000_000)), mode: importMode, asOf: z.optional(isoDay) }),
    response: z.object({ preview: z.nullable(TariffPreviewSchema), errors: z.array(TariffImportErrorSchema) }),
  },
  'ui:tariff-import': {
    /** `mode` (default merge) and `asOf` as in ui:tariff-preview; importing never changes which version a date uses. */
    request: z.object({ text: z.string().check(z.maxLength(20_000_000)), fileName: z.string(), mode: z.optional(importMode), asOf: z.optional(isoDay) }),
    /** On any error `imported` is null, `errors` lists them and nothing was stored. */
    response: z.object({ imported: z.nullable(TariffSummarySchema), errors: z.array(TariffImportErrorSchema) }),
  },
  'ui:tariff-remove': { request: z.object({ id: z.string() }), response: ok },
  'ui:ignored-list': {
    /** Findings ignored once ("ignorer denne gangen") in open tabs; they live in storage.session only. */
    request: z.object({}),
    response: z.object({ items: z.array(IgnoredItemSchema) }),
  },
  'ui:ignored-restore': {
    /** Takes one back: the finding shows again on that tab's next check, which this asks for at once. */
    request: IgnoredItemSchema,
    response: z.object({ restored: z.boolean() }),
  },
  // -- bg: messages (background -> content script) --
  'bg:rescan': {
    /** Settings changed (muted rules, severities, adapter, locale): re-read config and send every region again. */
    request: z.object({}),
    response: ok,
  },
  'bg:probe': {
    /** "Test on the open tab" (settings page): what the content script reads now, and where. No validation, no markers. */
    request: z.object({}),
    response: ProbeResultSchema,
  },
  'bg:focus-finding': {
    /** Keyboard command (issue 12 §5): focus the next/previous marker or banner of the page, wrapping. */
    request: z.object({ direction: z.enum(['next', 'previous']) }),
    /** Answered only by a frame with findings. */
    response: z.object({ focused: z.boolean() }),
  },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type Request<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['request']>;
export type Response<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['response']>;

/** Wire envelope. */
export const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
export type Envelope = z.output<typeof EnvelopeSchema>;

/** Errors cross the boundary as data, never as a thrown exception in the page (src/core/result.ts). */
export type { Result };

// ---- send / handle --------------------------------------------------------------------------

/** Who sent a message, reduced to what the checks need. */
export interface SenderInfo {
  /** Present for content scripts (and for extension pages opened in a tab). */
  tabId?: number | undefined;
  frameId?: number | undefined;
  /** URL of the sending document. */
  url?: string | undefined;
  /** True when the sender is one of the extension's own pages (popup, options). */
  fromExtensionPage: boolean;
}

export type Handler<T extends MessageType> = (payload: Request<T>, sender: SenderInfo) => Promise<Response<T>> | Response<T>;
export type Handlers = { [T in MessageType]?: Handler<T> };

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);


/** Direction check: `cs:` only from a tab's content script, `ui:` only from the extension's own pages. */
export function senderAllowed(type: string, sender: SenderInfo): boolean {
  if (type.startsWith('cs:')) return sender.tabId !== undefined && !sender.fromExtensionPage;
  if (type.startsWith('ui:')) return sender.fromExtensionPage;
  return false;
}

/**
 * Sends a typed message through `transport` (e.g. `msg => browser.runtime.sendMessage(msg)`), parsing
 * the request before it leaves and the response when it arrives. Never throws.
 */
export async function send<T extends MessageType>(
  transport: (msg: Envelope) => Promise<unknown>,
  type: T,
  payload: Request<T>,
): Promise<Result<Response<T>>> {
  const req = PROTOCOL[type].request.safeParse(payload);
  if (!req.success) return { ok: false, error: `${type} request ${describeZodError(req.error)}` };
  let raw: unknown;
  try {
    raw = await transport({ type, payload: req.data });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const wrapped = ResultSchema.safeParse(raw);
  if (!wrapped.success) return { ok: false, error: `${type}: malformed reply` };
  if (!wrapped.data.ok) return { ok: false, error: wrapped.data.error };
  const res = PROTOCOL[type].response.safeParse(wrapped.data.value);
  if (!res.success) return { ok: false, error: `${type} response ${describeZodError(res.error)}` };
  return { ok: true, value: res.data as Response<T> };
}

/**
 * Receiving side: checks the envelope, the sender's direction and the request schema, runs the
 * handler and parses its response. Always resolves to a Result (errors travel as data).
 */
export async function handle(raw: unknown, sender: SenderInfo, handlers: Handlers): Promise<Result<unknown>> {
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) return { ok: false, error: 'malformed message' };
  const type = env.data.type;
  if (!Object.prototype.hasOwnProperty.call(PROTOCOL, type)) return { ok: false, error: `unknown message type ${type}` };
  const t = type as MessageType;
  if (!senderAllowed(t, sender)) return { ok: false, error: `${t}: sender not allowed` };
  const handler = handlers[t] as Handler<MessageType> | undefined;
  if (!handler) return { ok: false, error: `${t}: no handler` };
  return (await answer(t, env.data.payload, (p) => handler(p as never, sender))) ?? { ok: false, error: `${t}: no answer` };
}

/** How a side words a request or response that does not parse: the background names the field. */
export type DescribeBad = (type: MessageType, part: 'request' | 'response', error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }) => string;
const namesTheField: DescribeBad = (type, part, error) => `${type} ${part} ${describeZodError(error)}`;

/**
 * The receiving half both sides share (handle here, the content script's handleBg): parses the
 * request, runs the handler, parses its response; a thrown error travels as data. A handler that
 * answers undefined (a frame that leaves the answer to another) gives undefined.
 */
export async function answer(
  type: MessageType,
  payload: unknown,
  run: (request: unknown) => unknown,
  describe: DescribeBad = namesTheField,
): Promise<Result<unknown> | undefined> {
  const req = PROTOCOL[type].request.safeParse(payload);
  if (!req.success) return { ok: false, error: describe(type, 'request', req.error) };
  try {
    const value = await run(req.data);
    if (value === undefined) return undefined;
    const res = PROTOCOL[type].response.safeParse(value);
    if (!res.success) return { ok: false, error: describe(type, 'response', res.error) };
    return { ok: true, value: res.data };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
