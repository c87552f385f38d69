// End-to-end harness: a static server for the demo EPJ screens and a real Chromium with the
// extension loaded (playwright-core + Debian chromium). Shared by every test in test/e2e and by
// scripts/demo.mjs and scripts/bench-e2e.mjs (they load a compiled copy via loadHarness() in
// scripts/serve-fixtures.mjs). Also: the demo screens' expected.json, user steps, and checks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname, dirname, basename, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildFixtureBundles } from './fixture-bundles';
export { probeTab, readProblems } from './probe-read';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker, type Frame, type Browser } from 'playwright-core';

// ---- static server ------------------------------------------------------------------------------

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Extra response headers per file come from a sidecar `headers.json` in the file's folder:
 * `{ "page.html": { "Content-Security-Policy": "..." } }`. That is how the strict-CSP screen
 * gets a real header (a <meta> CSP would not restrict everything a header does).
 */
function sidecarHeaders(file: string): Record<string, string> {
  const sidecar = join(dirname(file), 'headers.json');
  if (!existsSync(sidecar)) return {};
  try {
    const map = JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, Record<string, string>>;
    return map[basename(file)] ?? {};
  } catch {
    return {};
  }
}

export async function serveFixtures(root = 'test/fixtures/epj'): Promise<FixtureServer> {
  const base = resolve(root);
  // Screens built with real UI libraries are bundled first (only when stale).
  await buildFixtureBundles(root);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = resolve(base, '.' + pathname);
      // Never serve outside the fixture root.
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      // Browsers ask for a favicon on their own; answer without a 404 console error.
      if (pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...sidecarHeaders(file),
      });
      res.end(readFileSync(file));
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
    }
  });
  // Keep-alive sockets would hold close() open until their timeout.
  server.keepAliveTimeout = 1;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string) => new URL(path.replace(/^\/*/, '/'), origin).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---- browser with the extension ------------------------------------------------------------------

export interface LaunchOptions {
  /** Unpacked extension folder; default $TAKSTVAKT_EXTENSION or dist/chrome. */
  extensionPath?: string;
  /** Default true unless HEADED=1. Extensions need Chromium's new headless mode. */
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
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
    let serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    serviceWorker ??= await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 20_000,
    });
    const extensionId = new URL(serviceWorker.url()).host;
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

/** The extension's current service worker (it may have been restarted since launch). */
export async function currentServiceWorker(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  const found = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (found) return found;
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

// ---- the content-script test contract ------------------------------------------------------------

export interface MarkerInfo {
  code: string;
  rules: string[];
  severity: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  /** True when the marker host sits inside host content (a form, label, cell, list item or editable), where it would be saved or shift layout. */
  inHostContent: boolean;
}

export interface BadgeInfo {
  state: string | null;
  text: string;
}

type Scope = Page | Frame;

/**
 * Every marker host in the document (light DOM, dialogs and open shadow roots included), with its
 * rule ids split and its box in viewport coordinates of that document.
 */
export async function markers(scope: Scope): Promise<MarkerInfo[]> {
  return scope.evaluate(() => {
    const out: Array<{ code: string; rules: string[]; severity: string; rect: { left: number; top: number; right: number; bottom: number; width: number; height: number }; inHostContent: boolean }> = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('[data-takstvakt-code]'))) {
        const r = el.getBoundingClientRect();
        out.push({
          code: el.getAttribute('data-takstvakt-code') ?? '',
          rules: (el.getAttribute('data-takstvakt-rule') ?? '').split(/\s+/).filter(Boolean),
          severity: el.getAttribute('data-takstvakt-severity') ?? '',
          rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
          inHostContent: !!el.parentElement?.closest('form, label, td, th, li, [contenteditable=true], [role=textbox], [role=combobox]'),
        });
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  });
}

/** The page badge hosts (`data-takstvakt-badge`) with their state. */
export async function badges(scope: Scope): Promise<BadgeInfo[]> {
  return scope.evaluate(() =>
    Array.from(document.querySelectorAll('[data-takstvakt-badge]')).map((el) => ({
      state: el.getAttribute('data-takstvakt-state'),
      text: (el.textContent ?? '').trim(),
    })),
  );
}

/** Canonical form for comparing codes: the core matches codes case- and space-insensitively. */
export function normCode(code: string): string {
  return code.replace(/\s+/g, '').toLowerCase();
}

/** Sorted `code:rule` keys of the markers, for readable equality assertions. */
export function markerKeys(list: MarkerInfo[]): string[] {
  return list.flatMap((m) => (m.rules.length ? m.rules : ['?']).map((r) => `${normCode(m.code)}:${r}`)).sort();
}

