// Per-tab state in storage.session (survives the worker being stopped, gone when the browser closes):
// findings and adapter state per billing region, and the findings ignored once. Never local/sync.
import type { z } from 'zod/mini';
import type { AdapterStateSchema, FindingSchema } from '../messages';
import type { StorageAreaLike } from '../settings/area';

export type StoredFinding = z.output<typeof FindingSchema>;
export type AdapterState = z.output<typeof AdapterStateSchema>;

export interface RegionRecord {
  findings: StoredFinding[];
  adapter?: AdapterState | undefined;
}

const tabPrefix = (tabId: number) => `tab:${tabId}:`;
/** A region is identified by the frame it lives in plus the content script's own region id. */
const regionKey = (tabId: number, frameId: number, regionId: string) => `${tabPrefix(tabId)}r:${frameId}|${regionId}`;
const ignoredKey = (tabId: number, frameId: number, regionId: string) => `${tabPrefix(tabId)}i:${frameId}|${regionId}`;

/** Identity of a finding for "ignore this once": rule plus the codes it names. */
export function ignoreKey(rule: string, codes: readonly string[]): string {
  return `${rule}|${codes.map((c) => c.toLowerCase()).join(',')}`;
}

export function dropIgnored<F extends { rule: string; codes: string[] }>(findings: readonly F[], ignored: ReadonlySet<string>): F[] {
  return findings.filter((f) => !ignored.has(ignoreKey(f.rule, f.codes)));
}

// Read-modify-write of one tab's keys must not interleave (several frames report at once). The queue is
// only a cache: if the worker stops, pending work is gone with it and nothing half-written remains.
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

export async function readRegion(session: StorageAreaLike, tabId: number, frameId: number, regionId: string): Promise<RegionRecord> {
  const key = regionKey(tabId, frameId, regionId);
  const got = await session.get(key);
  return (got[key] as RegionRecord | undefined) ?? { findings: [] };
}

export async function writeRegion(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, record: RegionRecord): Promise<void> {
  await session.set({ [regionKey(tabId, frameId, regionId)]: record });
}

/** A region's record and its ignored-once keys, in one storage read (both are needed on every edit). */
export async function readRegionAndIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string): Promise<{ region: RegionRecord; ignored: Set<string> }> {
  const rk = regionKey(tabId, frameId, regionId);
  const ik = ignoredKey(tabId, frameId, regionId);
  const got = await session.get([rk, ik]);
  return { region: (got[rk] as RegionRecord | undefined) ?? { findings: [] }, ignored: new Set((got[ik] as string[] | undefined) ?? []) };
}

/** Same findings (rule, severity, codes, text) in the same order: nothing to store or redraw. */
export function sameFindings(a: readonly StoredFinding[], b: readonly StoredFinding[]): boolean {
  return a.length === b.length && a.every((f, i) => {
    const g = b[i] as StoredFinding;
    return f.rule === g.rule && f.severity === g.severity && f.message === g.message && f.codes.join(',') === g.codes.join(',');
  });
}

export async function readIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string): Promise<Set<string>> {
  const key = ignoredKey(tabId, frameId, regionId);
  const got = await session.get(key);
  return new Set((got[key] as string[] | undefined) ?? []);
}

export async function addIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, key: string): Promise<void> {
  const set = await readIgnored(session, tabId, frameId, regionId);
  set.add(key);
  await session.set({ [ignoredKey(tabId, frameId, regionId)]: [...set] });
}

export async function removeIgnored(session: StorageAreaLike, tabId: number, frameId: number, regionId: string, key: string): Promise<boolean> {
  const set = await readIgnored(session, tabId, frameId, regionId);
  if (!set.delete(key)) return false;
  await session.set({ [ignoredKey(tabId, frameId, regionId)]: [...set] });
  return true;
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
  for (const [key, value] of Object.entries(await session.get(null))) {
    const m = /^tab:(\d+):i:(\d+)\|(.*)$/.exec(key);
    if (!m || !Array.isArray(value)) continue;
    for (const item of value as string[]) {
      const bar = item.indexOf('|');
      out.push({ tabId: Number(m[1]), frameId: Number(m[2]), regionId: m[3] as string, rule: item.slice(0, bar), codes: item.slice(bar + 1).split(',').filter(Boolean) });
    }
  }
  return out.sort((a, b) => a.tabId - b.tabId || a.rule.localeCompare(b.rule));
}

async function tabKeys(session: StorageAreaLike, tabId: number): Promise<Record<string, unknown>> {
  const all = await session.get(null);
  const prefix = tabPrefix(tabId);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(prefix)));
}

/** Everything known about a tab: its regions' findings and adapter states (for the badge and the popup). */
export async function readTab(session: StorageAreaLike, tabId: number): Promise<RegionRecord[]> {
  const entries = await tabKeys(session, tabId);
  const prefix = `${tabPrefix(tabId)}r:`;
  return Object.entries(entries)
    .filter(([k]) => k.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v as RegionRecord);
}

/** Drops a tab's state (tab closed, or a new document loaded in it). */
export async function clearTab(session: StorageAreaLike, tabId: number): Promise<void> {
  const keys = Object.keys(await tabKeys(session, tabId));
  if (keys.length) await session.remove(keys);
}

/** Rewrites every region of a tab through `change` (e.g. dropping a rule just muted). */
export async function updateTabRegions(session: StorageAreaLike, tabId: number, change: (r: RegionRecord) => RegionRecord): Promise<void> {
  const entries = await tabKeys(session, tabId);
  const prefix = `${tabPrefix(tabId)}r:`;
  const changed: Record<string, RegionRecord> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (!key.startsWith(prefix)) continue;
    const next = change(value as RegionRecord);
    if (next !== value) changed[key] = next;
  }
  if (Object.keys(changed).length) await session.set(changed);
}
