// The extension on every demo EPJ screen, in real Chromium: the right markers next to the right
// fields and only those; they go when the bill is fixed; host fields and layout untouched; no
// console errors; nothing private leaves the page. Expectations live in each screen's expected.json.
import {
  serveFixtures,
  launchWithExtension,
  launchPlain,
  loadScreens,
  openScreen,
  runSteps,
  expectMarkers,
  markers,
  badges,
  boxesOf,
  boxGap,
  hostFieldState,
  collectPageErrors,
  coveredHostContent,
  currentServiceWorker,
  normCode,
  type FixtureServer,
  type Launched,
  type Screen,
  type Scenario,
  type ExpectedMarker,
  type MarkerExpectation,
  type MarkerInfo,
  type Box,
} from './harness';
import type { BrowserContext, Frame, Page } from 'playwright-core';

// Real browser work: the e2e project's testTimeout is not applied per project by jest, so set it here.
jest.setTimeout(120_000);

const screens = loadScreens();
const bills = screens.filter((s) => !s.notABill);
const notBills = screens.filter((s) => s.notABill);

/** How far a marker may sit from its field (px): beside it, not somewhere else on the page. */
const MAX_GAP_X = 48;
const MAX_GAP_Y = 16;
/** Absence can only be asserted after giving the extension time to act. */
const SETTLE_MS = 1500;

let server: FixtureServer;
let ext: Launched;
let plain: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await serveFixtures();
  ext = await launchWithExtension();
  plain = await launchPlain();
});

afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await ext.context.newPage();
  errors = collectPageErrors(page);
});

afterEach(async () => {
  await page.close();
});

function expectationOf(s: MarkerExpectation): MarkerExpectation {
  return { markers: s.markers ?? [], anyOf: s.anyOf ?? [], optional: s.optional ?? [] };
}

function allEntries(s: MarkerExpectation): ExpectedMarker[] {
  return [...(s.markers ?? []), ...(s.anyOf ?? []).flat(), ...(s.optional ?? [])];
}

/** Brings the fields of the expected markers into view (the doctor is looking at them). */
async function scrollToFields(scope: Page | Frame, s: MarkerExpectation): Promise<void> {
  for (const entry of allEntries(s).slice(0, 1)) {
    const sel = Array.isArray(entry.near) ? entry.near : [entry.near];
    for (const one of sel) {
      const loc = scope.locator(one).first();
      if ((await loc.count()) > 0) {
        await loc.scrollIntoViewIfNeeded();
        break;
      }
    }
  }
}

/**
 * Each marker must sit beside (within MAX_GAP of) a field that holds its code, or beside another
 * marker of the same field (several codes in one field stack up), have a box, be the topmost
 * element at its own centre (not hidden under a dialog), and cover no host text or other control.
 */
