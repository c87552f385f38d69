// The settings page in real Chromium: the clinic profile changes what the content script reports on
// a demo EPJ screen; a bad settings file is refused with nothing changed; an official takstkoder file
// is previewed, stored on confirming without being pinned, and the popup finds its codes.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { waitForMarkers, normCode, type FixtureServer, type Launched, useExtension } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
let page: Page;

useExtension((s) => ({ server, ext } = s));

beforeEach(async () => {
  page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
  await page.waitForSelector('#clinic-h');
});

afterEach(async () => {
  await page.close();
});

const stored = (key: string) => ext.serviceWorker.evaluate(async (k) => (await chrome.storage.sync.get(k))[k], key);

/** The page says "Lagret." once the background has stored a change. */
async function saved(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.options > .status')?.textContent === 'Lagret.');
}

const clinicSelect = 'section[aria-labelledby="clinic-h"] select';

test('switching the clinic to legevakt (hjemmevakt) changes the findings on a demo EPJ screen', async () => {
  const epj = await ext.context.newPage();
  await epj.goto(server.url('/linjer/index.html'));
  // A first-patient call-out at 17:30 on a Wednesday: 2fk is a legevakt takst.
  await epj.fill('#klokkeslett', '17:30');
  await epj.fill('input[name="takst-1"]', '2fk');
  await epj.fill('input[name="takst-2"]', '');
  await epj.fill('input[name="takst-3"]', '');
  const asFastlege = await waitForMarkers(epj, (l) => l.some((m) => normCode(m.code) === '2fk' && m.rules.includes('setting')), { what: '2fk marked for the fastlege setting' });
  expect(asFastlege.length).toBeGreaterThan(0);

  await page.bringToFront();
  await page.check('input[name="clinic-setting"][value="legevakt"]');
  await saved();
  await page.selectOption(clinicSelect, 'home');
  await page.waitForFunction(async () => ((await chrome.storage.sync.get('settings:clinic'))['settings:clinic'] as { onCall?: string } | undefined)?.onCall === 'home');
  expect(await stored('settings:clinic')).toMatchObject({ setting: 'legevakt', onCall: 'home' });

  // The doctor's next edit is checked with the new profile.
  await epj.bringToFront();
  await epj.fill('#klokkeslett', '17:35');
  await waitForMarkers(epj, (l) => !l.some((m) => normCode(m.code) === '2fk' && m.rules.includes('setting')), { what: 'the setting marker on 2fk gone' });

  // Tilstedevakt forbids 2fk again.
  await page.bringToFront();
  await page.selectOption(clinicSelect, 'presence');
  await page.waitForFunction(async () => ((await chrome.storage.sync.get('settings:clinic'))['settings:clinic'] as { onCall?: string } | undefined)?.onCall === 'presence');
  await epj.bringToFront();
  await epj.fill('#klokkeslett', '17:40');
  await waitForMarkers(epj, (l) => l.some((m) => normCode(m.code) === '2fk' && m.rules.includes('setting')), { what: '2fk marked again under tilstedevakt' });
  await epj.close();
});

test('importing an invalid settings file shows the error and changes nothing', async () => {
  await page.check('input[name="clinic-setting"][value="spesialist"]');
  await saved();
  const before = await stored('settings:clinic');
  await page.setInputFiles('section[aria-labelledby="backup-h"] input[type="file"]', {
    name: 'innstillinger.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, clinic: { setting: 'sykehus', holidayEveStart: '25:00' } })),
  });
  const alert = await page.waitForSelector('section[aria-labelledby="backup-h"] [role="alert"]');
  const text = (await alert.textContent()) ?? '';
  expect(text).toContain('clinic.setting');
  expect(text).toContain('avvist');
  expect(await stored('settings:clinic')).toEqual(before);
  expect(await page.isChecked('input[name="clinic-setting"][value="spesialist"]')).toBe(true);
});

