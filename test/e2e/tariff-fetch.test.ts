// "Hent gjeldende takster" end to end in Chromium against a 127.0.0.1 stand-in for the takstkoder API
// (the demo/test build's CSP adds loopback; the store build's does not). A bill dated today is first
// checked against the bundled data (the year covering it) and the page badge says so; the settings page asks for the
// API origin only on the click, shows the coverage and the changes, stores nothing until "Ta i bruk",
// and then bills of today are checked against the fetched version - without pinning it.
import type { Page } from 'playwright-core';
import { type FixtureServer, type Launched, useExtension } from './harness';
import { serveTakstkoder, type TakstkoderServer } from '../support/takstkoder-server';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
let api: TakstkoderServer;

useExtension((s) => ({ server, ext } = s));
beforeAll(async () => {
  api = await serveTakstkoder({ lifetimeMs: 110_000 });
});
afterAll(() => api.close());

/** Today as the browser (Europe/Oslo) sees it. */
const osloToday = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

const badgeTariff = (epj: Page) => epj.evaluate(() => document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-tariff') ?? null);

test('fetch in the settings page: permission on click, coverage and changes, used for bills of that date after confirming', async () => {
  const today = osloToday();
  const epj = await ext.context.newPage();
  await epj.goto(server.url('/linjer/index.html'));
  await epj.fill('#dato', today);
  // No official version covers today: the badge says which bundled data the bill was checked against
  // (the bundled year covering today, or the latest bundled one, 2026-27).
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
  const bundledYear = Math.min(Math.max(year, 2023), 2026);
  const bundledYears = `${bundledYear}-${String(bundledYear + 1).slice(2)}`;
  await epj.waitForFunction((y) => document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-tariff') === y, bundledYears);

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options/options.html#tariff-fetch`);
  await options.waitForSelector('#tariff-fetch');
  // Record every permission request the page makes (the real API answers; only counted here).
  await options.evaluate(() => {
    const w = window as unknown as { asked: string[][] };
    w.asked = [];
    const real = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = ((p: chrome.permissions.Permissions) => {
      w.asked.push(p.origins ?? []);
      return real(p);
    }) as typeof chrome.permissions.request;
  });
  const section = options.locator('#tariff-fetch');
  await section.locator('input[type="url"]').fill(api.endpoint('ok'));
  await section.getByRole('button', { name: 'Lagre adressen' }).click();
  await options.waitForFunction((origin) => document.querySelector('#tariff-fetch .hint')?.textContent?.includes(origin), api.origin);
  expect(await options.evaluate(() => (window as unknown as { asked: string[][] }).asked)).toEqual([]);
  expect(api.requests).toHaveLength(0);

  await section.getByRole('button', { name: 'Hent gjeldende takster' }).click();
  await options.waitForSelector('#tariff-preview-h');
  expect(await options.evaluate(() => (window as unknown as { asked: string[][] }).asked)).toEqual([[`${api.origin}/*`]]);
  expect(api.requests.map((r) => r.query)).toEqual([{ fagomraade: 'LE', gyldigdato: today }]);
  expect(await options.textContent('#tariff-preview-h')).toBe(`Før Takstkoder fra Helsedirektoratet ${year}–${year + 1} tas i bruk`);
  expect(await options.textContent('[data-testid="tariff-coverage"]')).toMatch(new RegExp(`^Filen har \\d+ av 18[78] takster i Normaltariffen ${bundledYears}, Takstvakts delvise data \\(fastlege\\) .*\\(3026 takster i filen\\)\\.$`));
  const diff = (await options.textContent('[data-testid="tariff-diff"]')) ?? '';
  expect(diff).toContain('Nye takster (');
  expect(diff).toMatch(/2ad: .*egenandel \d+ kr → \d+ kr/);
  // Nothing is stored before the clinic says so.
  const imported = () => ext.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('tariffs:imported'))['tariffs:imported'] as Array<{ id: string }> | undefined)?.map((v) => v.id) ?? []);
  expect(await imported()).toEqual([]);

  await options.getByRole('button', { name: 'Ta i bruk' }).click();
  await options.waitForFunction(() => document.querySelector('section[aria-labelledby="tariff-h"] > .status')?.textContent?.startsWith('Importert'));
  expect(await imported()).toEqual([`takstkoder-${year}-${year + 1}`]);
  // Importing pins nothing: the version is chosen by the bill's date.
  const active = await ext.serviceWorker.evaluate(async () => ((await chrome.storage.sync.get('settings:tariff'))['settings:tariff'] as { active?: string } | undefined)?.active ?? 'by-date');
  expect(active).toBe('by-date');

  // The open bill is checked again (the worker rescans on the import) against the fetched version.
  await epj.bringToFront();
  await epj.waitForFunction(() => !document.querySelector('[data-takstvakt-badge]')?.hasAttribute('data-takstvakt-tariff'));
  expect(await badgeTariff(epj)).toBeNull();
  // A bill from 2024 is still checked against the bundled 2023-24 data, and says so.
  await epj.fill('#dato', '2024-03-13');
  await epj.waitForFunction(() => document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-tariff') === '2023-24');
  // The only requests to the API were the settings page's one fetch.
  expect(api.requests).toHaveLength(1);
  await options.close();
  await epj.close();
});
