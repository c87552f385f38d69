// Reloading (or updating) the extension under a live EPJ page: the old content script stops cleanly,
// the page keeps working with no errors, and the new content script takes over the page.
import type { Worker } from 'playwright-core';
import { collectPageErrors, currentServiceWorker, launchWithExtension, markerKeys, serveFixtures, waitForMarkers, type FixtureServer, type Launched } from './harness';

// jest's testTimeout is a global option (the e2e project's value is not applied per project).
jest.setTimeout(120_000);

let server: FixtureServer;
let x: Launched;

beforeAll(async () => {
  server = await serveFixtures();
  x = await launchWithExtension();
});

afterAll(async () => {
  await x?.close();
  await server?.close();
});

async function reloadExtension(): Promise<Worker> {
  const old = await currentServiceWorker(x.context, x.extensionId);
  const next = x.context.waitForEvent('serviceworker', { predicate: (w) => w !== old && w.url().startsWith(`chrome-extension://${x.extensionId}/`), timeout: 20_000 });
  // The worker dies inside this call, so its evaluation may never answer.
  await old.evaluate(() => setTimeout(() => chrome.runtime.reload(), 0));
  return next;
}

test('reload under a live page: the page keeps working, no errors, and the new content script checks it', async () => {
  const page = x.page;
  const errors = collectPageErrors(page);
  await page.goto(server.url('fritekst/index.html'));
  await waitForMarkers(page, (l) => markerKeys(l).includes('2as:unknown-code'), { what: 'markers before the reload' });

  const worker = await reloadExtension();
  expect(worker.url()).toBe(`chrome-extension://${x.extensionId}/background.js`);

  // The host page is untouched and still usable: its own form, fields and script work as before.
  expect(await page.inputValue('#takster')).toBe('2as 2cd x2 701a');
  await page.fill('#notat', 'Kontroll etter reload.');
  expect(await page.inputValue('#notat')).toBe('Kontroll etter reload.');
  await page.click('button[type=submit]');
  expect(page.url()).toBe(server.url('fritekst/index.html'));

  // An edit after the reload is checked by the new content script, and the old one left no stale marker.
  await page.fill('#takster', '2ad 1bd');
  const seen = await waitForMarkers(page, (l) => l.length > 0 && markerKeys(l).every((k) => k.endsWith(':invalid-combination')), {
    what: 'invalid-combination from the new content script only',
  });
  const codes = new Set(seen.map((m) => m.code.toLowerCase()));
  expect([...codes].every((c) => c === '2ad' || c === '1bd')).toBe(true);
  // One marker per offending code: not two (an old and a new content script) for the same code.
  expect(seen.length).toBe(new Set(seen.map((m) => `${m.code.toLowerCase()}|${m.rules.join(' ')}`)).size);
  expect(errors).toEqual([]);
});
