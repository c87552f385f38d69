// Shared by the popup and options DOM tests: the real ui: handlers over the in-memory browser, a
// client that goes through the protocol's send/handle (so schemas are checked both ways), and small
// DOM helpers (wait, type, press).
import { deserialize, serialize } from 'node:v8';
import { act } from 'preact/test-utils';
import { createHandlers } from '../../src/background/handlers/index';
import type { BackgroundContext } from '../../src/background/context';
import { invalidateSettings } from '../../src/background/settings-cache';
import { invalidateTariffs } from '../../src/background/tariffs';
import { handle, send } from '../../src/messages';
import type { Client } from '../../src/ui/client';
import { EXTENSION_ORIGIN, fakeBrowser, type FakeBrowser } from '../unit/background/fake-browser';

// jsdom does not expose structuredClone; settings code (and the browser) rely on it. v8's serializer
// is the same structured-clone algorithm.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

export interface UiWorld {
  browser: FakeBrowser;
  ctx: BackgroundContext;
  client: Client;
  /** Message types sent, in order. */
  sent: string[];
}

export function uiWorld(page = 'popup/popup.html'): UiWorld {
  invalidateSettings();
  invalidateTariffs();
  const browser = fakeBrowser();
  const ctx: BackgroundContext = { api: browser, now: () => new Date('2024-03-12T09:00:00Z') };
  const handlers = createHandlers(ctx);
  const sent: string[] = [];
  const sender = { fromExtensionPage: true, url: EXTENSION_ORIGIN + page };
  const client: Client = {
    call: (type, payload) => {
      sent.push(type);
      return send((msg) => handle(msg, sender, handlers), type, payload);
    },
  };
  return { browser, ctx, client, sent };
}

/** Polls until `check` passes (async UI settles through several promise hops). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) throw last;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function press(el: Element, key: string): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

export function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element whose text includes `needle`, among `selector` matches. */
export function byText(root: ParentNode, selector: string, needle: string | RegExp): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>(selector)].find((e) => (typeof needle === 'string' ? text(e).includes(needle) : needle.test(text(e))));
  if (!found) throw new Error(`no ${selector} with text ${String(needle)}`);
  return found;
}
