// Chromium with the extension (playwright-core + Debian chromium), and the driver (lib/driver.ts) over
// Playwright's Page and Frame, so the shared scenarios run here as they do in Firefox.
import { inClosedRoots } from './closed-roots';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker, type Frame, type Browser } from 'playwright-core';
import type { Doc, Driver, Tab } from './driver';
import { serveFixtures, type FixtureServer } from './server';

export interface LaunchOptions {
  /** Unpacked extension folder; default $TAKSTVAKT_EXTENSION or dist/chrome. */
  extensionPath?: string;
  /** Default true unless HEADED=1. Extensions need Chromium's new headless mode. */
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** Keep the first-run setup tab the extension opens on install (closed by default, issue 12 §2). */
  keepSetupPage?: boolean;
}

export interface Launched {
  context: BrowserContext;
  page: Page;
  extensionId: string;
  serviceWorker: Worker;
  /** Browser-level DevTools session (Target.*, ServiceWorker.*, Network.* on other targets...). */
  cdp: CDPSession;
  /** The CDP-connected Browser behind `cdp` (second DevTools client; use for target-level sessions). */
  cdpBrowser: Browser;
  userDataDir: string;
  close(): Promise<void>;
}

/** Switches this sandbox needs: no setuid sandbox, no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--password-store=basic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

async function waitForFile(path: string, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text.includes('\n')) return text;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute, symlink-free path, first 32
 * hex digits written with the letters a-p.
 */
export function unpackedExtensionId(extensionPath: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionPath)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const extensionPath = resolve(opts.extensionPath ?? process.env.TAKSTVAKT_EXTENSION ?? 'dist/chrome');
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`no manifest.json in ${extensionPath}: run \`node scripts/build.mjs\` first`);
  }
  const headless = opts.headless ?? process.env.HEADED !== '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'takstvakt-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    // Playwright's own headless switch picks a mode that cannot load extensions on some builds;
    // pass the new headless mode ourselves instead.
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_ARGS,
      // Second DevTools endpoint for the browser-level CDP session (Playwright keeps the pipe).
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...(opts.args ?? []),
    ],
    viewport: { width: 1280, height: 900 },
    // A Norwegian doctor's browser: navigator.language nb-NO, wall clock in Oslo. (Date inputs keep
    // the UI locale of the Chromium build: without the nb language pack they show mm/dd/yyyy.)
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  let cdpBrowser: Browser | undefined;
  try {
    // Ours, not just the first extension worker: Chromium's component extensions may start a service
    // worker of their own first on a loaded machine (their getMessage then knows none of our texts).
    const extensionId = unpackedExtensionId(extensionPath);
    const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`);
    let serviceWorker = context.serviceWorkers().find(ours);
    serviceWorker ??= await context.waitForEvent('serviceworker', { predicate: ours, timeout: 20_000 });
    if (!opts.keepSetupPage) await (await setupPage(context, extensionId))?.close();
    const [portLine] = (await waitForFile(join(userDataDir, 'DevToolsActivePort'), 10_000)).split('\n');
    cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${portLine}`);
    const cdp = await cdpBrowser.newBrowserCDPSession();
    const page = context.pages()[0] ?? (await context.newPage());
    const launched: Launched = {
      context,
      page,
      extensionId,
      serviceWorker,
      cdp,
      cdpBrowser,
      userDataDir,
      close: async () => {
        // Closing the CDP client first: closing the context kills the browser under it.
        await cdp.detach().catch(() => undefined);
        await context.close().catch(() => undefined);
        await cdpBrowser?.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      },
    };
    return launched;
  } catch (e) {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw e;
  }
}