async function expectMarkersBesideFields(scope: Page | Frame, s: MarkerExpectation): Promise<void> {
  const entries = allEntries(s);
  const deadline = Date.now() + 3000;
  let problems: string[] = [];
  // Polled: the overlay positions on the next frame after scroll or re-render.
  for (;;) {
    problems = [];
    const seen = await markers(scope);
    const pending: Array<{ m: MarkerInfo; near: string; anchors: Box[] }> = [];
    for (const m of seen) {
      const entry = entries.find((e) => normCode(e.code) === normCode(m.code) && m.rules.some((r) => e.rules.includes(r)));
      if (!entry) continue; // compareMarkers already reports unexpected ones.
      if (m.rect.width <= 0 || m.rect.height <= 0) problems.push(`${m.code}: marker has no box (${JSON.stringify(m.rect)})`);
      if (!['error', 'warning', 'info'].includes(m.severity)) problems.push(`${m.code}: severity "${m.severity}"`);
      if (m.inHostContent) problems.push(`${m.code}: marker host is inserted into host content`);
      else if (!(await isTopmost(scope, m))) problems.push(`${m.code}: marker is covered by another element at its centre`);
      const own = Array.isArray(entry.near) ? entry.near : [entry.near];
      const covered = await coveredHostContent(scope, m.rect, own);
      if (covered.length) problems.push(`${m.code}: marker covers host content: ${covered.join(', ')}`);
      pending.push({ m, near: JSON.stringify(entry.near), anchors: await boxesOf(scope, entry.near) });
    }
    // Fixpoint: a marker next to a field, or next to an accepted marker of the same field, is beside it.
    const isBeside = (a: Box, b: Box) => {
      const g = boxGap(a, b);
      return g.dx <= MAX_GAP_X && g.dy <= MAX_GAP_Y;
    };
    let changed = true;
    const accepted: typeof pending = [];
    while (changed) {
      changed = false;
      for (const p of pending.filter((x) => !accepted.includes(x))) {
        const stack = accepted.filter((a) => a.near === p.near).map((a) => a.m.rect);
        if ([...p.anchors, ...stack].some((b) => isBeside(p.m.rect, b))) {
          accepted.push(p);
          changed = true;
        }
      }
    }
    for (const p of pending.filter((x) => !accepted.includes(x))) {
      const gaps = p.anchors.map((f) => boxGap(p.m.rect, f));
      problems.push(`${p.m.code}: marker ${JSON.stringify(p.m.rect)} is not beside ${p.near} (gaps ${JSON.stringify(gaps)})`);
    }
    if (problems.length === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(problems).toEqual([]);
}

async function isTopmost(scope: Page | Frame, m: MarkerInfo): Promise<boolean> {
  const x = m.rect.left + m.rect.width / 2;
  const y = m.rect.top + m.rect.height / 2;
  return scope.evaluate(
    ({ x, y, code }) => {
      const hit = document.elementFromPoint(x, y);
      const host = hit?.closest('[data-takstvakt-code]');
      return !!host && host.getAttribute('data-takstvakt-code') === code;
    },
    { x, y, code: m.code },
  );
}

/** Field values and boxes of a screen in plain Chromium after `steps` (the baseline without Takstvakt). */
async function baseline(screen: Screen, steps: Scenario['steps'] = []): Promise<{ fields: string[]; layout: Box[] }> {
  const p = await plain.context.newPage();
  try {
    const scope = await openScreen(p, server, screen);
    await scrollToFields(scope, screen);
    await runSteps(scope, steps);
    return { fields: await hostFieldState(scope), layout: await layoutOf(scope) };
  } finally {
    await p.close();
  }
}

/** Boxes of the host's form controls: any layout shift caused by the overlay moves one of them. */
async function layoutOf(scope: Page | Frame): Promise<Box[]> {
  return boxesOf(scope, 'input, select, textarea, button, [contenteditable=true]');
}

function rounded(list: Box[]): string[] {
  return list.map((b) => [b.left, b.top, b.right, b.bottom].map((n) => Math.round(n)).join(','));
}

describe.each(bills.map((s) => [s.id, s] as [string, Screen]))('%s', (_id, screen) => {
  test('markers appear next to the right codes and only those; host fields and layout untouched', async () => {
    const scope = await openScreen(page, server, screen);
    await scrollToFields(scope, screen);
    await expectMarkers(scope, expectationOf(screen));
    await expectMarkersBesideFields(scope, screen);
    const before = await baseline(screen);
    expect(await hostFieldState(scope)).toEqual(before.fields);
    expect(rounded(await layoutOf(scope))).toEqual(rounded(before.layout));
    expect(errors).toEqual([]);
  });

  if (screen.fix) {
    const fix = screen.fix;
    test(`markers go when the bill is fixed: ${fix.what}`, async () => {
      const scope = await openScreen(page, server, screen);
      await scrollToFields(scope, screen);
      await expectMarkers(scope, expectationOf(screen));
      await runSteps(scope, fix.steps);
      await expectMarkers(scope, expectationOf(fix));
      // Still right a moment later (no flicker back, no late stale reply).
      await page.waitForTimeout(400);
      await expectMarkers(scope, expectationOf(fix), 1000);
      const after = await baseline(screen, fix.steps);
      expect(await hostFieldState(scope)).toEqual(after.fields);
      expect(errors).toEqual([]);
    });
  }

  for (const scenario of screen.scenarios) {
    test(`scenario: ${scenario.name}`, async () => {
      const scope = await openScreen(page, server, screen);
      await scrollToFields(scope, screen);
      await expectMarkers(scope, expectationOf(screen));
      await runSteps(scope, scenario.steps);
      await scrollToFields(scope, scenario);
      await expectMarkers(scope, expectationOf(scenario));
      await expectMarkersBesideFields(scope, scenario);
      expect(errors).toEqual([]);
    });
  }

  const wantBadge = screen.badge ?? 'checked';
  test(`the page badge says "${wantBadge}"`, async () => {
    const scope = await openScreen(page, server, screen);
    await expectMarkers(scope, expectationOf(screen));
    const states = async () => [...(await badges(page)), ...(scope === page ? [] : await badges(scope))].map((b) => b.state);
    const deadline = Date.now() + 10_000;
    while (!(await states()).includes(wantBadge) && Date.now() < deadline) await page.waitForTimeout(100);
    expect(await states()).toContain(wantBadge);
    if (wantBadge === 'checked') expect(await states()).not.toContain('unreadable');
  });

  test('no name, national id or other private text leaves the page', async () => {
    await installMessageSpy();
    // Content scripts log into the page's console: nothing private may show up there either.
    const consoleText: string[] = [];
    page.on('console', (msg) => consoleText.push(msg.text()));
    const scope = await openScreen(page, server, screen);
    await expectMarkers(scope, expectationOf(screen));
    const sent = await spiedMessages();
    // The spy must have seen the content script talk, or this test proves nothing.
    expect(sent.length).toBeGreaterThan(0);
    const stored = await (await currentServiceWorker(ext.context, ext.extensionId)).evaluate(async () =>
      JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
    );
    const leaks = screen.private.filter(
      (secret) => sent.some((m) => m.includes(secret)) || stored.includes(secret) || consoleText.some((t) => t.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });
});

describe.each(notBills.map((s) => [s.id, s] as [string, Screen]))('%s (not a bill)', (_id, screen) => {
  test('gets no markers and no "unreadable" badge', async () => {
    const scope = await openScreen(page, server, screen);
    await page.waitForTimeout(SETTLE_MS);
    expect(await markers(scope)).toEqual([]);
    expect((await badges(page)).map((b) => b.state)).not.toContain('unreadable');
    for (const scenario of screen.scenarios) {
      await runSteps(scope, scenario.steps);
      await page.waitForTimeout(SETTLE_MS / 2);
      expect(await markers(scope)).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});

/** Records, in the service worker, every message and port message the extension receives. */
async function installMessageSpy(): Promise<void> {
  await (await currentServiceWorker(ext.context, ext.extensionId)).evaluate(() => {
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

async function spiedMessages(): Promise<string[]> {
  return (await currentServiceWorker(ext.context, ext.extensionId)).evaluate(() => [...((globalThis as unknown as { __takstvaktSpy?: string[] }).__takstvaktSpy ?? [])]);
}
