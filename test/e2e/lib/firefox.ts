// Firefox ESR with the extension: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no
// geckodriver), the build installed as a temporary add-on, and the driver (lib/driver.ts) over
// Puppeteer's Page and Frame, so the shared scenarios run here as they do in Chromium.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import type { Doc, Driver, Tab } from './driver';
import { serveFixtures, type FixtureServer } from './server';

export const FIREFOX_ADDON_ID = 'takstvakt@takstvakt.no';
/** Fixed moz-extension:// UUID (pref extensions.webextensions.uuids), so extension page URLs are known. */
export const FIREFOX_UUID = '5e0c8f3a-1b2d-4c6e-9f70-8a1b2c3d4e5f';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

export interface FirefoxOptions {
  /** Unpacked extension folder; default $TAKSTVAKT_FIREFOX_EXTENSION or dist/firefox. */
  extensionPath?: string;
  headless?: boolean;
  /** Extra Firefox prefs (e.g. extensions.background.idle.timeout). */
  prefs?: Record<string, unknown>;
}

export interface LaunchedFirefox {
  browser: Browser;
  driver: Driver;
  /** e.g. `firefox/153.8.0`. */
  version: string;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<LaunchedFirefox> {
  const extensionPath = resolve(opts.extensionPath ?? process.env.TAKSTVAKT_FIREFOX_EXTENSION ?? 'dist/firefox');
  if (!existsSync(join(extensionPath, 'manifest.json'))) throw new Error(`no manifest.json in ${extensionPath}: run \`node scripts/build.mjs\` first`);
  if (!existsSync(firefoxPath())) throw new Error(`${firefoxPath()} is missing: run \`npm run setup\` (installs Debian's firefox-esr)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: opts.headless ?? process.env.HEADED !== '1',
    // Needed to open moz-extension:// pages over BiDi.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    // A Norwegian doctor's browser: wall clock in Oslo, Norwegian first in the page languages.
    env: { ...process.env, TZ: 'Europe/Oslo' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      // A permission request from a real click resolves without the doorhanger (nobody to click it).
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.accept_languages': 'nb-NO, nb, no, en',
      ...opts.prefs,
    },
    protocolTimeout: 60_000,
    // A loaded CI machine can take well over the default 30 s to start Firefox.
    timeout: 90_000,
  });
  try {
    await browser.installExtension(extensionPath);
    const version = await browser.version();
    return { browser, driver: firefoxDriver(browser), version, close: () => browser.close().catch(() => undefined) };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

async function pressKeys(page: Page, key: string): Promise<void> {
  const parts = key.split('+') as Parameters<Page['keyboard']['press']>[0][];
  const last = parts.pop()!;
  for (const m of parts) await page.keyboard.down(m);
  await page.keyboard.press(last);
  for (const m of parts.reverse()) await page.keyboard.up(m);
}

function firefoxDoc(page: Page, frame: Frame): Doc {
  /** The first element matching `sel` in the document or any open shadow root, or null. */
  const query = async (sel: string): Promise<ElementHandle<Element> | null> => {
    const handle = await frame.evaluateHandle((s: string) => {
      // Inline, not a helper: page functions travel as source (and a strict-CSP page forbids eval).
      const roots: Array<Document | ShadowRoot> = [document];
      for (let i = 0; i < roots.length; i++) {
        const hit = roots[i]!.querySelector(s);
        if (hit) return hit;
        for (const el of Array.from(roots[i]!.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      return null;
    }, sel);
    const el = handle.asElement() as ElementHandle<Element> | null;
    if (!el) await handle.dispose();
    return el;
  };
  const find = async (sel: string, timeout = 20_000): Promise<ElementHandle<Element>> => {
    const until = Date.now() + timeout;
    for (;;) {
      const el = await query(sel);
      if (el) return el;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${sel}`);
      await sleep(50);
    }
  };
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => frame.evaluate(fn as never, arg) as Promise<R>,
    waitFor: async (sel, timeout) => {
      await (await find(sel, timeout)).dispose();
    },
    // Polled with evaluate: Puppeteer's waitForFunction builds its poller with Function(), which an
    // extension page's CSP forbids (ESR 140).
    waitForFunction: async (fn, arg, timeout = 20_000) => {
      const until = Date.now() + timeout;
      while (!(await frame.evaluate(fn as never, arg))) {
        if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`);
        await sleep(50);
      }
    },
    fill: async (sel, value) => {
      const el = await find(sel);
      // Like Playwright's fill: select the whole value and insert the new text as one edit (input event).
      await el.evaluate((node, v: string) => {
        const field = node as HTMLInputElement;
        field.focus();
        if ((node as HTMLElement).isContentEditable) {
          const range = document.createRange();
          range.selectNodeContents(node);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
        } else {
          try {
            field.select();
          } catch {
            // Inputs without a text selection (number in some engines): the fallback below sets the value.
          }
        }
        const done = v ? document.execCommand('insertText', false, v) : document.execCommand('delete');
        if (!(node as HTMLElement).isContentEditable && (!done || field.value !== v)) {
          Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set?.call(field, v);
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, value);
      await el.dispose();
    },
    typeInto: async (sel, text) => {
      const el = await find(sel);
      await el.click();
      await pressKeys(page, 'Control+End');
      if (text) await page.keyboard.type(text, { delay: 10 });
      await el.dispose();
    },
    click: async (sel) => {
      const el = await find(sel);
      await el.click();
      await el.dispose();
    },
    check: async (sel) => {
      const el = await find(sel);
      if (!(await el.evaluate((n) => (n as HTMLInputElement).checked))) await el.click();
      await el.dispose();
    },
    uncheck: async (sel) => {
      const el = await find(sel);
      if (await el.evaluate((n) => (n as HTMLInputElement).checked)) await el.click();
      await el.dispose();
    },
    press: async (sel, key) => {
      const el = await find(sel);
      await el.focus();
      await pressKeys(page, key);
      await el.dispose();
    },
    select: async (sel, value) => {
      const el = (await find(sel)) as ElementHandle<HTMLSelectElement>;
      await el.select(value);
      await el.dispose();
    },
    text: async (sel) => {
      const el = await query(sel);
      if (!el) return '';
      const text = await el.evaluate((n) => n.textContent ?? '');
      await el.dispose();
      return text;
    },
    scrollIntoView: async (sel) => {
      const el = await query(sel);
      if (!el) return;
      await el.evaluate((n) => {
        const r = n.getBoundingClientRect();
        if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) n.scrollIntoView({ block: 'center', inline: 'center' });
      });
      await el.dispose();
    },
    frame: async (sel) => {
      const el = await find(sel);
      const child = await el.contentFrame();
      if (!child) throw new Error(`${sel} has no content frame`);
      const until = Date.now() + 20_000;
      while ((await child.evaluate(() => document.readyState)) !== 'complete') {
        if (Date.now() > until) throw new Error(`${sel}: its document never finished loading`);
        await sleep(50);
      }
      return firefoxDoc(page, child);
    },
  };
}

function firefoxTab(page: Page): Tab {
  const errors: string[] = [];
  const consoleText: string[] = [];
  page.on('console', (msg) => {
    consoleText.push(msg.text());
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err instanceof Error ? err.message : String(err)}`));
  return {
    ...firefoxDoc(page, page.mainFrame()),
    goto: async (url) => {
      // page.goto() never sees `load` of an extension page; BiDi's own navigate does.
      if (url.startsWith('moz-extension:')) {
        await (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } }).browsingContext.navigate(url, 'complete');
      } else {
        await page.goto(url, { waitUntil: 'load' });
      }
    },
    keyboard: { type: (text) => page.keyboard.type(text, { delay: 10 }), press: (key) => pressKeys(page, key) },
    clickAt: async (sel) => {
      const el = await firefoxDoc(page, page.mainFrame()).evaluate((s: string) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, sel);
      await page.mouse.click(el.x, el.y);
    },
    url: () => page.url(),
    // Over BiDi a node's serialization names its shadow root, closed ones too; call the function with it as `this`.
    inClosedRoots: async <R>(attribute: string, fn: string) => {
      const hosts = await page.$$(`[${attribute}]`);
      const out: R[] = [];
      for (const host of hosts) {
        const root = (host as unknown as { remoteValue(): { value?: { shadowRoot?: { sharedId?: string } } } }).remoteValue().value?.shadowRoot?.sharedId;
        await host.dispose();
        if (!root) continue;
        const r = await bidi(page.browser()).send('script.callFunction', {
          functionDeclaration: `function () { return JSON.stringify((${fn}).call(this)); }`,
          this: { sharedId: root },
          target: { context: (page.mainFrame() as unknown as { _id: string })._id },
          awaitPromise: true,
        });
        if (r.result.type !== 'success') throw new Error(`in closed root: ${JSON.stringify(r.result.exceptionDetails?.text)}`);
        out.push(JSON.parse(r.result.result.value) as R);
      }
      return out;
    },
    bringToFront: () => page.bringToFront(),
    wait: async (ms) => {
      await sleep(ms);
    },
    close: () => page.close(),
    errors,
    consoleText,
  };
}