/** The first-run setup tab the extension opens on install (issue 12 §2), once it is there (or null after `timeout`). */
export async function setupPage(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<Page | null> {
  const url = `chrome-extension://${extensionId}/options/setup.html`;
  for (const until = Date.now() + timeout; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const found = context.pages().find((p) => p.url().startsWith(url));
    if (found) return found;
  }
  return null;
}

/** The extension's current service worker (it may have been restarted since launch). */
export async function currentServiceWorker(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  const found = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (found) return found;
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

/** Collects console errors and uncaught page errors of a page (and its frames) from now on. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Chromium without any extension (fixture self-checks, baselines). */
export async function launchPlain(opts: { headless?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const headless = opts.headless ?? process.env.HEADED !== '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'takstvakt-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    args: [...(headless ? ['--headless=new'] : []), ...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * One browser with the extension and one fixture server for a whole test file: started before its
 * first test, closed after its last. `ready` hands them to the file's own variables.
 */
export function useExtension(ready: (s: { server: FixtureServer; ext: Launched }) => void, opts: LaunchOptions = {}): void {
  let server: FixtureServer | undefined;
  let ext: Launched | undefined;
  beforeAll(async () => {
    server = await serveFixtures();
    ext = await launchWithExtension(opts);
    ready({ server, ext });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
}

/**
 * useExtension plus a fresh page per test with its page errors collected (closed after the test).
 * The returned object's fields are set before each test.
 */
export function useExtensionPage(opts: LaunchOptions = {}): { server: FixtureServer; ext: Launched; page: Page; errors: string[] } {
  const s = {} as { server: FixtureServer; ext: Launched; page: Page; errors: string[] };
  useExtension((r) => Object.assign(s, r), opts);
  beforeEach(async () => {
    s.page = await s.ext.context.newPage();
    s.errors = collectPageErrors(s.page);
  });
  afterEach(async () => {
    await s.page?.close();
  });
  return s;
}

// ---- the driver over Playwright ------------------------------------------------------------------

/** A Playwright page or frame as a Doc (Playwright's CSS selectors already pierce open shadow roots). */
export function pwDoc(scope: Page | Frame): Doc {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => scope.evaluate(fn as never, arg) as Promise<R>,
    waitFor: async (sel, timeout) => {
      await scope.waitForSelector(sel, { state: 'attached', timeout });
    },
    waitForFunction: async (fn, arg, timeout) => {
      await scope.waitForFunction(fn as never, arg, { timeout });
    },
    fill: (sel, value) => scope.fill(sel, value),
    typeInto: async (sel, text) => {
      await scope.click(sel);
      await scope.press(sel, 'Control+End');
      if (text) await scope.locator(sel).pressSequentially(text, { delay: 10 });
    },
    click: (sel) => scope.click(sel),
    check: (sel) => scope.check(sel),
    uncheck: (sel) => scope.uncheck(sel),
    press: (sel, key) => scope.press(sel, key),
    select: async (sel, value) => {
      await scope.selectOption(sel, value);
    },
    text: async (sel) => (await scope.textContent(sel)) ?? '',
    scrollIntoView: async (sel) => {
      const loc = scope.locator(sel).first();
      if ((await loc.count()) > 0) await loc.scrollIntoViewIfNeeded();
    },
    frame: async (sel) => pwDoc(await frameOf(scope, sel)),
  };
}

/** The loaded content frame of the iframe `selector`. */
export async function frameOf(scope: Page | Frame, selector: string): Promise<Frame> {
  const handle = await scope.waitForSelector(selector, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no content frame`);
  await frame.waitForLoadState('load');
  return frame;
}

export function pwTab(page: Page): Tab {
  const errors = collectPageErrors(page);
  const consoleText: string[] = [];
  page.on('console', (msg) => consoleText.push(msg.text()));
  return {
    ...pwDoc(page),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    keyboard: { type: (text) => page.keyboard.type(text), press: (key) => page.keyboard.press(key) },
    clickAt: async (sel) => {
      const box = (await page.locator(sel).first().boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    url: () => page.url(),
    inClosedRoots: (attribute, fn) => inClosedRoots(page, attribute, fn),
    bringToFront: () => page.bringToFront(),
    wait: (ms) => page.waitForTimeout(ms),
    close: () => page.close(),
    errors,
    consoleText,
  };
}

/** The driver for a launched Chromium: extension code runs in the current service worker. */
export function chromiumDriver(ext: Launched): Driver {
  const extensionBase = `chrome-extension://${ext.extensionId}/`;
  const newTab = async () => pwTab(await ext.context.newPage());
  return {
    browser: 'chromium',
    extensionBase,
    newTab,
    openExtensionPage: async (path) => {
      const tab = await newTab();
      await tab.goto(extensionBase + path);
      return tab;
    },
    ext: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      (await currentServiceWorker(ext.context, ext.extensionId)).evaluate(fn as never, arg) as Promise<R>,
    // The very listener the browser calls for the shortcut (background/main.ts), with the tab it names.
    command: async (name, tab) => {
      await (await currentServiceWorker(ext.context, ext.extensionId)).evaluate(async ({ name, url }) => {
        const [t] = await chrome.tabs.query({ url });
        (chrome.commands.onCommand as unknown as { dispatch(command: string, tab?: chrome.tabs.Tab): void }).dispatch(name, t);
      }, { name, url: tab.url() });
    },
  };
}
