// Scenarios shared by the Chromium and Firefox projects, written against the driver (lib/driver.ts):
// opening a demo screen and running its user steps, the per-screen suite (expected markers beside their
// fields, the fix, the scenarios, the page badge, privacy), and the popup's takst lookup.
import { boxesOf, expectMarkersBesideFields, type Box } from './geometry';
import type { Doc, Driver, Evaluator, Tab } from './driver';
import { badges, expectMarkers, hostFieldState, markerKeys, markers, waitForMarkers, type MarkerInfo } from './probes';
import { allEntries, expectationOf, loadScreens, type MarkerExpectation, type Screen, type Step } from './screens';
import type { FixtureServer } from './server';

/** Opens a screen in `tab` and waits until its own script is ready; returns the document holding the bill. */
export async function openScreenIn(tab: Tab, server: FixtureServer, screen: Screen): Promise<Doc> {
  await tab.goto(server.url(screen.page));
  const doc = screen.frame ? await tab.frame(screen.frame) : tab;
  if (screen.ready) await doc.waitFor(screen.ready);
  return doc;
}

export async function doSteps(doc: Doc, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if ('fill' in step) await doc.fill(step.fill, step.value);
    else if ('type' in step) await doc.typeInto(step.type, step.text);
    else if ('click' in step) await doc.click(step.click);
    else if ('check' in step) await doc.check(step.check);
    else if ('uncheck' in step) await doc.uncheck(step.uncheck);
    else if ('press' in step) await doc.press(step.press, step.key);
    else if ('select' in step) await doc.select(step.select, step.value);
  }
}