/** Puppeteer's WebDriver BiDi connection, for commands it has no API for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bidi = (browser: Browser) => (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;

/**
 * Runs the browser's own <key> element for the extension's shortcut of `command` in the browser window
 * (chrome scope over BiDi, allowed by --remote-allow-system-access): Firefox's shortcut handler then
 * fires commands.onCommand for the active tab, as when the user presses the keys. Key events sent to a
 * page never reach the browser's shortcuts.
 */
async function runShortcut(browser: Browser, shortcut: string): Promise<void> {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const modifiers = parts.map((m) => ({ Alt: 'alt', Shift: 'shift', Ctrl: 'accel', Command: 'accel', MacCtrl: 'control' })[m] ?? m.toLowerCase());
  const conn = bidi(browser);
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree.result.contexts as Array<{ context: string; url: string }>).find((c) => c.url === 'chrome://browser/content/browser.xhtml')!.context;
  const expression = `(() => {
    const want = ${JSON.stringify({ key, modifiers: [...modifiers].sort().join(',') })};
    const keys = Array.from(document.querySelectorAll('keyset[id*="takstvakt"] key')).filter((k) =>
      (k.getAttribute('key') || '').toUpperCase() === want.key.toUpperCase() &&
      (k.getAttribute('modifiers') || '').split(/[ ,]+/).filter(Boolean).sort().join(',') === want.modifiers);
    if (keys.length !== 1) throw new Error('shortcut key elements: ' + keys.length);
    keys[0].doCommand();
  })()`;
  const r = await conn.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
  if (r.result.type !== 'success') throw new Error(`running the shortcut ${shortcut} failed: ${JSON.stringify(r.result.exceptionDetails?.text)}`);
}

