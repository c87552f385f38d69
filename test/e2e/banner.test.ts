// Issue 12 §1: findings that name no code (here: the bill has no diagnosis) get a banner at the billing
// region and a marker on the diagnosis field, in real Chromium: the test contract attributes, the page
// badge counting them, no shift of the host's layout, reachable and opened by keyboard, and axe-core
// finds no serious or critical violation in the banner and its card.
import type { Page } from 'playwright-core';
import { bannerOnEmptyDiagnosis, bannerReachedByTab, chromiumDriver, coveredHostContent, markers, useExtensionPage, type FixtureServer, type Launched } from './harness';
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

test('the banner is reached by Tab, opens its card on Enter (what, fix, why), closes on Esc; axe finds no serious violation', async () => {
  await openLines();
  await page.fill('#diagnose', '');
  await page.waitForSelector(BANNER, { state: 'attached' });
  await page.waitForSelector('[data-takstvakt-field="diagnosis"]', { state: 'attached' });
  // Tab from the page's last control: our hosts follow the page's content.
  await page.focus('button.primær');
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, BANNER);
  }
  expect(reached).toBe(true);
  const cardState = () => inClosedRoots<{ hidden: boolean; expanded: string | null; text: string }>(page, 'data-takstvakt-banner', 'function () { const c = this.querySelector("[role=dialog]"); return { hidden: c.hidden, expanded: this.querySelector("button").getAttribute("aria-expanded"), text: c.textContent }; }');
  expect((await cardState())[0]!.hidden).toBe(true);
  await page.keyboard.press('Enter');
  const [open] = await cardState();
  expect(open).toMatchObject({ hidden: false, expanded: 'true' });
  expect(open!.text).toContain('Regningen har ingen diagnose');
  expect(open!.text).toContain('Slik retter du');
  expect(open!.text).toContain('Hvorfor');

  const serious = (await axeInClosedRoots(page, 'data-takstvakt-banner')).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious).toEqual([]);
  const seriousMarker = (await axeInClosedRoots(page, 'data-takstvakt-field')).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(seriousMarker).toEqual([]);

  await page.keyboard.press('Escape');
  expect((await cardState())[0]).toMatchObject({ hidden: true, expanded: 'false' });
  expect(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, BANNER)).toBe(true);
  expect(errors).toEqual([]);
});

test('"Ignorer denne gangen" in the banner\'s card (Enter, by keyboard) hides the whole-bill finding on this page: banner and diagnosis marker go', async () => {
  await openLines();
  const errorsBefore = await badgeErrors(page);
  await page.fill('#diagnose', '');
  await page.waitForSelector(BANNER, { state: 'attached' });
  await page.waitForFunction((n) => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors')) === n, errorsBefore + 1);
  await page.focus('button.primær');
  for (let i = 0; i < 12 && !(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, BANNER)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // Past the card's 300 ms guard; then Tab to the button: close, "Les mer", "Ignorer denne gangen".
  await page.waitForTimeout(400);
  const focusedText = () => inClosedRoots<string>(page, 'data-takstvakt-banner', 'function () { return this.activeElement ? this.activeElement.textContent : ""; }');
  for (let i = 0; i < 6 && (await focusedText())[0] !== 'Ignorer denne gangen'; i++) await page.keyboard.press('Tab');
  expect((await focusedText())[0]).toBe('Ignorer denne gangen');
  await page.keyboard.press('Enter');
  await page.waitForSelector(BANNER, { state: 'detached' });
  await page.waitForSelector('[data-takstvakt-field="diagnosis"]', { state: 'detached' });
  await page.waitForFunction((n) => Number(document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-errors')) === n, errorsBefore);
  // Only that finding: the code markers stay, and the doctor's empty diagnosis is untouched.
  expect((await markers(page)).length).toBeGreaterThan(0);
  expect(await page.inputValue('#diagnose')).toBe('');
  expect(errors).toEqual([]);
});

test('the shared scenarios (also run in Firefox): the banner\'s contract without layout shift, and reached by Tab', async () => {
  await bannerOnEmptyDiagnosis(chromiumDriver(ext), server);
  await bannerReachedByTab(chromiumDriver(ext), server);
});
