// In-memory fake of the browser APIs the service worker uses (the BackgroundApi interface), with the
// behaviours the code relies on: storage copies values and fires onChanged, scripting refuses duplicate
// ids like Chrome, permissions fire onAdded/onRemoved, events keep their listeners.
import type { ApiEvent, BackgroundApi, MessageSenderLike, RegisteredScript } from '../../../src/background/api';

export class FakeEvent<F extends (...args: never[]) => unknown> implements ApiEvent<F> {
  readonly listeners: F[] = [];
  addListener(listener: F): void {
    this.listeners.push(listener);
  }
  fire(...args: Parameters<F>): unknown[] {
    return this.listeners.map((l) => l(...args));
  }
}

type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

export class FakeArea {
  readonly data = new Map<string, unknown>();
  writes = 0;
  constructor(
    readonly name: string,
    private readonly onChanged: FakeEvent<ChangeListener>,
  ) {}
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      // Real storage serialises values; a stored object never aliases the caller's.
      const copy = JSON.parse(JSON.stringify(v)) as unknown;
      changes[k] = { oldValue: this.data.get(k), newValue: copy };
      this.data.set(k, copy);
    }
    this.writes++;
    this.onChanged.fire(changes, this.name);
  }
  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(k)) continue;
      changes[k] = { oldValue: this.data.get(k) };
      this.data.delete(k);
    }
    this.writes++;
    if (Object.keys(changes).length) this.onChanged.fire(changes, this.name);
  }
}

export class FakeManaged {
  policy: Record<string, unknown> | null = null;
  async get(): Promise<Record<string, unknown>> {
    if (this.policy === null) throw new Error('Managed storage is not available');
    return structuredClone(this.policy);
  }
}

export interface FakeBrowser extends BackgroundApi {
  fake: {
    sync: FakeArea;
    local: FakeArea;
    session: FakeArea;
    managed: FakeManaged;
    badges: Map<number | 'global', { text?: string; color?: string }>;
    scripts: Map<string, RegisteredScript>;
    granted: Set<string>;
    createdTabs: string[];
    executed: Array<{ tabId: number; files: string[]; frameIds?: number[] }>;
    openTabs: Array<{ id: number; url: string; lastAccessed?: number }>;
    /** What a tab's content script answers to tabs.sendMessage; tabs without an entry have no receiver. */
    tabReplies: Map<number, (message: unknown) => unknown>;
    onMessage: FakeEvent<(m: unknown, s: MessageSenderLike, r: (x: unknown) => void) => boolean | undefined>;
    onInstalled: FakeEvent<(d: { reason: string }) => void>;
    onAdded: FakeEvent<(p: { origins?: string[] }) => void>;
    onRemoved: FakeEvent<(p: { origins?: string[] }) => void>;
    tabRemoved: FakeEvent<(tabId: number) => void>;
    tabUpdated: FakeEvent<(tabId: number, info: { status?: string }) => void>;
    storageChanged: FakeEvent<ChangeListener>;
    grant(origins: string[]): void;
    revoke(origins: string[]): void;
    /** Sends a message the way runtime.sendMessage does and resolves with the reply. */
    send(message: unknown, sender: MessageSenderLike): Promise<unknown>;
  };
}

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