/**
 * Polls until `predicate(markers)` holds, returning the last markers seen. Throws with what was
 * seen when it times out, so a failing test says "expected X, got Y".
 */
export async function waitForMarkers(
  scope: Scope,
  predicate: (list: MarkerInfo[]) => boolean,
  { timeout = 10_000, interval = 50, what = 'markers' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<MarkerInfo[]> {
  const until = Date.now() + timeout;
  let last: MarkerInfo[] = [];
  for (;;) {
    last = await markers(scope);
    if (predicate(last)) return last;
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(markerKeys(last))}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
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

// ---- demo EPJ screens and their expected markers ------------------------------------------------

/** One expected marker: `near` is the selector (or alternatives) of the field that holds the code. */
export interface ExpectedMarker {
  code: string;
  rules: string[];
  near: string | string[];
  why?: string;
}

/** A user action on the host page, run like a user would (Playwright fill/click/keyboard). */
export type Step =
  | { fill: string; value: string }
  | { type: string; text: string }
  | { click: string }
  | { check: string }
  | { uncheck: string }
  | { press: string; key: string }
  | { select: string; value: string };

/**
 * What must be on the page: every `markers` entry, at least one entry of each `anyOf` group (a
 * conflict between two codes may be reported from either side), and nothing outside
 * markers + anyOf + optional.
 */
export interface MarkerExpectation {
  markers: ExpectedMarker[];
  anyOf?: ExpectedMarker[][];
  optional?: ExpectedMarker[];
}

export interface Scenario extends MarkerExpectation {
  name: string;
  steps: Step[];
}

export interface Screen extends MarkerExpectation {
  id: string;
  title: string;
  pattern: number;
  page: string;
  /** Selector of the same-origin iframe holding the bill, if any. */
  frame?: string;
  /** Selector that exists once the page's own script is ready. */
  ready?: string;
  private: string[];
  notABill?: boolean;
  /** Expected page badge state; default `checked` (`partial`: a virtualised grid renders only some lines). */
  badge?: 'checked' | 'unreadable' | 'partial';
  /** The screen is built from a library source (kilde.jsx/kilde.js -> bundle.js) and runs in a real browser only. */
  built?: boolean;
  fix: (Scenario & { what: string }) | null;
  scenarios: Scenario[];
}

export function loadScreens(root = 'test/fixtures/epj'): Screen[] {
  const base = resolve(root);
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'expected.json')))
    .map((d) => ({ id: d.name, ...(JSON.parse(readFileSync(join(base, d.name, 'expected.json'), 'utf8')) as Omit<Screen, 'id'>) }))
    .sort((a, b) => a.pattern - b.pattern || a.id.localeCompare(b.id));
}

