// Content scripts for the clinic's EPJ origins, registered at runtime for exactly the host permissions
// the clinic granted (no <all_urls> at install). Kept in step on startup, on permission changes and
// when the sites in settings change.
import type { Settings } from '../settings/schema';
import type { BackgroundApi, RegisteredScript } from './api';
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

/** Granted EPJ patterns that need a registered script: not static, not disabled in settings. */
export async function wantedPatterns(api: BackgroundApi, settings: Settings): Promise<string[]> {
  const granted = (await api.permissions.getAll()).origins ?? [];
  const fixed = staticMatches(api);
  const disabled = new Set(settings.sites.filter((s) => !s.enabled).map((s) => originPattern(s.origin)));
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
 * Chrome does not inject content scripts into tabs that were open before an update, or into tabs of
 * an origin granted just now, so such a page would stay unchecked until reloaded. Firefox injects
 * them itself. The injected copy takes over from any older one in the page (content-scripts/main.ts),
 * and the tab's stored regions, written by the old copy, are dropped first.
 */
export async function injectIntoOpenTabs(api: BackgroundApi, patterns: readonly string[]): Promise<number> {
  if (!api.runtime.getURL('').startsWith('chrome-extension:') || !patterns.length) return 0;
  const tabs = await api.tabs.query({ url: [...patterns] });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const tabId = tab.id;
      await withTabLock(tabId, () => clearTab(api.storage.session, tabId));
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
