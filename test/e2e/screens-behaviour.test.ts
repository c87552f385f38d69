// Overlay behaviour on the demo EPJ beyond "which markers": host opt-out, markers that follow
// scroll and resize, and markers that leave the host's fields usable.
import {
  loadScreens,
  openScreen,
  expectMarkers,
  markers,
  boxesOf,
  boxGap,
  collectPageErrors,
  normCode,
  type FixtureServer,
  type Launched,
  type Screen, useExtension
} from './harness';
import type { Page } from 'playwright-core';

// Real browser work: the e2e project's testTimeout is not applied per project by jest, so set it here.
jest.setTimeout(120_000);

const screens = new Map(loadScreens().map((s) => [s.id, s] as [string, Screen]));
const screen = (id: string): Screen => {
  const s = screens.get(id);
  if (!s) throw new Error(`no fixture screen ${id}`);
  return s;
};

let server: FixtureServer;
let ext: Launched;
let page: Page;
let errors: string[];

useExtension((s) => ({ server, ext } = s));

beforeEach(async () => {
  page = await ext.context.newPage();
  errors = collectPageErrors(page);
});

afterEach(async () => {
  await page.close();
});

/** Gap between the marker for `code` and the field `selector`, in the current viewport. */
async function gapTo(code: string, selector: string): Promise<{ dx: number; dy: number } | null> {
  const m = (await markers(page)).find((x) => normCode(x.code) === code);
  const [field] = await boxesOf(page, selector);
  return m && field ? boxGap(m.rect, field) : null;
}

async function expectBeside(code: string, selector: string): Promise<void> {
  // The overlay repositions on the next frame; poll briefly.
  let gap: { dx: number; dy: number } | null = null;
  for (let i = 0; i < 30; i++) {
    gap = await gapTo(code, selector);
    if (gap && gap.dx <= 48 && gap.dy <= 16) return;
    await page.waitForTimeout(50);
  }
  expect({ code, selector, gap, beside: false }).toEqual({ code, selector, gap, beside: true });
}

test('data-takstvakt="off" on an ancestor turns the extension off for that region', async () => {
  // Set before the content script runs (document_idle), as a host page would in its markup.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => document.getElementById('regning')?.setAttribute('data-takstvakt', 'off'));
  });
  await openScreen(page, server, screen('linjer'));
  await page.waitForTimeout(1500);
  expect(await markers(page)).toEqual([]);
  // Still off after an edit that would otherwise add a marker.
  await page.fill('#linje-3 input.kode', '612b');
  await page.waitForTimeout(800);
  expect(await markers(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('markers follow the field when the page scrolls and when the window is resized', async () => {
  const s = screen('stress');
  await openScreen(page, server, s);
  await page.locator('#linje-1500 input.kode').scrollIntoViewIfNeeded();
  await expectMarkers(page, s);
  await expectBeside('612b', '#linje-1500 input.kode');
  await page.mouse.wheel(0, 240);
  await page.waitForTimeout(100);
  await expectBeside('612b', '#linje-1500 input.kode');
  await page.setViewportSize({ width: 900, height: 640 });
  await page.locator('#linje-1500 input.kode').scrollIntoViewIfNeeded();
  await expectBeside('612b', '#linje-1500 input.kode');
  expect(errors).toEqual([]);
});

test('a marked field stays clickable and typeable at its text', async () => {
  const s = screen('linjer');
  await openScreen(page, server, s);
  await expectMarkers(page, s);
  const hit = await page.evaluate(() => {
    const field = document.querySelector('#linje-2 input.kode') as HTMLInputElement;
    const r = field.getBoundingClientRect();
    return document.elementFromPoint(r.left + 8, r.top + r.height / 2) === field;
  });
  expect(hit).toBe(true);
  // Type at the start like a user; every keystroke must land in the host field.
  await page.click('#linje-2 input.kode', { position: { x: 6, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.type('X');
  expect(await page.inputValue('#linje-2 input.kode')).toBe('X1bd');
  expect(errors).toEqual([]);
});

test('markers of the iframe screen live in the iframe, none in the top window', async () => {
  const s = screen('iframe');
  const scope = await openScreen(page, server, s);
  await expectMarkers(scope, s);
  expect(await markers(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the extension fires no events into the page and does not move focus', async () => {
  // Counted in the page's own world from before any script runs.
  await page.addInitScript(() => {
    const w = window as unknown as { __hostEvents: string[] };
    w.__hostEvents = [];
    for (const type of ['input', 'change', 'focus', 'blur', 'keydown', 'click', 'submit']) {
      window.addEventListener(type, (e) => w.__hostEvents.push(`${type}:${(e.target as Element)?.id || (e.target as Element)?.nodeName}`), true);
    }
  });
  const s = screen('linjer');
  // No user action at all: whatever fires from here on comes from the extension.
  await openScreen(page, server, s);
  await expectMarkers(page, s);
  await page.waitForTimeout(1500);
  const seen = await page.evaluate(() => ({
    events: (window as unknown as { __hostEvents: string[] }).__hostEvents,
    focused: document.activeElement?.nodeName ?? null,
  }));
  expect(seen).toEqual({ events: [], focused: 'BODY' });
  expect(errors).toEqual([]);
});

/** Page text (not ours) under a box: the text nodes whose client rects overlap it. */
async function pageTextUnder(rect: { left: number; top: number; right: number; bottom: number }): Promise<string[]> {
  return page.evaluate((r) => {
    const hits: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const b of Array.from(range.getClientRects())) {
        if (b.right > r.left && b.left < r.right && b.bottom > r.top && b.top < r.bottom) hits.push(n.textContent.trim());
      }
    }
    return hits;
  }, rect);
}

test('a marker on a table cell sits in the cell after its text and covers no page text', async () => {
  await openScreen(page, server, screen('regninger'));
  await expectMarkers(page, screen('regninger'));
  const seen = await markers(page);
  expect(seen.length).toBeGreaterThan(0);
  for (const m of seen) expect({ code: m.code, covered: await pageTextUnder(m.rect) }).toEqual({ code: m.code, covered: [] });
});

test("an opened finding card is drawn above every other marker", async () => {
  await openScreen(page, server, screen('linjer'));
  await expectMarkers(page, screen('linjer'));
  const first = (await markers(page)).find((m) => normCode(m.code) === '2ad');
  expect(first).toBeDefined();
  await page.mouse.click(first!.rect.left + 5, first!.rect.top + 5);
  // The card opens below the marker; whatever is topmost across its area must be this marker's host.
  const owners = await page.evaluate((r) => {
    const out = new Set<string>();
    for (let dy = 24; dy <= 120; dy += 16) {
      for (let dx = 4; dx <= 300; dx += 24) {
        const hit = document.elementFromPoint(r.left + dx, r.bottom + dy);
        const code = hit?.getAttribute('data-takstvakt-code');
        if (code) out.add(code);
      }
    }
    return [...out];
  }, first!.rect);
  expect(owners).toEqual(['2ad']);
  expect(errors).toEqual([]);
});