/** Brings the field of the first expected marker into view (the doctor is looking at it). */
export async function scrollToFields(doc: Doc, s: MarkerExpectation): Promise<void> {
  for (const entry of allEntries(s).slice(0, 1)) {
    for (const one of Array.isArray(entry.near) ? entry.near : [entry.near]) {
      if (await doc.evaluate((sel: string) => {
        const roots: Array<Document | ShadowRoot> = [document];
        for (let i = 0; i < roots.length; i++) {
          if (roots[i]!.querySelector(sel)) return true;
          for (const el of Array.from(roots[i]!.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
        }
        return false;
      }, one)) {
        await doc.scrollIntoView(one);
        break;
      }
    }
  }
}

/** Absence can only be asserted after giving the extension time to act. */
const SETTLE_MS = 1500;

export interface ScreenSuiteOptions {
  /** The browser and server of the test file (set in its beforeAll). */
  env: () => { driver: Driver; server: FixtureServer };
  /** Field values and control boxes of the screen without the extension after `steps` (Chromium only). */
  baseline?: (screen: Screen, steps: Step[]) => Promise<{ fields: string[]; layout: Box[] }>;
  /** Only these screens (default: every folder with an expected.json). */
  screens?: Screen[];
  /**
   * One page load per screen for the markers, badge, privacy and fix checks (scenarios still get their
   * own): the same assertions in a third of the time, for the second browser.
   */
  compact?: boolean;
}

/** Boxes of the host's form controls: any layout shift caused by the overlay moves one of them. */
export async function layoutOf(doc: Doc): Promise<Box[]> {
  return boxesOf(doc, 'input, select, textarea, button, [contenteditable=true]');
}

function rounded(list: Box[]): string[] {
  return list.map((b) => [b.left, b.top, b.right, b.bottom].map((n) => Math.round(n)).join(','));
}

/**
 * Every demo screen against its expected.json: the right markers beside the right fields and only
 * those; gone when the bill is fixed; each scenario; the page badge; no page errors; nothing private
 * leaves the page. With `baseline`, host fields and layout match the page without the extension.
 */
export function screenSuite(opts: ScreenSuiteOptions): void {
  const screens = opts.screens ?? loadScreens();
  const bills = screens.filter((s) => !s.notABill);
  const notBills = screens.filter((s) => s.notABill);
  let tab: Tab;

  beforeEach(async () => {
    tab = await opts.env().driver.newTab();
  });
  afterEach(async () => {
    await tab.close();
  });

  const open = (screen: Screen) => openScreenIn(tab, opts.env().server, screen);

  /** The expected markers, beside their fields; host fields and layout as without the extension. */
  const checkMarkers = async (doc: Doc, screen: Screen) => {
    await scrollToFields(doc, screen);
    await expectMarkers(doc, expectationOf(screen));
    await expectMarkersBesideFields(doc, screen);
    if (opts.baseline) {
      const before = await opts.baseline(screen, []);
      expect(await hostFieldState(doc)).toEqual(before.fields);
      expect(rounded(await layoutOf(doc))).toEqual(rounded(before.layout));
    }
  };
  /** The fix's steps take the markers away, for good. */
  const checkFix = async (doc: Doc, screen: Screen, fix: NonNullable<Screen['fix']>) => {
    await doSteps(doc, fix.steps);
    await expectMarkers(doc, expectationOf(fix));
    // Still right a moment later (no flicker back, no late stale reply).
    await tab.wait(400);
    await expectMarkers(doc, expectationOf(fix), 1000);
    if (opts.baseline) {
      const after = await opts.baseline(screen, fix.steps);
      expect(await hostFieldState(doc)).toEqual(after.fields);
    }
  };
  const checkBadge = async (doc: Doc, want: string) => {
    const states = async () => [...(await badges(tab)), ...(doc === tab ? [] : await badges(doc))].map((b) => b.state);
    const deadline = Date.now() + 10_000;
    while (!(await states()).includes(want) && Date.now() < deadline) await tab.wait(100);
    expect(await states()).toContain(want);
    if (want === 'checked') expect(await states()).not.toContain('unreadable');
  };
  /** Nothing private in the messages the extension got, in its storage or in the page's console. */
  const checkPrivacy = async (screen: Screen) => {
    const { driver } = opts.env();
    const sent = await spiedMessages(driver);
    // The spy must have seen the content script talk, or this test proves nothing.
    expect(sent.length).toBeGreaterThan(0);
    const stored = await driver.ext(async () =>
      JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
    );
    const leaks = screen.private.filter(
      (secret) => sent.some((m) => m.includes(secret)) || stored.includes(secret) || tab.consoleText.some((t) => t.includes(secret)),
    );
    expect(leaks).toEqual([]);
  };

  describe.each(bills.map((s) => [s.id, s] as [string, Screen]))('%s', (_id, screen) => {
    const wantBadge = screen.badge ?? 'checked';
    if (opts.compact) {
      test(`the expected markers beside their fields, the badge says "${wantBadge}", nothing private leaves the page${screen.fix ? `, and the fix: ${screen.fix.what}` : ''}`, async () => {
        await installMessageSpy(opts.env().driver);
        const doc = await open(screen);
        await checkMarkers(doc, screen);
        await checkBadge(doc, wantBadge);
        await checkPrivacy(screen);
        if (screen.fix) await checkFix(doc, screen, screen.fix);
        expect(tab.errors).toEqual([]);
      });
    } else {
      test('markers appear next to the right codes and only those; host fields and layout untouched', async () => {
        await checkMarkers(await open(screen), screen);
        expect(tab.errors).toEqual([]);
      });

      if (screen.fix) {
        const fix = screen.fix;
        test(`markers go when the bill is fixed: ${fix.what}`, async () => {
          const doc = await open(screen);
          await scrollToFields(doc, screen);
          await expectMarkers(doc, expectationOf(screen));
          await checkFix(doc, screen, fix);
          expect(tab.errors).toEqual([]);
        });
      }

      test(`the page badge says "${wantBadge}"`, async () => {
        const doc = await open(screen);
        await expectMarkers(doc, expectationOf(screen));
        await checkBadge(doc, wantBadge);
      });

      test('no name, national id or other private text leaves the page', async () => {
        await installMessageSpy(opts.env().driver);
        const doc = await open(screen);
        await expectMarkers(doc, expectationOf(screen));
        await checkPrivacy(screen);
      });
    }

    for (const scenario of screen.scenarios) {
      test(`scenario: ${scenario.name}`, async () => {
        const doc = await open(screen);
        await scrollToFields(doc, screen);
        await expectMarkers(doc, expectationOf(screen));
        await doSteps(doc, scenario.steps);
        await scrollToFields(doc, scenario);
        await expectMarkers(doc, expectationOf(scenario));
        await expectMarkersBesideFields(doc, scenario);
        expect(tab.errors).toEqual([]);
      });
    }
  });

  describe.each(notBills.map((s) => [s.id, s] as [string, Screen]))('%s (not a bill)', (_id, screen) => {
    test('gets no markers and no "unreadable" badge', async () => {
      const doc = await open(screen);
      await tab.wait(SETTLE_MS);
      expect(await markers(doc)).toEqual([]);
      expect((await badges(tab)).map((b) => b.state)).not.toContain('unreadable');
      for (const scenario of screen.scenarios) {
        await doSteps(doc, scenario.steps);
        await tab.wait(SETTLE_MS / 2);
        expect(await markers(doc)).toEqual([]);
      }
      expect(tab.errors).toEqual([]);
    });
  });
}

/**
 * Records every message and port message the extension receives, in the extension context the driver
 * evaluates in (Chromium: the service worker; Firefox: an extension page, which gets the content
 * scripts' runtime messages too).
 */
async function installMessageSpy(driver: Driver): Promise<void> {
  await driver.ext(() => {
    const g = globalThis as unknown as { __takstvaktSpy?: string[] };
    if (g.__takstvaktSpy) {
      g.__takstvaktSpy.length = 0;
      return;
    }
    const seen: string[] = [];
    g.__takstvaktSpy = seen;
    // Returning nothing keeps the real handlers' replies intact.
    chrome.runtime.onMessage.addListener((msg) => {
      seen.push(JSON.stringify(msg));
    });
    chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((msg) => seen.push(JSON.stringify(msg))));
  });
}

async function spiedMessages(driver: Driver): Promise<string[]> {
  return driver.ext(() => [...((globalThis as unknown as { __takstvaktSpy?: string[] }).__takstvaktSpy ?? [])]);
}

/** Popup: "2fk" by keyboard opens it with its legevakt and time conditions and the rule text; Esc goes back. */
export async function popupLookup2fk(driver: Driver): Promise<void> {
  const page = await driver.openExtensionPage('popup/popup.html');
  try {
    // Focus starts in the search field: typing needs no click.
    await page.waitForFunction(() => document.activeElement?.id === 'search-input');
    await page.waitFor('.tariff-switch select');
    await page.keyboard.type('2fk');
    await page.waitForFunction(() => document.querySelector('[role="option"] .code')?.textContent === '2fk');
    await page.keyboard.press('Enter');
    await page.waitFor('article.takst .conditions');
    expect(await page.text('article.takst h2')).toMatch(/^2fk\b/);
    const conditions = await page.text('article.takst .conditions');
    expect(conditions).toMatch(/legevakt/i);
    expect(conditions).toMatch(/kveld|16/i);
    const rules = await page.text('article.takst .rules-source');
    expect(rules).toMatch(/tilstedevakt/i);
    expect(rules).toMatch(/16/);
    // Unknown amounts say so.
    expect(await page.text('article.takst .facts')).toContain('ukjent');
    // Esc goes back to the list, with the query kept and focus in the field.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.id === 'search-input');
    expect(await page.evaluate(() => (document.querySelector('#search-input') as HTMLInputElement).value)).toBe('2fk');
  } finally {
    await page.close();
  }
}

/**
 * A check that gets an error instead of a report is not swallowed: the page shows "ikke kontrollert"
 * with its reason code (`check`), and the next good check takes the notice away. The error comes from
 * a listener the test adds in an extension context: it answers before the real, asynchronous handler.
 */
export async function notCheckedOnFailedCheck(driver: Driver, server: FixtureServer): Promise<void> {
  type G = { __takstvaktSabotage?: boolean; __takstvaktSaboteur?: boolean };
  const sabotage = (on: boolean) =>
    driver.ext((value: boolean) => {
      const g = globalThis as G;
      g.__takstvaktSabotage = value;
      if (g.__takstvaktSaboteur) return;
      g.__takstvaktSaboteur = true;
      chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
        if (g.__takstvaktSabotage && (msg as { type?: string } | null)?.type === 'cs:check-bill') reply({ ok: false, error: 'refused by the test' });
        return undefined;
      });
    }, on);
  await sabotage(true);
  const tab = await driver.newTab();
  try {
    await tab.goto(server.url('fritekst/index.html'));
    await tab.waitForFunction(() => document.querySelector('[data-takstvakt-badge][data-takstvakt-state="failed"]')?.getAttribute('data-takstvakt-reason') === 'check');
    expect(await markers(tab)).toEqual([]);
    await sabotage(false);
    await tab.fill('#takster', '2ad 1bd');
    await waitForMarkers(tab, (l) => l.some((m) => m.rules.includes('invalid-combination')), { what: 'markers once checks get their report again' });
    await tab.waitForFunction(() => !document.querySelector('[data-takstvakt-state="failed"]'));
    expect(tab.errors).toEqual([]);
  } finally {
    await sabotage(false);
    await tab.close();
  }
}