test('an official takstkoder file: bad rows are listed and nothing changes; a good file is previewed, then stored (not pinned) and the popup finds its codes', async () => {
  const tariffInput = 'section[aria-labelledby="tariff-h"] input[type="file"]';
  await page.setInputFiles(tariffInput, resolve('test/fixtures/takstkoder/bad-rows.json'));
  const alert = await page.waitForSelector('section[aria-labelledby="tariff-h"] [role="alert"] tbody tr');
  expect(await alert.evaluate((tr) => tr.closest('table')!.querySelectorAll('tbody tr').length)).toBeGreaterThan(0);
  expect(await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('tariffs:imported'))['tariffs:imported'] ?? [])).toEqual([]);

  await page.setInputFiles(tariffInput, resolve('test/fixtures/takstkoder/valid-2024-07-01.json'));
  // Previewed first (coverage against the version in use), stored only on "Ta i bruk".
  await page.waitForSelector('[data-testid="tariff-coverage"]');
  expect(await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('tariffs:imported'))['tariffs:imported'] ?? [])).toEqual([]);
  await page.click('text=Ta i bruk');
  await page.waitForFunction(() => document.querySelector('section[aria-labelledby="tariff-h"] > .status')?.textContent?.startsWith('Importert'));
  // Importing never pins a version (issue 7): bills pick theirs by date.
  expect(((await stored('settings:tariff')) as { active?: string } | undefined)?.active ?? 'by-date').toBe('by-date');

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup/popup.html`);
  // Bundled later years (2024-25 ... 2026-27) may cover today, so the popup opens on one of those; the
  // imported year is offered next to them and, chosen, its own rows are shown.
  await popup.waitForSelector('.tariff-switch select option[value="takstkoder-2024-2025"]', { state: 'attached' });
  await popup.selectOption('.tariff-switch select', 'takstkoder-2024-2025');
  // 2aef of the imported 2024-2025 file, with Helsedirektoratet as its source.
  await popup.fill('#search-input', '2aef');
  await popup.waitForFunction(() => document.querySelector('[role="option"] .code')?.textContent === '2aef');
  await popup.keyboard.press('Enter');
  await popup.waitForSelector('article.takst .provenance');
  expect(await popup.textContent('article.takst .provenance')).toContain('Helsedirektoratet');
  await popup.close();
});

test('adding the demo EPJ site, then "test on the open tab" shows what the content script read and where', async () => {
  const epj = await ext.context.newPage();
  await epj.goto(server.url('/linjer/index.html'));
  await page.bringToFront();
  await page.fill('section[aria-labelledby="sites-h"] input[type="url"]', server.origin);
  await page.click('text=Lagre nettsted og gi tilgang');
  await page.waitForSelector(`table.sites th:has-text("${server.origin}")`);
  await page.click(`button[aria-label="Test på åpen fane: ${server.origin}"]`);
  await page.waitForSelector('.probe tbody tr');
  const rows = await page.$$eval('.probe tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ['2ad', '1'],
    ['1bd', '1'],
    ['701a', '1'],
  ]);
  // "Where": each code names the field it was read from.
  for (const r of rows) expect(r[2]).not.toBe('');
  const probe = (await page.textContent('.probe')) ?? '';
  // Issue 12 §8: dates as 13.03.2024 where a person reads them.
  expect(probe).toContain('13.03.2024');
  expect(probe).toContain('10:15');
  // No patient data in what the probe shows.
  expect(probe).not.toContain('Kari Testpasient');
  expect(probe).not.toContain('01017012345');
  await epj.close();
});

test('"test on the open tab" reads a bill that lives in a same-origin iframe', async () => {
  const epj = await ext.context.newPage();
  await epj.goto(server.url('/iframe/index.html'));
  // Site added by the previous test (same profile); wait until the frame's script has found the bill.
  await epj.frameLocator('iframe#regning').locator('body').waitFor();
  await page.bringToFront();
  await page.click(`button[aria-label="Test på åpen fane: ${server.origin}"]`);
  await page.waitForFunction(() => (document.querySelector('.probe tbody')?.textContent ?? '').includes('612b'));
  const rows = await page.$$eval('.probe tbody tr', (trs) => trs.map((tr) => (tr.querySelector('td')?.textContent ?? '').trim()));
  expect(rows).toEqual(['2ad', '2cd', '612b']);
  await epj.close();
});
