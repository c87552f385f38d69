// Per-tab state in storage.session (survives the worker being stopped, gone when the browser closes):
// findings and adapter state per billing region, and the findings ignored once. Never local/sync.
//
// One record per tab (`tab:<id>`), capped at TAB_CAP bytes of JSON, so one page with thousands of
// codes cannot fill the 10 MiB session quota that every other tab needs. Reading a tab reads its one
// key (never all of storage.session); the worker keeps the records it read or wrote as a cache, which
// is safe because only this worker writes them. A write that fails (quota) keeps the record in memory
// and marks the tab full; whoever asked still gets the answer.
import type { z } from 'zod/mini';
import type { AdapterStateSchema, FindingSchema } from '../messages';
import type { StorageAreaLike } from '../settings/area';

export type StoredFinding = z.output<typeof FindingSchema>;
export type AdapterState = z.output<typeof AdapterStateSchema>;

export interface RegionRecord {
  findings: StoredFinding[];
  adapter?: AdapterState | undefined;
}

/** Everything stored for one tab. Keys of `regions`/`ignored` are `<frameId>|<regionId>`. */
export interface TabRecord {
  regions: Record<string, RegionRecord>;
  ignored: Record<string, string[]>;
  /** Over its cap: findings were cut to fit (the page's own markers are whole; the popup shows less). */
  full?: boolean;
}

/** Size cap of one tab's record (JSON characters). 40 full tabs still fit in the 10 MiB quota. */
export const TAB_CAP = 256 * 1024;
/** Ids of the tabs that have a record: lists across tabs read this, never all of storage.session. */
const INDEX_KEY = 'tabs';

const tabKey = (tabId: number) => `tab:${tabId}`;
const slot = (frameId: number, regionId: string) => `${frameId}|${regionId}`;
const empty = (): TabRecord => ({ regions: {}, ignored: {} });

interface Cache {
  records: Map<number, TabRecord>;
  /** Tabs known to be in the index (so a write adds a tab to it once per worker life). */
  indexed: Set<number>;
}
const caches = new WeakMap<StorageAreaLike, Cache>();
function cacheOf(session: StorageAreaLike): Cache {
  let c = caches.get(session);
  if (!c) caches.set(session, (c = { records: new Map(), indexed: new Set() }));
  return c;
}

/** Identity of a finding for "ignore this once": rule plus the codes it names. */
export function ignoreKey(rule: string, codes: readonly string[]): string {
  return `${rule}|${codes.map((c) => c.toLowerCase()).join(',')}`;
}

export function dropIgnored<F extends { rule: string; codes: string[] }>(findings: readonly F[], ignored: ReadonlySet<string>): F[] {
  return findings.filter((f) => !ignored.has(ignoreKey(f.rule, f.codes)));
}

// Read-modify-write of one tab's record must not interleave (several frames report at once). The queue
// is only a cache: if the worker stops, pending work is gone with it and nothing half-written remains.
const queues = new Map<number, Promise<unknown>>();
export function withTabLock<T>(tabId: number, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(tabId) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

/** One tab's record: from the worker's cache, else its one storage key. */
export async function readTabRecord(session: StorageAreaLike, tabId: number): Promise<TabRecord> {
  const { records } = cacheOf(session);
  const hit = records.get(tabId);
  if (hit) return hit;
  const key = tabKey(tabId);
  let got: TabRecord | undefined;
  try {
    got = (await session.get(key))[key] as TabRecord | undefined;
  } catch {
    // Unreadable storage is an empty tab, never a lost reply.
  }
  const record = got && typeof got === 'object' ? { regions: got.regions ?? {}, ignored: got.ignored ?? {}, ...(got.full ? { full: true } : {}) } : empty();
  records.set(tabId, record);
  return record;
}

/** The record cut to the cap: each region keeps its adapter state and as many findings as fit. */
function fitted(record: TabRecord): TabRecord {
  let keep = Math.max(...Object.values(record.regions).map((r) => r.findings.length), 0);
  for (;;) {
    keep = Math.floor(keep / 2);
    const regions = Object.fromEntries(Object.entries(record.regions).map(([k, r]) => [k, { ...r, findings: r.findings.slice(0, keep) }]));
    const cut: TabRecord = { regions, ignored: record.ignored, full: true };
    if (keep === 0 || JSON.stringify(cut).length <= TAB_CAP) return cut;
  }
}

/**
 * Stores a tab's record (cut to the cap when over it). Never throws: on a failed write the record stays
 * in the worker's memory, the tab is marked full, and the caller's reply goes out as usual.
 * Returns whether the tab is full.
 */
export async function writeTabRecord(session: StorageAreaLike, tabId: number, record: TabRecord): Promise<boolean> {
  const cache = cacheOf(session);
  const stored = JSON.stringify(record).length > TAB_CAP ? fitted(record) : { regions: record.regions, ignored: record.ignored };
  cache.records.set(tabId, stored);
  try {
    await session.set({ [tabKey(tabId)]: stored });
  } catch {
    // The quota is shared with every other tab: mark this one full and keep only its adapter states
    // (tiny); if even that does not fit, the record lives in the worker's memory only.
    stored.full = true;
    const states = Object.fromEntries(Object.entries(stored.regions).map(([k, r]) => [k, { findings: [], adapter: r.adapter }]));
    await session.set({ [tabKey(tabId)]: { regions: states, ignored: {}, full: true } }).catch(() => undefined);
  }
  if (!cache.indexed.has(tabId)) {
    cache.indexed.add(tabId);
    await addToIndex(session, tabId).catch(() => undefined);
  }
  return stored.full === true;
}

async function readIndex(session: StorageAreaLike): Promise<number[]> {
  const ids = (await session.get(INDEX_KEY))[INDEX_KEY];
  return Array.isArray(ids) ? ids.filter((i): i is number => typeof i === 'number') : [];
}

/** Changes of the index (shared by all tabs) run one after another. */
let indexQueue: Promise<unknown> = Promise.resolve();
function changeIndex(session: StorageAreaLike, change: (ids: number[]) => number[]): Promise<void> {
  const run = async (): Promise<void> => {
    const ids = await readIndex(session);
    const next = change(ids);
    if (next.length === ids.length && next.every((id, i) => id === ids[i])) return;
    if (next.length) await session.set({ [INDEX_KEY]: next });
    else await session.remove(INDEX_KEY);
  };
  const p = indexQueue.then(run, run);
  indexQueue = p.catch(() => undefined);
  return p;
}

function addToIndex(session: StorageAreaLike, tabId: number): Promise<void> {
  return changeIndex(session, (ids) => (ids.includes(tabId) ? ids : [...ids, tabId]));
}

export async function readRegion(session: StorageAreaLike, tabId: number, frameId: number, regionId: string): Promise<RegionRecord> {
  return (await readTabRecord(session, tabId)).regions[slot(frameId, regionId)] ?? { findings: [] };
}

export async function writeRegion(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, record: RegionRecord): Promise<boolean> {
  const tab = await readTabRecord(session, tabId);
  return writeTabRecord(session, tabId, { ...tab, regions: { ...tab.regions, [slot(frameId, regionId)]: record } });
}

/** A region's record and its ignored-once keys (one read: both are needed on every edit). */
export async function readRegionAndIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string): Promise<{ region: RegionRecord; ignored: Set<string>; full: boolean }> {
  const tab = await readTabRecord(session, tabId);
  const k = slot(frameId, regionId);
  return { region: tab.regions[k] ?? { findings: [] }, ignored: new Set(tab.ignored[k] ?? []), full: tab.full === true };
}