/**
 * After the background restarted (Chromium: a new service worker; Firefox: the event page woken): the
 * findings the page's checks left for tab `tabId` in storage.session are there (only `rule`), the
 * toolbar badge counts them, and no page data (`codes`) went to local or sync storage.
 */
export async function expectTabStateKept(driver: Driver, tabId: number, rule: string, codes: RegExp): Promise<void> {
  const state = await driver.ext(async (id: number) => {
    const all = await chrome.storage.session.get(null);
    // The tab's entries (`tab:<id>` or `tab:<id>:...`), whatever their layout: every `findings` list in them.
    const findings: string[] = [];
    const collect = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      const f = (v as { findings?: unknown }).findings;
      if (Array.isArray(f)) findings.push(...f.map((x) => (x as { rule: string }).rule));
      else for (const child of Object.values(v)) collect(child);
    };
    for (const [k, v] of Object.entries(all)) if (k === `tab:${id}` || k.startsWith(`tab:${id}:`)) collect(v);
    return { findings, badge: await chrome.action.getBadgeText({ tabId: id }), local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) };
  }, tabId);
  expect(state.findings.length).toBeGreaterThan(0);
  expect(new Set(state.findings)).toEqual(new Set([rule]));
  expect(state.badge).toBe(String(state.findings.length));
  // Page-derived data never goes to local or sync storage.
  expect(JSON.stringify(state.local)).not.toMatch(codes);
  expect(JSON.stringify(state.sync)).not.toMatch(codes);
}

