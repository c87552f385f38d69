// Issue 12 §7 and §8 in real Chromium: the popup search ranks what GPs type and finds merknader, never
// shows "0 treff" while loading; dates and tariff versions read as people write them; settings messages
// are Norwegian and name the field; "Les mer" opens a Norwegian help page; a site the browser has not
// granted (as policy pushes them) says so, with a button to grant it.
import type { CDPSession, Page } from 'playwright-core';
import { waitForMarkers, normCode, type FixtureServer, type Launched, useExtension } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
let page: Page;

useExtension((s) => ({ server, ext } = s));

beforeEach(async () => {
  page = await ext.context.newPage();
});
afterEach(async () => {
  await page.close();
});

const url = (path: string) => `chrome-extension://${ext.extensionId}/${path}`;

/** The result codes for a query, once the list shows results for it. */
async function results(q: string): Promise<string[]> {
  await page.fill('#search-input', q);
  await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 0);
  return page.$$eval('[role="option"] .code', (els) => els.map((e) => (e.textContent ?? '').trim()));
}

test('§7 search: e-konsultasjon/ekonsultasjon -> 2ae first, konsultasjn -> 2ad in the top 3, merknader D1/B1/"merknad A1", no placeholders', async () => {
  await page.goto(url('popup/popup.html'));
  await page.waitForSelector('.tariff-switch select');
  expect((await results('e-konsultasjon'))[0]).toBe('2ae');
  expect((await results('ekonsultasjon'))[0]).toBe('2ae');
  expect((await results('konsultasjn')).slice(0, 3)).toContain('2ad');
  expect((await results('B1'))[0]).toBe('Merknad B1');
  expect((await results('merknad A1'))[0]).toBe('Merknad A1');
  expect((await results('D1'))[0]).toBe('Merknad D1');
  const first = (await page.textContent('[role="option"]')) ?? '';
  expect(first).toContain('Kveldstakster');
  expect(first).toContain('2fk');
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.merknad h2');
  expect(await page.textContent('article.merknad h2')).toBe('Merknad D1');
  await page.click('article.merknad .code-list a:text-is("2fk")');
  await page.waitForFunction(() => document.querySelector('article.takst h2')?.textContent?.startsWith('2fk'));
  await page.keyboard.press('Escape');
  await page.waitForSelector('article.merknad h2');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  for (const q of ['tillegg', 'sykebesøk', 'konsultasjon']) {
    await results(q);
    const labels = await page.$$eval('[role="option"] .label', (els) => els.map((e) => e.textContent ?? ''));
    expect({ q, placeholders: labels.filter((l) => /ikke hentet/.test(l)) }).toEqual({ q, placeholders: [] });
  }
});

test('§7 a cold popup never says "0 treff" while its index loads; the first result is the code typed', async () => {
  // A stopped service worker, and the query typed as soon as the field exists.
  await ext.cdp.send('ServiceWorker.enable').catch(() => undefined);
  await ext.cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
  await page.goto(url('popup/popup.html'), { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __statuses: string[] }).__statuses = []);
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"], .empty, .loading')) seen.push(el.textContent ?? '');
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.fill('#search-input', '2ad');
  await page.waitForFunction(() => document.querySelector('[role="option"] .code')?.textContent === '2ad');
  const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  expect(statuses.filter((s) => /^0 treff$/.test(s.trim()))).toEqual([]);
});

test('§8 tariff versions by name and dates as 13.03.2024 in the popup', async () => {
  await page.goto(url('popup/popup.html'));
  await page.waitForSelector('.tariff-switch select');
  expect(await page.$$eval('.tariff-switch option', (os) => os.map((o) => o.textContent))).toContain('Normaltariffen 2023-24');
  // The popup opens on the version for today; choose 2023-24 by its name.
  await page.selectOption('.tariff-switch select', { label: 'Normaltariffen 2023-24' });
  expect(await results('2ad')).toContain('2ad');
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.takst .provenance');
  const provenance = (await page.textContent('article.takst .provenance')) ?? '';
  expect(provenance).toContain('Normaltariffen 2023-24, gyldig 01.07.2023 – 30.06.2024');
  expect(provenance).not.toMatch(/fastlege-20\d\d-20\d\d|\d{4}-\d{2}-\d{2}/);
});