/** Same findings (rule, severity, codes, text) in the same order: nothing to store or redraw. */
export function sameFindings(a: readonly StoredFinding[], b: readonly StoredFinding[]): boolean {
  return a.length === b.length && a.every((f, i) => {
    const g = b[i] as StoredFinding;
    return f.rule === g.rule && f.severity === g.severity && f.message === g.message && f.codes.join(',') === g.codes.join(',');
  });
}

export async function readIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string): Promise<Set<string>> {
  return new Set((await readTabRecord(session, tabId)).ignored[slot(frameId, regionId)] ?? []);
}

async function changeIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, change: (set: Set<string>) => boolean): Promise<boolean> {
  const tab = await readTabRecord(session, tabId);
  const k = slot(frameId, regionId);
  const set = new Set(tab.ignored[k] ?? []);
  if (!change(set)) return false;
  await writeTabRecord(session, tabId, { ...tab, ignored: { ...tab.ignored, [k]: [...set] } });
  return true;
}

export async function addIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, key: string): Promise<void> {
  await changeIgnored(session, tabId, frameId, regionId, (set) => Boolean(set.add(key)));
}

export async function removeIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, key: string): Promise<boolean> {
  return changeIgnored(session, tabId, frameId, regionId, (set) => set.delete(key));
}

export interface IgnoredEntry {
  tabId: number;
  frameId: number;
  regionId: string;
  rule: string;
  codes: string[];
}

/** Every finding ignored once, in every open tab (the settings page lists them with a way back). */
export async function listIgnored(session: StorageAreaLike): Promise<IgnoredEntry[]> {
  const out: IgnoredEntry[] = [];
  for (const tabId of await readIndex(session)) {
    for (const [k, items] of Object.entries((await readTabRecord(session, tabId)).ignored)) {
      const bar = k.indexOf('|');
      for (const item of items) {
        const sep = item.indexOf('|');
        out.push({ tabId, frameId: Number(k.slice(0, bar)), regionId: k.slice(bar + 1), rule: item.slice(0, sep), codes: item.slice(sep + 1).split(',').filter(Boolean) });
      }
    }
  }
  return out.sort((a, b) => a.tabId - b.tabId || a.rule.localeCompare(b.rule));
}

/** Everything known about a tab: its regions' findings and adapter states (for the badge and the popup). */
export async function readTab(session: StorageAreaLike, tabId: number): Promise<RegionRecord[]> {
  const { regions } = await readTabRecord(session, tabId);
  return Object.keys(regions)
    .sort()
    .map((k) => regions[k] as RegionRecord);
}

/** Drops a tab's state (tab closed, or a new document loaded in it). */
export async function clearTab(session: StorageAreaLike, tabId: number): Promise<void> {
  const cache = cacheOf(session);
  cache.records.delete(tabId);
  cache.indexed.delete(tabId);
  // Most tabs (any site, any navigation) never had a record: the index is small, removing no key is cheap.
  await changeIndex(session, (ids) => ids.filter((i) => i !== tabId));
  await session.remove(tabKey(tabId));
}
