// Accessibility of the popup and the settings page in real Chromium: axe-core finds no serious or
// critical violation in any view, every control has a name, and both pages work by keyboard alone.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';

jest.setTimeout(120_000);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let ext: Launched;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
});

beforeEach(async () => {
  page = await ext.context.newPage();
});

afterEach(async () => {
  await page.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core over the whole document. Evaluated through DevTools, so the extension page's CSP does not block it. */
async function axe(p: Page): Promise<Violation[]> {
  await p.evaluate(AXE);
  return p.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

async function expectNoSeriousViolations(p: Page, view: string): Promise<void> {
  const serious = (await axe(p)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ view, serious }).toEqual({ view, serious: [] });
}

/** Every enabled control has an accessible name (axe checks this too; this says which one failed). */
async function unnamedControls(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href], [role="option"], [role="tab"]')]
      .filter((el) => !(el as HTMLInputElement).disabled)
      .filter((el) => {
        const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length || (el.textContent ?? '').trim();
        return !labelled;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

const popupUrl = () => `chrome-extension://${ext.extensionId}/popup/popup.html`;
const optionsUrl = () => `chrome-extension://${ext.extensionId}/options/options.html`;

test('popup: search, a takst and "Denne siden" have no serious axe violations and no unnamed control', async () => {
  await page.goto(popupUrl());
  await page.waitForSelector('.tariff-switch select');
  await expectNoSeriousViolations(page, 'popup empty');
  await page.keyboard.type('konsultasjon');
  await page.waitForSelector('[role="option"]');
  await expectNoSeriousViolations(page, 'popup results');
  expect(await unnamedControls(page)).toEqual([]);
  await page.fill('#search-input', '2ad');
  await page.waitForFunction(() => document.querySelector('[role="option"] .code')?.textContent === '2ad');
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.takst .facts');
  await expectNoSeriousViolations(page, 'popup takst 2ad');
  expect(await unnamedControls(page)).toEqual([]);
  await page.click('#tab-page');
  await page.waitForSelector('.page h2');
  await expectNoSeriousViolations(page, 'popup this page');
});

test('popup by keyboard alone: type, arrows, Enter, a link by Tab, Esc back, tabs by arrows', async () => {
  await page.goto(popupUrl());
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.waitForSelector('.tariff-switch select');
  await page.keyboard.type('2a');
  await page.waitForSelector('[role="option"]');
  await page.keyboard.press('ArrowDown');
  const active = await page.getAttribute('#search-input', 'aria-activedescendant');
  const code = await page.textContent(`#${active} .code`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => document.querySelector('article.takst h2')?.textContent?.startsWith(c ?? ''), code);
  // Focus moves to the heading (in an effect after the details render); Tab reaches the code links,
  // Enter follows one.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2', undefined, { timeout: 5000 });
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  let link: string | null = null;
  for (let i = 0; i < 40 && !link; i++) {
    await page.keyboard.press('Tab');
    link = await page.evaluate(() => (document.activeElement?.closest('.code-list') ? document.activeElement.textContent : null));
  }
  expect(link).not.toBeNull();
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => document.querySelector('article.takst h2')?.textContent?.startsWith(c ?? ''), link);
  await page.keyboard.press('Escape');
  await page.waitForFunction((c) => document.querySelector('article.takst h2')?.textContent?.startsWith(c ?? ''), code);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  // The tab list: Shift+Tab from the field reaches the tabs; ArrowRight switches to "Denne siden".
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-search');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.id === 'tab-page' && document.activeElement.getAttribute('aria-selected') === 'true');
});

test('settings page: no serious axe violations, no unnamed control, every control reachable by Tab', async () => {
  await page.goto(optionsUrl());
  await page.waitForSelector('#clinic-h');
  await page.waitForSelector('section[aria-labelledby="tariff-h"] input[name="tariff-active"]');
  await expectNoSeriousViolations(page, 'options');
  expect(await unnamedControls(page)).toEqual([]);
  // Show the custom adapter fields and an error list too.
  await page.check('input[name="adapter-kind"] >> nth=1');
  await page.click('text=Lagre nettsted og gi tilgang');
  await page.waitForSelector('section[aria-labelledby="sites-h"] [role="alert"]');
  await expectNoSeriousViolations(page, 'options with custom adapter and errors');
  expect(await unnamedControls(page)).toEqual([]);

  // Tab from the top visits every enabled control (radio groups count once, as the browser does).
  const expected = await page.evaluate(() => {
    const seen = new Set<string>();
    const keys: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')) {
      if ((el as HTMLInputElement).disabled || el.tabIndex < 0) continue;
      const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 80);
      if (!seen.has(key)) keys.push(key);
      seen.add(key);
    }
    return keys;
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let i = 0; i < expected.length + 10; i++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 80);
      }),
    );
  }
  expect(expected.filter((k) => !reached.has(k))).toEqual([]);
});

