// The popup in real Chromium (opened as a tab at chrome-extension://<id>/popup/popup.html): takst
// lookup by keyboard, and "Denne siden" for a demo EPJ screen checked by the content script.
import type { Page } from 'playwright-core';
import { waitForMarkers, normCode, chromiumDriver, popupLookup2fk, type FixtureServer, type Launched, useExtension } from './harness';

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

const popupUrl = (query = '') => `chrome-extension://${ext.extensionId}/popup/popup.html${query}`;

test('searching "2fk" by keyboard opens it with its legevakt and time conditions and the rule text', async () => {
  // Shared with the Firefox project (lib/scenarios.ts).
  await popupLookup2fk(chromiumDriver(ext));
});

test('a typo and a nynorsk spelling still find the takst', async () => {
  await page.goto(popupUrl());
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.waitForSelector('.tariff-switch select');
  await page.keyboard.type('sjukebesøk');
  await page.waitForFunction(() => [...document.querySelectorAll('[role="option"] .code')].some((e) => e.textContent === '11ad'));
  await page.fill('#search-input', '2kf');
  await page.waitForFunction(() => [...document.querySelectorAll('[role="option"] .code')].some((e) => e.textContent === '2fk'));
});

test('"Denne siden" shows the findings of an EPJ tab', async () => {
  const epj = await ext.context.newPage();
  await epj.goto(server.url('/piller/index.html'));
  const list = await waitForMarkers(epj, (l) => l.some((m) => normCode(m.code) === '701c'), { what: 'a marker on 701c' });
  const rules = list.find((m) => normCode(m.code) === '701c')!.rules;
  const [tab] = (await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), `${server.origin}/piller/*`)) as Array<{ id: number }>;
  expect(tab).toBeDefined();
  await page.goto(popupUrl(`?tab=${tab!.id}`));
  await page.click('#tab-page');
  await page.waitForSelector('.region .finding');
  const findings = await page.$$eval('.region .finding', (els) => els.map((e) => ({ rule: e.getAttribute('data-rule'), text: e.textContent ?? '' })));
  expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(rules));
  expect(findings.some((f) => f.text.includes('701c'))).toBe(true);
  await epj.close();
});

test('"Denne siden" says "delvis kontrollert" with the counts when a virtualised grid shows only some lines', async () => {
  const epj = await ext.context.newPage();
  await epj.goto(server.url('/aggrid-2000/index.html'));
  await epj.waitForSelector('[data-takstvakt-badge][data-takstvakt-state="partial"]', { state: 'attached', timeout: 20_000 });
  const [tab] = (await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), `${server.origin}/aggrid-2000/*`)) as Array<{ id: number }>;
  expect(tab).toBeDefined();
  await page.goto(popupUrl(`?tab=${tab!.id}`));
  await page.click('#tab-page');
  await page.waitForSelector('.region .partial');
  const text = (await page.textContent('.region .partial')) ?? '';
  const m = /^Delvis kontrollert: (\d+) av 2000 linjer lest – resten vises ikke på siden\.$/.exec(text.trim());
  expect(m).not.toBeNull();
  const read = Number(m![1]);
  // Only the rendered rows were read: some, not all, and as many as the region's line count.
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(2000);
  expect(await page.textContent('.region')).toContain(`${read} takster lest`);
  await epj.close();
});
