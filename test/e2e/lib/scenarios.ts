// Scenarios shared by the Chromium and Firefox projects, written against the driver (lib/driver.ts):
// opening a demo screen and running its user steps, the per-screen suite (expected markers beside their
// fields, the fix, the scenarios, the page badge, privacy), and the popup's takst lookup.
import { boxesOf, expectMarkersBesideFields, type Box } from './geometry';
import type { Doc, Driver, Tab } from './driver';
import { badges, expectMarkers, hostFieldState, markers, waitForMarkers } from './probes';
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
