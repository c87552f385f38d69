// The MV3 service worker is stopped by the browser whenever it likes. Stop it ourselves through the
// DevTools protocol (closing its target, as Chrome's own guide does) and check the next edit on a live
// EPJ page still validates, with the tab's state carried over in storage.session.
import type { Page } from 'playwright-core';
import { chromiumDriver, collectPageErrors, currentServiceWorker, expectTabStateKept, markerKeys, waitForMarkers, type FixtureServer, type Launched, useExtension } from './harness';

// jest's testTimeout is a global option (the e2e project's value is not applied per project).
jest.setTimeout(120_000);

let server: FixtureServer;
let x: Launched;

useExtension((s) => ({ server, ext: x } = s));

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

async function extensionWorkerTargets(): Promise<TargetInfo[]> {
  const { targetInfos } = (await x.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${x.extensionId}/`));
}

/**
 * Stops the worker by closing its target, after leaving a mark in its globals: a worker that answers
 * later without the mark is a new instance. (Playwright keeps one Worker object across the restart.)
 */
async function stopWorker(): Promise<void> {
  const worker = await currentServiceWorker(x.context, x.extensionId);
  await worker.evaluate(() => {
    (globalThis as { __takstvaktMark?: string }).__takstvaktMark = 'before-stop';
  });
  const targets = await extensionWorkerTargets();
  expect(targets).toHaveLength(1);
  await x.cdp.send('Target.closeTarget', { targetId: targets[0]!.targetId });
  const until = Date.now() + 5000;
  while ((await extensionWorkerTargets()).length > 0) {
    if (Date.now() > until) throw new Error('the service worker target did not go away');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function workerMark(): Promise<string | undefined> {
  const worker = await currentServiceWorker(x.context, x.extensionId);
  return worker.evaluate(() => (globalThis as { __takstvaktMark?: string }).__takstvaktMark);
}

async function tabIdOf(page: Page): Promise<number> {
  const worker = await currentServiceWorker(x.context, x.extensionId);
  const url = page.url();
  return worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab?.id ?? -1;
  }, url);
}

test('after the worker is stopped, the next edit wakes it and still validates; tab state survives', async () => {
  const page = x.page;
  const errors = collectPageErrors(page);
  await page.goto(server.url('fritekst/index.html'));
  await waitForMarkers(page, (l) => markerKeys(l).includes('2as:unknown-code'), { what: '2as unknown-code marker' });
  const tabId = await tabIdOf(page);
  expect(tabId).toBeGreaterThan(0);

  await stopWorker();
  expect(await extensionWorkerTargets()).toEqual([]);

  await page.fill('#takster', '2ad 1bd');
  const seen = await waitForMarkers(page, (l) => {
    const keys = markerKeys(l);
    return !keys.some((k) => k.startsWith('2as:')) && keys.some((k) => k.endsWith(':invalid-combination'));
  }, { what: 'invalid-combination after the worker restart' });
  expect(markerKeys(seen).every((k) => k.endsWith(':invalid-combination'))).toBe(true);

  // A new worker instance answered (the old one's mark is gone), and it sees the state the page's
  // checks left in storage.session.
  expect(await extensionWorkerTargets()).toHaveLength(1);
  expect(await workerMark()).toBeUndefined();
  await expectTabStateKept(chromiumDriver(x), tabId, 'invalid-combination', /1bd|2ad/);

  // And once more, stopped while idle between two edits.
  await stopWorker();
  await page.fill('#takster', '2ad 701a');
  await waitForMarkers(page, (l) => l.length === 0, { what: 'no markers once the bill is fixed' });
  expect(await workerMark()).toBeUndefined();
  expect(errors).toEqual([]);
});

test('storage.session keeps its default access level: content scripts cannot read it', async () => {
  const worker = await currentServiceWorker(x.context, x.extensionId);
  // setAccessLevel would be the only way to open it; the worker never calls it, so a content-script
  // read must fail. Ask the browser what a content script would get by injecting one.
  await x.page.goto(server.url('fritekst/index.html'));
  const tabId = await tabIdOf(x.page);
  const result = await worker.evaluate(async (id) => {
    const [r] = await chrome.scripting.executeScript({
      target: { tabId: id },
      world: 'ISOLATED',
      func: async () => {
        try {
          await chrome.storage.session.get(null);
          return 'readable';
        } catch (e) {
          return `refused: ${e instanceof Error ? e.message : String(e)}`;
        }
      },
    });
    return r?.result as string;
  }, tabId);
  expect(result).toMatch(/^refused: /);
});