test('§8 a refused settings file: Norwegian messages that name the field', async () => {
  await page.goto(url('options/options.html'));
  await page.waitForSelector('#clinic-h');
  await page.setInputFiles('section[aria-labelledby="backup-h"] input[type="file"]', {
    name: 'innstillinger.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 2, clinic: { setting: 'sykehus' }, user: { turnus: 'ja' } })),
  });
  const alert = (await (await page.waitForSelector('section[aria-labelledby="backup-h"] [role="alert"]')).textContent()) ?? '';
  expect(alert).toContain('Arbeidssted (clinic.setting): må være en av: fastlege, legevakt, spesialist');
  expect(alert).toContain('Turnuslege / LIS1 (user.turnus): må være true eller false');
  expect(alert).not.toMatch(/Invalid input|must be/);
});

test('§8 a site the browser has not granted (as policy pushes them) says so, with a button to grant it', async () => {
  const ungranted = 'https://epj.ikke-gitt.test';
  await ext.serviceWorker.evaluate(async (origin) => {
    await chrome.storage.sync.set({ 'settings:schemaVersion': 2, 'settings:sites': [{ origin, adapter: { kind: 'generic' }, enabled: true }] });
  }, ungranted);
  await page.goto(url('options/options.html'));
  await page.waitForSelector(`table.sites th:has-text("${ungranted}")`);
  const row = page.locator('table.sites tr', { hasText: ungranted });
  await row.locator('.access').waitFor();
  expect(await row.locator('.access').textContent()).toContain('ikke gitt');
  expect(await row.locator(`button[aria-label="Gi tilgang til ${ungranted}"]`).count()).toBe(1);
  // The popup on that site offers the grant too.
  await page.goto(url(`popup/popup.html?url=${encodeURIComponent(`${ungranted}/regning`)}`));
  await page.waitForSelector('.site-bar');
  expect(await page.textContent('.site-bar')).toContain('nettleseren har ikke gitt Takstvakt tilgang');
  expect(await page.locator('.site-bar button', { hasText: 'Gi tilgang' }).count()).toBe(1);
  // A site neither added nor granted: the popup offers to check it (the permission prompt follows the click).
  await page.goto(url(`popup/popup.html?url=${encodeURIComponent('https://ny.klinikk.test/regning')}`));
  await page.waitForSelector('.site-bar');
  expect(await page.textContent('.site-bar')).toContain('Takstvakt kontrollerer ikke https://ny.klinikk.test ennå');
  expect(await page.locator('.site-bar button', { hasText: 'Kontroller dette nettstedet' }).count()).toBe(1);
  await ext.serviceWorker.evaluate(() => chrome.storage.sync.clear());
});

/** The content script's isolated world in a page (CDP), to send what a marker's "Les mer" sends. */
async function contentWorld(p: Page): Promise<{ session: CDPSession; contextId: number }> {
  const session = await ext.context.newCDPSession(p);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  session.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await session.send('Runtime.enable');
  const own = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(ext.extensionId)) ?? contexts.find((c) => c.auxData?.type === 'isolated');
  if (!own) throw new Error(`no isolated world among ${JSON.stringify(contexts)}`);
  return { session, contextId: own.id };
}

test('§8 "Les mer" on a marker opens the rule\'s Norwegian help page inside the extension', async () => {
  await page.goto(server.url('/linjer/index.html'));
  await page.fill('#klokkeslett', '17:30');
  await page.fill('input[name="takst-1"]', '2fk');
  const list = await waitForMarkers(page, (l) => l.some((m) => normCode(m.code) === '2fk'), { what: 'a marker on 2fk' });
  const rule = list.find((m) => normCode(m.code) === '2fk')!.rules[0]!;
  const { session, contextId } = await contentWorld(page);
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/help/'), timeout: 10_000 });
  await session.send('Runtime.evaluate', {
    contextId,
    expression: `chrome.runtime.sendMessage({ type: 'cs:open-docs', payload: { rule: ${JSON.stringify(rule)} } })`,
    awaitPromise: true,
  });
  const help = await opened;
  await help.waitForLoadState();
  expect(help.url()).toBe(url(`help/nb/${rule}.html`));
  expect(await help.getAttribute('html', 'lang')).toBe('nb');
  const body = (await help.textContent('main')) ?? '';
  expect(body).toContain('Hva regelen kontrollerer');
  expect(body).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  // The developer page stays one link away.
  expect(await help.getAttribute('a[href$=".html"][lang="en"]', 'href')).toBe(`../../docs/rules/${rule}.html`);
  await help.close();
  await session.detach();
});