/** The document holding the bill: the page itself or the screen's iframe. */
export async function billScope(page: Page, screen: Pick<Screen, 'frame'>): Promise<Page | Frame> {
  if (!screen.frame) return page;
  const handle = await page.waitForSelector(screen.frame, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${screen.frame} has no content frame`);
  await frame.waitForLoadState('load');
  return frame;
}

/** Opens a screen and waits until its own script is ready. */
export async function openScreen(page: Page, server: FixtureServer, screen: Screen): Promise<Page | Frame> {
  await page.goto(server.url(screen.page), { waitUntil: 'load' });
  const scope = await billScope(page, screen);
  if (screen.ready) await scope.waitForSelector(screen.ready, { state: 'attached' });
  return scope;
}

export async function runSteps(scope: Page | Frame, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if ('fill' in step) await scope.fill(step.fill, step.value);
    else if ('type' in step) {
      // Like a user: click into the field, go to the end, type key by key.
      await scope.click(step.type);
      await scope.press(step.type, 'Control+End');
      if (step.text) await scope.locator(step.type).pressSequentially(step.text, { delay: 10 });
    } else if ('click' in step) await scope.click(step.click);
    else if ('check' in step) await scope.check(step.check);
    else if ('uncheck' in step) await scope.uncheck(step.uncheck);
    else if ('press' in step) await scope.press(step.press, step.key);
    else if ('select' in step) await scope.selectOption(step.select, step.value);
  }
}

const key = (m: { code: string; rule: string }) => `${normCode(m.code)}:${m.rule}`;
const keysOf = (list: ExpectedMarker[]) => list.flatMap((m) => m.rules.map((rule) => key({ code: m.code, rule })));

/** Compares markers with an expectation; an empty `problems` list means they match. */
export function compareMarkers(seen: MarkerInfo[], want: MarkerExpectation): { problems: string[]; seen: string[] } {
  const got = new Set(markerKeys(seen));
  const required = keysOf(want.markers);
  const groups = (want.anyOf ?? []).map(keysOf);
  const allowed = new Set([...required, ...groups.flat(), ...keysOf(want.optional ?? [])]);
  const problems: string[] = [];
  for (const k of required) if (!got.has(k)) problems.push(`missing ${k}`);
  for (const g of groups) if (!g.some((k) => got.has(k))) problems.push(`missing one of ${g.join(' | ')}`);
  for (const k of got) if (!allowed.has(k)) problems.push(`unexpected ${k}`);
  return { problems, seen: [...got].sort() };
}

/** Waits until the markers match the expectation; throws "expected ..., got ..." otherwise. */
export async function expectMarkers(scope: Page | Frame, want: MarkerExpectation, timeout = 20_000): Promise<MarkerInfo[]> {
  let last: ReturnType<typeof compareMarkers> = { problems: [], seen: [] };
  try {
    return await waitForMarkers(
      scope,
      (list) => {
        last = compareMarkers(list, want);
        return last.problems.length === 0;
      },
      { timeout, what: 'the expected markers' },
    );
  } catch {
    throw new Error(`markers do not match: ${last.problems.join('; ')} (seen: ${JSON.stringify(last.seen)})`);
  }
}

export interface Box { left: number; top: number; right: number; bottom: number }

/** Gap in px between two boxes (0 when they touch or overlap). */
export function boxGap(a: Box, b: Box): { dx: number; dy: number } {
  return {
    dx: Math.max(0, a.left - b.right, b.left - a.right),
    dy: Math.max(0, a.top - b.bottom, b.top - a.bottom),
  };
}

/** Viewport boxes of every element matching the selectors (open shadow roots pierced). */
export async function boxesOf(scope: Page | Frame, selectors: string | string[]): Promise<Box[]> {
  const out: Box[] = [];
  for (const sel of Array.isArray(selectors) ? selectors : [selectors]) {
    // One round trip per selector: the stress screen has 4,000 fields.
    const boxes = await scope.locator(sel).evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    out.push(...boxes);
  }
  return out;
}

/** Every input, select, textarea value, checkbox state and contenteditable text of a document. */
export async function hostFieldState(scope: Page | Frame): Promise<string[]> {
  return scope.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('input, select, textarea, [contenteditable=true]'))) {
        if (el instanceof HTMLInputElement) out.push(`${el.name || el.id || el.getAttribute('aria-label')}=${el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value}`);
        else if (el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) out.push(`${el.name || el.id}=${el.value}`);
        else out.push(`${el.id}=${el.textContent}`);
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  });
}

/**
 * Host content a box covers that the spec forbids covering: the text of the marked field itself
 * (`own`), text in buttons, links and labels, and form controls other than the marked field (which
 * may be touched at its edge). With `anyText`, every visible text run counts (stricter than the spec).
 */
export async function coveredHostContent(scope: Page | Frame, box: Box, own: string[], anyText = false): Promise<string[]> {
  return scope.evaluate(
    ({ box, own, anyText }) => {
      const hits: string[] = [];
      const overlaps = (r: DOMRect) => r.width > 0 && r.height > 0 && r.left < box.right - 1 && r.right > box.left + 1 && r.top < box.bottom - 1 && r.bottom > box.top + 1;
      const ours = (n: Node | null) => !!(n instanceof Element ? n : n?.parentElement)?.closest('[data-takstvakt-code],[data-takstvakt-badge]');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim();
        if (!text || ours(n)) continue;
        const parent = n.parentElement;
        if (!parent || parent.closest('option, select, script, style') || getComputedStyle(parent).visibility === 'hidden') continue;
        const protectedText = own.some((sel) => !!parent.closest(sel)) || !!parent.closest('button, a, label, [role=button], [role=option], summary');
        if (!anyText && !protectedText) continue;
        range.selectNodeContents(n);
        if (Array.from(range.getClientRects()).some(overlaps)) hits.push(`text "${text.slice(0, 30)}"`);
      }
      for (const el of Array.from(document.querySelectorAll('input, select, textarea, button, [contenteditable=true]'))) {
        if (ours(el) || own.some((sel) => el.matches(sel) || !!el.closest(sel))) continue;
        if (overlaps(el.getBoundingClientRect())) hits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${el.getAttribute('aria-label') ?? el.getAttribute('name') ?? ''}]`);
      }
      return hits;
    },
    { box, own, anyText },
  );
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
