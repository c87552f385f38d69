// Content scripts for the clinic's EPJ origins, registered at runtime for exactly the host permissions
// the clinic granted (no <all_urls> at install). Kept in step on startup, on permission changes and
// when the sites in settings change.
import type { Settings } from '../settings/schema';
import { isGeckoUrl, sitePattern, withoutPort } from '../settings/site-pattern';
import type { BackgroundApi, RegisteredScript } from './api';
import { originMatches } from './handlers/cs-get-config';
import { clearTab, withTabLock } from './tab-state';

const ID_PREFIX = 'epj:';
/** Registered in every frame of a granted origin: the small boot script (content-scripts/boot.ts). */
const CONTENT_FILE = 'content.js';
/** The full content script, injected only into frames that show a takst field (content-scripts/main.ts). */
export const CONTENT_MAIN_FILE = 'content-main.js';

/** Injects the full content script into one frame; a copy already there hands over to the new one. */
export async function injectMain(api: BackgroundApi, tabId: number, frameIds?: number[]): Promise<void> {
  await api.scripting.executeScript({ target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true }, files: [CONTENT_MAIN_FILE] });
}

/** `https://epj.example.no` -> `https://epj.example.no/*` (the form permissions.getAll reports). */
export function originPattern(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/*`;
}

/** Patterns that would inject into every site are never registered, even if granted. */
function isSpecificHost(pattern: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)\//.exec(pattern);
  return !!m && m[2] !== '*' && !m[2]!.startsWith('*:');
}

function staticMatches(api: BackgroundApi): Set<string> {
  return new Set((api.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []));
}

const gecko = (api: BackgroundApi): boolean => isGeckoUrl(api.runtime.getURL(''));

/** Does a match pattern cover this page URL? `http://127.0.0.1/*` covers every port, as in both browsers. */
export function patternCovers(pattern: string, url: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  return (m[1] === '*' ? ['http', 'https'] : [m[1]!]).some((scheme) => originMatches(`${scheme}://${m[2]}`, url));
}

/**
 * Should the frame at `url` be checked? A registered pattern may be wider than the clinic's site (in
 * Firefox it names the host on every port), so on a host that has sites only their enabled origins are
 * checked. Static (demo) matches, and granted hosts without any site, are checked as before.
 */
export function frameWanted(api: BackgroundApi, settings: Settings, url: string | undefined): boolean {
  if (!url) return false;
  if ([...staticMatches(api)].some((p) => patternCovers(p, url))) return true;
  const onHost = settings.sites.filter((s) => originMatches(withoutPort(s.origin), url));
  return onHost.length === 0 || onHost.some((s) => s.enabled && originMatches(s.origin, url));
}

/** Granted EPJ patterns that need a registered script: not static, not only disabled sites in settings. */
export async function wantedPatterns(api: BackgroundApi, settings: Settings): Promise<string[]> {
  const granted = (await api.permissions.getAll()).origins ?? [];
  const fixed = staticMatches(api);
  const patternOf = (s: Settings['sites'][number]) => sitePattern(s.origin, gecko(api));
  const enabled = new Set(settings.sites.filter((s) => s.enabled).map(patternOf));
  const disabled = new Set(settings.sites.filter((s) => !s.enabled).map(patternOf).filter((p) => !enabled.has(p)));
  return [...new Set(granted)].filter((p) => isSpecificHost(p) && !fixed.has(p) && !disabled.has(p)).sort();
}

function scriptFor(pattern: string): RegisteredScript {
  return { id: ID_PREFIX + pattern, matches: [pattern], js: [CONTENT_FILE], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true };
}

// Overlapping syncs would both try to register the same id; run them one after the other.
let queue: Promise<unknown> = Promise.resolve();

export interface SyncResult {
  registered: string[];
  unregistered: string[];
}

export function syncContentScripts(api: BackgroundApi, settings: Settings): Promise<SyncResult> {
  const run = async (): Promise<SyncResult> => {
    const wanted = new Set(await wantedPatterns(api, settings));
    const ours = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
    const have = new Set(ours.map((s) => s.id.slice(ID_PREFIX.length)));
    const unregistered = [...have].filter((p) => !wanted.has(p));
    const registered = [...wanted].filter((p) => !have.has(p));
    if (unregistered.length) await api.scripting.unregisterContentScripts({ ids: unregistered.map((p) => ID_PREFIX + p) });
    if (registered.length) await api.scripting.registerContentScripts(registered.map(scriptFor));
    return { registered, unregistered };
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Neither browser injects a runtime-registered script into tabs that are already open (Chrome not into
 * tabs open before an update either), so such a page would stay unchecked until reloaded. Injects the
 * boot script into the open tabs of `patterns` that Takstvakt should check. With `replace` (after an
 * update) the copy takes over from the older one in the page (content-scripts/main.ts), and the tab's
 * stored regions, written by the old copy, are dropped first; a boot script already running in this
 * extension's world ignores a second copy (content-scripts/boot.ts). Tabs are filtered here, not by
 * tabs.query({ url }): that finds nothing in Firefox for a pattern with a port.
 */
export async function injectIntoOpenTabs(api: BackgroundApi, patterns: readonly string[], settings: Settings, { replace = false } = {}): Promise<number> {
  if (!patterns.length) return 0;
  const tabs = (await api.tabs.query({})).filter((t) => patterns.some((p) => t.url !== undefined && patternCovers(p, t.url)) && frameWanted(api, settings, t.url));
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const tabId = tab.id;
      if (replace) await withTabLock(tabId, () => clearTab(api.storage.session, tabId));
      await api.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_FILE] });
      injected++;
    } catch {
      // A tab that navigated away or shows an error page: nothing to check there.
    }
  }
  return injected;
}

/** Every pattern the content script runs on: the manifest's static matches and the registered origins. */
export async function allContentPatterns(api: BackgroundApi, settings: Settings): Promise<string[]> {
  return [...staticMatches(api), ...(await wantedPatterns(api, settings))];
}