test('settings page by keyboard alone: choose legevakt with arrows in the radio group', async () => {
  await page.goto(optionsUrl());
  await page.waitForSelector('#clinic-h');
  // Nothing is preselected on a fresh profile (issue 12 §2): Tab lands on the group's first radio.
  expect(await page.locator('input[name="clinic-setting"]:checked').count()).toBe(0);
  await page.focus('input[name="clinic-setting"]');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('.options > .status')?.textContent === 'Lagret.');
  expect(await page.isChecked('input[name="clinic-setting"][value="legevakt"]')).toBe(true);
});

// Issue 12: the first-run setup, the popup's site bar with its profile switch, and a rule's help page.
test('setup page, popup site bar and help page: no serious axe violations, no unnamed control', async () => {
  await page.goto(`chrome-extension://${ext.extensionId}/options/setup.html`);
  await page.waitForSelector('#setup-practice-h');
  await expectNoSeriousViolations(page, 'setup');
  expect(await unnamedControls(page)).toEqual([]);
  await page.check('input[name="setup-setting"][value="legevakt"]');
  await page.waitForSelector('#setup-oncall');
  await page.fill('#setup-origin', 'ikke en adresse');
  await page.click('text=Gi tilgang og legg til');
  await page.waitForSelector('section[aria-labelledby="setup-site-h"] [role="alert"]');
  await expectNoSeriousViolations(page, 'setup with legevakt and an error');
  expect(await unnamedControls(page)).toEqual([]);

  // A site in settings the popup's tab belongs to: the profile switch (and, not granted, the grant button).
  await ext.serviceWorker.evaluate(async () => {
    await chrome.storage.sync.set({ 'settings:schemaVersion': 2, 'settings:sites': [{ origin: 'http://127.0.0.1:9', adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'legevakt', onCall: 'home' } }] });
  });
  await page.goto(`chrome-extension://${ext.extensionId}/popup/popup.html?url=${encodeURIComponent('http://127.0.0.1:9/regning')}`);
  await page.waitForSelector('#site-profile-oncall');
  await expectNoSeriousViolations(page, 'popup with the profile switch');
  expect(await unnamedControls(page)).toEqual([]);
  await page.goto(`chrome-extension://${ext.extensionId}/popup/popup.html?url=${encodeURIComponent('https://ny.klinikk.test/')}`);
  await page.waitForSelector('.site-bar button');
  await expectNoSeriousViolations(page, 'popup on a site not checked');
  await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
  await page.waitForSelector('table.sites .profile-fields');
  await expectNoSeriousViolations(page, 'options with a site profile');
  expect(await unnamedControls(page)).toEqual([]);
  await ext.serviceWorker.evaluate(() => chrome.storage.sync.clear());

  await page.goto(`chrome-extension://${ext.extensionId}/help/nb/time-window.html`);
  await expectNoSeriousViolations(page, 'help page');
});
