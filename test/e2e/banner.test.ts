// Issue 12 §1: findings that name no code (here: the bill has no diagnosis) get a banner at the billing
// region and a marker on the diagnosis field, in real Chromium: the test contract attributes, the page
// badge counting them, no shift of the host's layout, reachable and opened by keyboard, and axe-core
// finds no serious or critical violation in the banner and its card.
import type { Page } from 'playwright-core';
import { bannerCardByKeyboard, bannerIgnoreOnce, bannerOnEmptyDiagnosis, chromiumDriver, coveredHostContent, markers, useExtensionPage, type FixtureServer, type Launched } from './harness';
import { axeInClosedRoots, inClosedRoots } from './lib/closed-roots';

jest.setTimeout(120_000);

const t = useExtensionPage();
let server: FixtureServer;
let ext: Launched;
let page: Page;
let errors: string[];
beforeEach(() => ({ server, ext, page, errors } = t));

const BANNER = '[data-takstvakt-banner]';

/** Every element box of the page's body, to compare before and after the banner came. */
const bodyRects = (p: Page) =>
  p.evaluate(() => Array.from(document.body.querySelectorAll('*'), (el) => {
    const r = el.getBoundingClientRect();
    return `${el.tagName}#${el.id}:${r.left},${r.top},${r.width},${r.height}`;
  }));

const badgeErrors = (p: Page) => p.evaluate(() => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors') ?? NaN));

/** Opens the lines screen and waits until it is checked (the 2ad + 1bd marker is there). */
async function openLines(): Promise<void> {
  await page.goto(server.url('linjer/index.html'));
  await page.waitForSelector('[data-takstvakt-code]', { state: 'attached' });
  await page.waitForSelector('[data-takstvakt-badge]', { state: 'attached' });
}

test('an empty diagnosis: one banner at the bill naming diagnosis-required, a marker on the diagnosis field, counted on the badge, no layout shift', async () => {
  await openLines();
  expect(await page.locator(BANNER).count()).toBe(0);
  const errorsBefore = await badgeErrors(page);
  const before = await bodyRects(page);

  await page.fill('#diagnose', '');
  const banner = page.locator(BANNER);
  await banner.waitFor({ state: 'attached' });
  expect(await banner.count()).toBe(1);
  expect((await banner.getAttribute('data-takstvakt-rules'))!.split(' ')).toContain('diagnosis-required');
  expect(await banner.getAttribute('data-takstvakt-severity')).toBe('error');
  // Outside host content, on <html>, with a closed root the page cannot open.
  expect(await page.evaluate((sel) => {
    const h = document.querySelector(sel)!;
    return { parent: h.parentElement?.tagName, open: h.shadowRoot !== null, tag: h.tagName };
  }, BANNER)).toEqual({ parent: 'HTML', open: false, tag: 'SPAN' });

  // The diagnosis field gets its own marker, beside the field.
  const diag = page.locator('[data-takstvakt-field="diagnosis"]');
  await diag.waitFor({ state: 'attached' });
  expect(await diag.getAttribute('data-takstvakt-rule')).toBe('diagnosis-required');
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-takstvakt-field="diagnosis"]')!.getBoundingClientRect();
    const f = document.querySelector('#diagnose')!.getBoundingClientRect();
    return m.width > 0 && Math.abs(m.top + m.height / 2 - (f.top + f.height / 2)) < 12 && Math.max(0, m.left - f.right, f.left - m.right) < 48;
  });
  // Code markers are unchanged (the diagnosis marker is not a code marker).
  expect((await markers(page)).every((m) => m.code !== '')).toBe(true);

  // Counted once on the page badge (banner and diagnosis marker show the same finding).
  await page.waitForFunction((n) => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors')) === n, errorsBefore + 1);

  // The banner sits at the bill: its left edge at the form's, just outside its top or bottom edge
  // (above would cover the patient line here, so below), on screen, covering no text or control.
  await page.waitForFunction((sel) => {
    const b = document.querySelector(sel)!.getBoundingClientRect();
    const f = document.querySelector('#regning')!.getBoundingClientRect();
    const beside = (b.bottom <= f.top + 1 && f.top - b.bottom < 12) || (b.top >= f.bottom - 1 && b.top - f.bottom < 12);
    return b.width > 0 && Math.abs(b.left - Math.max(0, f.left)) < 2 && beside && b.bottom <= innerHeight;
  }, BANNER);
  const box = (await page.locator(BANNER).boundingBox())!;
  expect(await coveredHostContent(page, { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height }, [], true)).toEqual([]);
  // It lists the finding with its fix.
  const [text] = await inClosedRoots<string>(page, 'data-takstvakt-banner', 'function () { return this.querySelector("ul").textContent; }');
  expect(text).toContain('Regningen har ingen diagnose');
  expect(text).toContain('Slik retter du: Legg til en sykdomsdiagnose');

  // Nothing of the host moved, and the field keeps the doctor's (empty) value.
  expect(await bodyRects(page)).toEqual(before);
  expect(await page.inputValue('#diagnose')).toBe('');

  // Fixed: banner and diagnosis marker go, the badge count goes back.
  await page.fill('#diagnose', 'R74');
  await page.waitForSelector(BANNER, { state: 'detached' });
  await page.waitForSelector('[data-takstvakt-field="diagnosis"]', { state: 'detached' });
  await page.waitForFunction((n) => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors')) === n, errorsBefore);
  expect(errors).toEqual([]);
});

// The keyboard scenarios are shared with Firefox (lib/scenarios.ts, firefox/features.test.ts).
test('the banner is reached by Tab, opens its card on Enter (what, fix, why), closes on Esc; axe finds no serious violation', async () => {
  await bannerCardByKeyboard(chromiumDriver(ext), server, {
    // The scenario's tab is the newest page; axe-core runs there while the card is open.
    whileOpen: async () => {
      const open = ext.context.pages().at(-1)!;
      expect(await open.locator(BANNER).count()).toBe(1);
      const serious = (await axeInClosedRoots(open, 'data-takstvakt-banner')).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious).toEqual([]);
      const seriousMarker = (await axeInClosedRoots(open, 'data-takstvakt-field')).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(seriousMarker).toEqual([]);
    },
  });
});

test('"Ignorer denne gangen" in the banner\'s card (Enter, by keyboard) hides the whole-bill finding on this page: banner and diagnosis marker go', async () => {
  await bannerIgnoreOnce(chromiumDriver(ext), server);
});

test('the shared scenario (also run in Firefox): the banner\'s contract without layout shift', async () => {
  await bannerOnEmptyDiagnosis(chromiumDriver(ext), server);
});
