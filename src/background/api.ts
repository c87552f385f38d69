// The browser APIs the service worker uses, as one small interface: main.ts passes the real
// `chrome`/`browser` object, unit tests pass an in-memory fake with the same behaviour.
import type { ReadonlyAreaLike, StorageAreaLike } from '../settings/area';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

export interface ApiEvent<F> {
  addListener(listener: F): void;
}

/** runtime.MessageSender, reduced to what the router reads. */
export interface MessageSenderLike {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
  id?: string;
}

export interface BackgroundApi {
  runtime: {
    id: string;
    onMessage: ApiEvent<(message: unknown, sender: MessageSenderLike, sendResponse: (response: unknown) => void) => boolean | undefined>;
    onInstalled: ApiEvent<(details: { reason: string }) => void>;
    getURL(path: string): string;
    getManifest(): { content_scripts?: Array<{ matches?: string[] }> };
  };
  storage: {
    onChanged: ApiEvent<(changes: Record<string, unknown>, areaName: string) => void>;
    sync: StorageAreaLike;
    local: StorageAreaLike;
    /** Per-tab state; default access level (extension contexts only): content scripts cannot read it. */
    session: StorageAreaLike;
    managed: ReadonlyAreaLike;
  };
  action: {
    setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  };
  permissions: {
    onAdded: ApiEvent<(permissions: { origins?: string[] }) => void>;
    onRemoved: ApiEvent<(permissions: { origins?: string[] }) => void>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
    executeScript(injection: { target: { tabId: number; allFrames?: boolean; frameIds?: number[] }; files: string[] }): Promise<unknown>;
  };
  /** The weekly tariff check; optional so fakes without it still type-check. */
  alarms?: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
    get(name: string): Promise<{ name: string } | undefined>;
    clear(name: string): Promise<boolean>;
    onAlarm: ApiEvent<(alarm: { name: string }) => void>;
  };
  /** Keyboard commands of the manifest (`commands`); optional so fakes without it still type-check. */
  commands?: {
    onCommand: ApiEvent<(command: string, tab?: { id?: number }) => void>;
  };
  tabs: {
    onRemoved: ApiEvent<(tabId: number) => void>;
    onUpdated: ApiEvent<(tabId: number, changeInfo: { status?: string }) => void>;
    query(query: { url?: string[]; active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number; url?: string; lastAccessed?: number }>>;
    create(props: { url: string }): Promise<unknown>;
    /** bg: messages to a tab's content scripts (all frames, or one with `frameId`). */
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
}

/** `browser` in Firefox, `chrome` in Chrome: both return promises in MV3. */
export function realApi(): BackgroundApi {
  const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
  return (g.browser ?? g.chrome) as BackgroundApi;
}