/** The id of the tab showing `url` (found by URL here: tabs.query({ url }) misses ports in Firefox). */
export async function tabIdOf(driver: Driver, url: string): Promise<number> {
  return driver.ext(async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
}

// ---- Issue 12: the whole-bill banner, the keyboard commands, teaching a screen ----------------------

const BANNER = '[data-takstvakt-banner]';
const DIAGNOSIS_MARKER = '[data-takstvakt-field="diagnosis"]';

/** Every element box of the page's body, to compare before and after the banner came. */
const bodyRects = (doc: Doc) =>
  doc.evaluate(() => Array.from(document.body.querySelectorAll('*'), (el) => {
    const r = el.getBoundingClientRect();
    return `${el.tagName}#${el.id}:${r.left},${r.top},${r.width},${r.height}`;
  }));

/** The lines screen, checked (its 2ad + 1bd marker is there), with the diagnosis emptied: banner and diagnosis marker shown. */
async function openLinesWithoutDiagnosis(tab: Tab, server: FixtureServer): Promise<void> {
  await tab.goto(server.url('linjer/index.html'));
  await tab.waitFor('[data-takstvakt-code]');
  await tab.waitFor('[data-takstvakt-badge]');
  await tab.fill('#diagnose', '');
  await tab.waitFor(BANNER);
  await tab.waitFor(DIAGNOSIS_MARKER);
}

/**
 * An empty diagnosis: one banner on <html> in a closed root with its data-takstvakt-banner /
 * data-takstvakt-rules contract, a marker beside the diagnosis field; nothing of the host moves and the
 * field keeps the doctor's empty value; fixing the diagnosis takes both away.
 */
export async function bannerOnEmptyDiagnosis(driver: Driver, server: FixtureServer): Promise<void> {
  const tab = await driver.newTab();
  try {
    await tab.goto(server.url('linjer/index.html'));
    await tab.waitFor('[data-takstvakt-code]');
    await tab.waitFor('[data-takstvakt-badge]');
    expect(await tab.evaluate((sel) => document.querySelectorAll(sel).length, BANNER)).toBe(0);
    const before = await bodyRects(tab);
    await tab.fill('#diagnose', '');
    await tab.waitFor(BANNER);
    expect(await tab.evaluate((sel) => {
      const all = document.querySelectorAll(sel);
      const h = all[0]!;
      return { count: all.length, rules: h.getAttribute('data-takstvakt-rules')!.split(' '), severity: h.getAttribute('data-takstvakt-severity'), parent: h.parentElement?.tagName, open: h.shadowRoot !== null, tag: h.tagName };
    }, BANNER)).toEqual({ count: 1, rules: expect.arrayContaining(['diagnosis-required']), severity: 'error', parent: 'HTML', open: false, tag: 'SPAN' });
    await tab.waitFor(DIAGNOSIS_MARKER);
    expect(await tab.evaluate((sel) => document.querySelector(sel)!.getAttribute('data-takstvakt-rule'), DIAGNOSIS_MARKER)).toBe('diagnosis-required');
    // Beside the field, and the banner laid out on screen.
    await tab.waitForFunction((sel) => {
      const m = document.querySelector(sel)!.getBoundingClientRect();
      const f = document.querySelector('#diagnose')!.getBoundingClientRect();
      const b = document.querySelector('[data-takstvakt-banner]')!.getBoundingClientRect();
      return m.width > 0 && b.width > 0 && Math.abs(m.top + m.height / 2 - (f.top + f.height / 2)) < 12 && Math.max(0, m.left - f.right, f.left - m.right) < 48;
    }, DIAGNOSIS_MARKER);
    // Nothing of the host moved, and the field keeps the doctor's (empty) value.
    expect(await bodyRects(tab)).toEqual(before);
    expect(await tab.evaluate(() => (document.querySelector('#diagnose') as HTMLInputElement).value)).toBe('');
    await tab.fill('#diagnose', 'R74');
    await tab.waitForFunction((sels) => sels.every((s) => !document.querySelector(s)), [BANNER, DIAGNOSIS_MARKER]);
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
}

const onBanner = (doc: Doc) => doc.evaluate((sel) => document.activeElement?.matches(sel) ?? false, BANNER);

/** Tab from the page's last control until the banner has focus (our hosts follow the page's content). */
async function tabToBanner(tab: Tab): Promise<boolean> {
  await tab.bringToFront();
  await tab.evaluate(() => (document.querySelector('button.primær') as HTMLElement).focus());
  for (let i = 0; i < 12; i++) {
    await tab.keyboard.press('Tab');
    if (await onBanner(tab)) return true;
  }
  return false;
}

const cardState = async (tab: Tab) =>
  (await tab.inClosedRoots<{ hidden: boolean; expanded: string | null; text: string }>('data-takstvakt-banner', 'function () { const c = this.querySelector("[role=dialog]"); return { hidden: c.hidden, expanded: this.querySelector("button").getAttribute("aria-expanded"), text: c.textContent }; }'))[0]!;

/** The banner is reached by Tab, opens its card on Enter (what, fix, why) and closes it on Esc, keeping focus. */
export async function bannerCardByKeyboard(driver: Driver, server: FixtureServer, opts: { whileOpen?: () => Promise<void> } = {}): Promise<void> {
  const tab = await driver.newTab();
  try {
    await openLinesWithoutDiagnosis(tab, server);
    expect(await tabToBanner(tab)).toBe(true);
    expect((await cardState(tab)).hidden).toBe(true);
    await tab.keyboard.press('Enter');
    const open = await cardState(tab);
    expect(open).toMatchObject({ hidden: false, expanded: 'true' });
    expect(open.text).toContain('Regningen har ingen diagnose');
    expect(open.text).toContain('Slik retter du');
    expect(open.text).toContain('Hvorfor');
    await opts.whileOpen?.();
    await tab.keyboard.press('Escape');
    expect(await cardState(tab)).toMatchObject({ hidden: true, expanded: 'false' });
    expect(await onBanner(tab)).toBe(true);
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
}

/**
 * "Ignorer denne gangen" in the banner's card, by keyboard, hides the whole-bill finding on this page:
 * banner and diagnosis marker go, the badge count goes back; the code markers and the empty field stay.
 */
export async function bannerIgnoreOnce(driver: Driver, server: FixtureServer): Promise<void> {
  const tab = await driver.newTab();
  const badgeErrors = () => tab.evaluate(() => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors') ?? NaN));
  try {
    await tab.goto(server.url('linjer/index.html'));
    await tab.waitFor('[data-takstvakt-code]');
    await tab.waitFor('[data-takstvakt-badge]');
    const errorsBefore = await badgeErrors();
    await tab.fill('#diagnose', '');
    await tab.waitFor(BANNER);
    await tab.waitForFunction((n) => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors')) === n, errorsBefore + 1);
    expect(await tabToBanner(tab)).toBe(true);
    await tab.keyboard.press('Enter');
    // Past the card's 300 ms guard; then Tab to the button: close, "Les mer", "Ignorer denne gangen".
    await tab.wait(400);
    const focusedText = async () => (await tab.inClosedRoots<string>('data-takstvakt-banner', 'function () { return this.activeElement ? this.activeElement.textContent : ""; }'))[0];
    for (let i = 0; i < 6 && (await focusedText()) !== 'Ignorer denne gangen'; i++) await tab.keyboard.press('Tab');
    expect(await focusedText()).toBe('Ignorer denne gangen');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction((sels) => sels.every((s) => !document.querySelector(s)), [BANNER, DIAGNOSIS_MARKER]);
    await tab.waitForFunction((n) => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors')) === n, errorsBefore);
    expect((await markers(tab)).length).toBeGreaterThan(0);
    expect(await tab.evaluate(() => (document.querySelector('#diagnose') as HTMLInputElement).value)).toBe('');
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
}

/** What has focus: a banner, the diagnosis marker, a code marker (its code), or a page element. */
export const focusedFinding = (doc: Evaluator): Promise<string> =>
  doc.evaluate(() => {
    const a = document.activeElement;
    if (!a) return 'none';
    if (a.hasAttribute('data-takstvakt-banner')) return 'banner';
    if (a.getAttribute('data-takstvakt-field') === 'diagnosis') return 'diagnosis';
    if (a.hasAttribute('data-takstvakt-code')) return `code:${a.getAttribute('data-takstvakt-code')!.toLowerCase()}`;
    return `page:${a.id || a.tagName.toLowerCase()}`;
  });

/**
 * The manifest commands (next-finding / previous-finding) move focus across the banner, the diagnosis
 * marker and the code markers in document order and wrap, fired by the browser (driver.command).
 */
export async function commandsMoveFocus(driver: Driver, server: FixtureServer, opts: { beforeCommand?: () => Promise<void> } = {}): Promise<void> {
  const tab = await driver.newTab();
  try {
    await openLinesWithoutDiagnosis(tab, server);
    const codes = await tab.evaluate(() => Array.from(document.querySelectorAll('[data-takstvakt-code]'), (h) => `code:${h.getAttribute('data-takstvakt-code')!.toLowerCase()}`));
    expect(codes.length).toBeGreaterThan(0);
    await tab.bringToFront();
    await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let now = await focusedFinding(tab);
    const step = async (name: string) => {
      const prev = now;
      await opts.beforeCommand?.();
      await driver.command(name, tab);
      const until = Date.now() + 5000;
      while ((now = await focusedFinding(tab)) === prev && Date.now() < until) await tab.wait(50);
      return now;
    };
    const order = ['banner', 'diagnosis', ...codes];
    const seen: string[] = [];
    for (let i = 0; i < order.length + 1; i++) seen.push(await step('next-finding'));
    expect(seen).toEqual([...order, 'banner']);
    const back: string[] = [];
    for (let i = 0; i < order.length; i++) back.push(await step('previous-finding'));
    expect(back).toEqual([...order.slice(1).reverse(), 'banner']);
    // From a field of the page: the next finding after it (the date field comes before the diagnosis).
    await tab.evaluate(() => (document.querySelector('#dato') as HTMLElement).focus());
    now = 'page:dato';
    expect(await step('next-finding')).toBe('diagnosis');
    // Focus moved, the card did not open (it opens on Enter), and the page's values are untouched.
    expect(await tab.evaluate(() => (document.querySelector('#diagnose') as HTMLInputElement).value)).toBe('');
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
}

/** The commands are in the manifest with their default shortcuts and a description in the user's language. */
export async function commandsInManifest(driver: Driver): Promise<void> {
  const all = await driver.ext(() => chrome.commands.getAll());
  const byName = Object.fromEntries(all.map((c) => [c.name, c]));
  expect(byName['next-finding']).toMatchObject({ shortcut: 'Alt+Shift+J' });
  expect(byName['previous-finding']).toMatchObject({ shortcut: 'Alt+Shift+K' });
  expect(byName['next-finding']!.description).toMatch(/\S/);
}

/** A page with no findings: the command moves nothing (focus stays in the page's field). */
export async function commandWithoutFindingsMovesNothing(driver: Driver, server: FixtureServer): Promise<void> {
  const tab = await driver.newTab();
  try {
    await tab.goto(server.url('linjer/index.html'));
    await tab.waitFor('[data-takstvakt-code]');
    // Fix the bill: remove 1bd, so nothing is left to mark.
    await tab.fill('input[name="takst-2"]', '');
    await tab.waitForFunction(() => !document.querySelector('[data-takstvakt-code]'));
    await tab.bringToFront();
    await tab.evaluate(() => (document.querySelector('#dato') as HTMLElement).focus());
    await driver.command('next-finding', tab);
    await tab.wait(500);
    expect(await focusedFinding(tab)).toBe('page:dato');
  } finally {
    await tab.close();
  }
}

/** The bill in an iframe (epj/iframe): the command reaches the frame's content script and focuses its marker. */
export async function commandReachesFrame(driver: Driver, server: FixtureServer): Promise<void> {
  const tab = await driver.newTab();
  try {
    await tab.goto(server.url('iframe/index.html'));
    const bill = await tab.frame('iframe#regning');
    await bill.waitFor('[data-takstvakt-code]');
    const want = await bill.evaluate(() => `code:${document.querySelector('[data-takstvakt-code]')!.getAttribute('data-takstvakt-code')!.toLowerCase()}`);
    await tab.bringToFront();
    expect(await focusedFinding(bill)).not.toBe(want);
    await driver.command('next-finding', tab);
    await bill.waitForFunction((w) => {
      const a = document.activeElement;
      return a?.hasAttribute('data-takstvakt-code') && `code:${a.getAttribute('data-takstvakt-code')!.toLowerCase()}` === w;
    }, want, 5000);
    expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
}

/** Teach mode's step, on its host (the panel itself is in a closed shadow root). */
const teachStep = (doc: Doc, want: string | null) =>
  doc.waitForFunction((w) => (document.querySelector('[data-takstvakt-teach]')?.getAttribute('data-takstvakt-teach') ?? null) === w, want, 10_000);

/** The adapter teaching test/fixtures/epj/laer by pointing stores (selectors only). */
export const LAER_ADAPTER = {
  kind: 'custom',
  region: '[data-testid="konsultasjon"]',
  code: '[data-testid="ytelse-kode"]',
  line: 'div.rad',
  count: '[data-testid="ytelse-antall"]',
  date: '[data-testid="konsultasjon-dato"]',
  time: '[data-testid="konsultasjon-tid"]',
  diagnosis: '[data-testid="konsultasjon-diagnose"]',
};

/** The laer screen on a site the clinic added with the generic adapter. */
async function openLaer(driver: Driver, server: FixtureServer): Promise<Tab> {
  await driver.ext((origin: string) => chrome.storage.sync.set({ 'settings:schemaVersion': 2, 'settings:sites': [{ origin, adapter: { kind: 'generic' }, enabled: true }] }), server.origin);
  const epj = await driver.newTab();
  // A URL of its own: the tab is found by URL, and another tab may show the same screen.
  await epj.goto(server.url(`/laer/index.html?tab=${Date.now()}`));
  await epj.waitFor('[data-testid="ytelse-kode"]');
  return epj;
}

/** The popup's "Lær Takstvakt denne skjermen" for `epj`'s tab (a real click): teach mode waits for the code cell. */
async function startTeaching(driver: Driver, epj: Tab): Promise<void> {
  const popup = await driver.openExtensionPage(`popup/popup.html?tab=${await tabIdOf(driver, epj.url())}`);
  await popup.waitFor('.teach button');
  expect(await popup.text('.teach button')).toBe('Lær Takstvakt denne skjermen');
  await popup.click('.teach button');
  await popup.waitForFunction(() => /Klikk på feltene på siden/.test(document.querySelector('.teach [role="status"]')?.textContent ?? ''));
  await popup.close();
  await epj.bringToFront();
  await teachStep(epj, 'code');
}

/**
 * While teaching, the page does not act on the IT person's clicks (its "Ny linje" adds no row), a click
 * the page makes up picks nothing, and Escape or "Avbryt" ends teach mode, after which the page works.
 */
export async function teachLeavesThePageAlone(driver: Driver, server: FixtureServer): Promise<void> {
  const epj = await openLaer(driver, server);
  const rows = () => epj.evaluate(() => document.querySelectorAll('.rad').length);
  try {
    await startTeaching(driver, epj);
    await epj.clickAt('[data-testid="ny-linje"]');
    expect(await rows()).toBe(2);
    await epj.clickAt('[data-testid="ny-linje"]'); // a second click takes the pick back
    await epj.keyboard.press('Escape');
    await teachStep(epj, null);
    await epj.clickAt('[data-testid="ny-linje"]');
    expect(await rows()).toBe(3);

    await startTeaching(driver, epj);
    await epj.evaluate(() => (document.querySelector('[data-testid="ytelse-kode"]') as HTMLElement).click());
    await epj.wait(300);
    expect(await epj.evaluate(() => document.querySelector('[data-takstvakt-teach]')?.getAttribute('data-takstvakt-teach'))).toBe('code');
    // Nothing picked, so the focused button is still "Avbryt".
    await epj.keyboard.press('Enter');
    await teachStep(epj, null);
    expect(epj.errors).toEqual([]);
  } finally {
    await epj.close();
  }
}

/**
 * Teaching a screen the generic adapter cannot read (epj/laer): the popup's "Lær Takstvakt denne
 * skjermen" starts it in the tab, trusted clicks pick the fields, Enter steps on and saves; only the
 * selectors are stored, and the page is then checked with them (2ad with 1bd marked).
 */
export async function teachByPointing(driver: Driver, server: FixtureServer, opts: { afterPick?: () => Promise<void> } = {}): Promise<void> {
  const stored = () => driver.ext(async () => (await chrome.storage.sync.get('settings:sites'))['settings:sites'] as Array<{ adapter: Record<string, string> }>);
  const epj = await openLaer(driver, server);
  try {
    await startTeaching(driver, epj);
    await epj.clickAt('.rad:nth-child(2) [data-testid="ytelse-kode"]');
    await opts.afterPick?.();
    // The pick took the click: the page's cell did not get focus.
    expect(await epj.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBeNull();
    await epj.keyboard.press('Enter'); // "Neste"
    await teachStep(epj, 'count');
    // One pick per field; each moves teach mode on to the next step.
    const picks: Array<[string, string]> = [
      ['.rad:nth-child(1) [data-testid="ytelse-antall"]', 'date'],
      ['[data-testid="konsultasjon-dato"]', 'time'],
      ['[data-testid="konsultasjon-tid"]', 'diagnosis'],
      ['[data-testid="konsultasjon-diagnose"]', 'review'],
    ];
    for (const [field, next] of picks) {
      await epj.clickAt(field);
      await opts.afterPick?.();
      await teachStep(epj, next);
    }
    expect(await stored()).toEqual([expect.objectContaining({ adapter: { kind: 'generic' } })]);
    await epj.keyboard.press('Enter'); // "Lagre"
    await teachStep(epj, 'saved');
    expect((await stored())[0]!.adapter).toEqual(LAER_ADAPTER);
    const everything = JSON.stringify(await driver.ext(async () => [await chrome.storage.sync.get(null), await chrome.storage.local.get(null)]));
    for (const secret of ['Virusinfeksjon', '13.03.2024', 'Kontroll om to uker', 'Kari Testpasient']) expect(everything).not.toContain(secret);
    const conflict = (l: MarkerInfo[]) => markerKeys(l).some((k) => k === '1bd:invalid-combination' || k === '2ad:invalid-combination');
    const seen = await waitForMarkers(epj, conflict, { what: 'the 2ad + 1bd conflict marked' });
    expect(markerKeys(seen).every((k) => /^(2ad|1bd):invalid-combination$/.test(k))).toBe(true);
    // The comment's 2ad is not read: no marker at the comment.
    const comment = await epj.evaluate(() => {
      const r = document.querySelector('[data-testid="konsultasjon-kommentar"]')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    expect(seen.every((m) => m.rect.top > comment.bottom || m.rect.bottom < comment.top)).toBe(true);
    // What the page's script reads with the taught selectors: "Test på åpen fane" sends ui:probe from
    // an extension page (a Chromium worker cannot message itself); it asks the site's first open tab,
    // so the caller leaves no other tab on the fixture server.
    const page = await driver.openExtensionPage('docs/rules/index.html');
    const read = async () => {
      const r = await page.evaluate((origin: string) => chrome.runtime.sendMessage({ type: 'ui:probe', payload: { origin } }), server.origin);
      const regions = (r as { ok: boolean; error?: string; value?: { result: { regions: Array<{ lines: Array<{ code: string; count: number }>; context: unknown }> } | null } }).value?.result?.regions;
      if (!regions?.[0]) throw new Error(`ui:probe read no region: ${JSON.stringify(r)}`);
      return regions[0];
    };
    const region = await read();
    expect(region.lines.map((l) => [l.code, l.count])).toEqual([['2ad', 1], ['1bd', 1]]);
    expect(region.context).toEqual({ date: '2024-03-13', time: '10:30', diagnoses: ['R74'] });
    // A line added later is read too: the selector names every line's code cell.
    await epj.keyboard.press('Escape');
    await teachStep(epj, null);
    await epj.click('[data-testid="ny-linje"]');
    await epj.click('.rad:nth-child(3) [data-testid="ytelse-kode"]');
    await epj.keyboard.type('701a');
    let codes: string[] = [];
    for (let i = 0; i < 50 && !codes.includes('701a'); i++) {
      if (i) await epj.wait(100);
      codes = (await read()).lines.map((l) => l.code);
    }
    expect(codes).toEqual(['2ad', '1bd', '701a']);
    await page.close();
    expect(epj.errors).toEqual([]);
  } finally {
    await epj.close();
  }
}