/** A fresh browser profile. Pass `from` to keep another fake's storage, registrations and grants (a restarted worker). */
export function fakeBrowser(opts: { from?: FakeBrowser; staticMatches?: string[] } = {}): FakeBrowser {
  const storageChanged = new FakeEvent<ChangeListener>();
  const prev = opts.from?.fake;
  const area = (name: 'sync' | 'local' | 'session') => {
    const a = new FakeArea(name, storageChanged);
    if (prev) for (const [k, v] of prev[name].data) a.data.set(k, v);
    return a;
  };
  const sync = area('sync');
  const local = area('local');
  const session = area('session');
  const managed = prev?.managed ?? new FakeManaged();
  const badges = prev?.badges ?? new Map<number | 'global', { text?: string; color?: string }>();
  const scripts = prev?.scripts ?? new Map<string, RegisteredScript>();
  const granted = prev?.granted ?? new Set<string>();
  const createdTabs: string[] = [];
  const executed: Array<{ tabId: number; files: string[] }> = [];
  const openTabs: Array<{ id: number; url: string; lastAccessed?: number }> = prev?.openTabs ?? [];
  const tabReplies = prev?.tabReplies ?? new Map<number, (message: unknown) => unknown>();
  const onMessage = new FakeEvent<(m: unknown, s: MessageSenderLike, r: (x: unknown) => void) => boolean | undefined>();
  const onInstalled = new FakeEvent<(d: { reason: string }) => void>();
  const onAdded = new FakeEvent<(p: { origins?: string[] }) => void>();
  const onRemoved = new FakeEvent<(p: { origins?: string[] }) => void>();
  const tabRemoved = new FakeEvent<(tabId: number) => void>();
  const tabUpdated = new FakeEvent<(tabId: number, info: { status?: string }) => void>();
  const badge = (tabId: number | undefined) => {
    const k = tabId ?? 'global';
    if (!badges.has(k)) badges.set(k, {});
    return badges.get(k)!;
  };
  const patternMatches = (pattern: string, url: string) => {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\/\.\*$/, '(:\\d+)?/.*')}$`);
    return re.test(url);
  };
  const browser: FakeBrowser = {
    runtime: {
      id: ID,
      getURL: (path: string) => ORIGIN + path.replace(/^\//, ''),
      getManifest: () => ({ content_scripts: opts.staticMatches ? [{ matches: opts.staticMatches }] : [] }),
      onMessage,
      onInstalled,
    },
    storage: { onChanged: storageChanged, sync, local, session, managed },
    action: {
      async setBadgeText({ tabId, text }) {
        badge(tabId).text = text;
      },
      async setBadgeBackgroundColor({ tabId, color }) {
        badge(tabId).color = color;
      },
    },
    permissions: {
      onAdded,
      onRemoved,
      async getAll() {
        return { origins: [...granted, ...(opts.staticMatches ?? [])], permissions: ['storage', 'scripting'] };
      },
    },
    scripting: {
      async getRegisteredContentScripts(filter) {
        return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s));
      },
      async registerContentScripts(list) {
        for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of list) scripts.set(s.id, structuredClone(s));
      },
      async unregisterContentScripts(filter) {
        const ids = filter?.ids ?? [...scripts.keys()];
        for (const id of ids) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of ids) scripts.delete(id);
      },
      async executeScript({ target, files }) {
        executed.push({ tabId: target.tabId, files, ...(target.frameIds ? { frameIds: target.frameIds } : {}) });
        return [];
      },
    },
    tabs: {
      onRemoved: tabRemoved,
      onUpdated: tabUpdated,
      async query({ url }) {
        return openTabs.filter((t) => !url || url.some((p) => patternMatches(p, t.url)));
      },
      async create({ url }) {
        createdTabs.push(url);
        return { id: 999, url };
      },
      async sendMessage(tabId, message) {
        const reply = tabReplies.get(tabId);
        if (!reply) throw new Error('Could not establish connection. Receiving end does not exist.');
        return reply(message);
      },
    },
    fake: {
      sync,
      local,
      session,
      managed,
      badges,
      scripts,
      granted,
      createdTabs,
      executed,
      openTabs,
      tabReplies,
      onMessage,
      onInstalled,
      onAdded,
      onRemoved,
      tabRemoved,
      tabUpdated,
      storageChanged,
      grant(origins) {
        for (const o of origins) granted.add(o);
        onAdded.fire({ origins });
      },
      revoke(origins) {
        for (const o of origins) granted.delete(o);
        onRemoved.fire({ origins });
      },
      send(message, sender) {
        return new Promise((resolve) => {
          const replies = onMessage.fire(message, sender, resolve);
          if (!replies.includes(true)) resolve(undefined);
        });
      },
    },
  };
  return browser;
}

export const EXTENSION_ORIGIN = ORIGIN;
export const EXTENSION_ID = ID;

/** A content script in tab `tabId` on an EPJ page. */
export function tabSender(tabId: number, url = 'http://127.0.0.1:8080/epj/regning.html', frameId = 0): MessageSenderLike {
  return { id: ID, tab: { id: tabId }, frameId, url };
}

/** The popup or options page. */
export function pageSender(path = 'popup/popup.html'): MessageSenderLike {
  return { id: ID, url: ORIGIN + path };
}

/** Lets queued promise callbacks (listeners that do not return their work) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}
