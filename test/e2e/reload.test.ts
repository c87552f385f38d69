// Reloading (or updating) the extension under a live EPJ page: the old content script stops cleanly,
// the page keeps working with no errors, and the new content script takes over the page.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { collectPageErrors, currentServiceWorker, launchWithExtension, markerKeys, serveFixtures, waitForMarkers, type FixtureServer, type Launched } from './harness';

// jest's testTimeout is a global option (the e2e project's value is not applied per project).
jest.setTimeout(120_000);

let server: FixtureServer;
let x: Launched;

let copy: string;

beforeAll(async () => {
  server = await serveFixtures();
  // Reloading reads the extension folder again: use a private copy, so a build running meanwhile in
  // the shared tree cannot hand the browser a half-written dist/chrome.
  copy = mkdtempSync(join(tmpdir(), 'takstvakt-reload-'));
  cpSync('dist/chrome', copy, { recursive: true });
  x = await launchWithExtension({ extensionPath: copy });
});

afterAll(async () => {
  await x?.close();
  await server?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Reloads the extension from its worker and waits for the new worker instance: the old one is marked,
 * and the reload is done once a worker answers without the mark. (Playwright keeps its Worker object
 * across the restart, so waiting for a `serviceworker` event would wait forever.)
 */
/**
 * Chromium disables a reloaded unpacked extension unless developer mode is on (disable reason
 * `unsupportedDeveloperExtension`; --load-extension only exempts the first load). Turn it on the way
 * the chrome://extensions toggle does.
 */
async function enableDeveloperMode(): Promise<void> {
  const page = await x.context.newPage();
  await page.goto('chrome://extensions');
  const error = await page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const dp = (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object, cb: () => void): void } }).developerPrivate;
        dp.updateProfileConfiguration({ inDeveloperMode: true }, () => resolve(chrome.runtime.lastError?.message ?? null));
      }),
  );
  await page.close();
  expect(error).toBeNull();
}

async function reloadExtension(): Promise<Worker> {
  await enableDeveloperMode();
  const old = await currentServiceWorker(x.context, x.extensionId);
  await old.evaluate(() => {
    (globalThis as { __takstvaktMark?: string }).__takstvaktMark = 'before-reload';
    // Later than this evaluation's reply: the worker dies inside runtime.reload().
    setTimeout(() => chrome.runtime.reload(), 50);
  });
  const until = Date.now() + 20_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const { targetInfos } = (await x.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const alive = targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${x.extensionId}/`));
    if (alive) {
      const worker = await currentServiceWorker(x.context, x.extensionId);
      const mark = await worker.evaluate(() => (globalThis as { __takstvaktMark?: string }).__takstvaktMark ?? null).catch(() => 'unreachable');
      if (mark === null) return worker;
    }
    if (Date.now() > until) throw new Error('no new service worker after runtime.reload()');
  }
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