export function firefoxDriver(browser: Browser): Driver {
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`;
  const newTab = async () => firefoxTab(await browser.newPage());
  const openExtensionPage = async (path: string) => {
    // One fresh tab per extension page (navigating an extension tab again is unreliable over BiDi).
    const tab = await newTab();
    await tab.goto(extensionBase + path);
    return tab;
  };
  // Extension code runs in a static extension page (no script of its own): `chrome.*` is there.
  let extTab: Promise<Tab> | undefined;
  return {
    browser: 'firefox',
    extensionBase,
    newTab,
    openExtensionPage,
    ext: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => {
      extTab ??= openExtensionPage('docs/rules/index.html');
      return (await extTab).evaluate(fn, arg);
    },
    command: async function (name, tab) {
      const all = await this.ext(() => chrome.commands.getAll());
      const shortcut = all.find((c) => c.name === name)?.shortcut;
      if (!shortcut) throw new Error(`no shortcut for the command ${name}`);
      await tab.bringToFront();
      await runShortcut(browser, shortcut);
    },
  };
}

/**
 * One Firefox with the extension and one fixture server for a test file (launched in beforeAll, closed
 * in afterAll); read the returned object's fields inside tests.
 */
export function useFirefox(opts: FirefoxOptions = {}): { ff: LaunchedFirefox; server: FixtureServer } {
  const s = {} as { ff: LaunchedFirefox; server: FixtureServer };
  beforeAll(async () => {
    s.server = await serveFixtures();
    s.ff = await launchFirefox(opts);
  });
  afterAll(async () => {
    await s.ff?.close();
    await s.server?.close();
  });
  return s;
}

/** The path of Firefox's event page (the background scripts' generated page). */
export const FIREFOX_BACKGROUND = '/_generated_background_page.html';

/** Waits until Firefox has unloaded the event page (no view of it left; idle timeout set by pref). */
export async function waitForEventPageSleep(driver: Driver, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  const awake = () =>
    driver.ext((path: string) => (chrome.extension as unknown as { getViews(): Window[] }).getViews().some((v) => v.location.pathname === path), FIREFOX_BACKGROUND);
  while (await awake()) {
    if (Date.now() > until) throw new Error('the event page did not go to sleep');
    await sleep(100);
  }
}
