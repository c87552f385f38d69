// Privacy: the extension makes no network request. Every request of the service worker and of the
// pages is recorded through the DevTools protocol while the extension checks a demo EPJ screen and
// while the popup and the settings page are open.
import type { CDPSession, Page } from 'playwright-core';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentServiceWorker, markerKeys, waitForMarkers, type FixtureServer, type Launched, useExtension } from './harness';

// jest's testTimeout is a global option (the e2e project's value is not applied per project).
jest.setTimeout(120_000);

let server: FixtureServer;
let x: Launched;

useExtension((s) => ({ server, ext: x } = s));

/** Records the URL of every request a page issues (Network domain on the page's own target). */
interface RequestEvent {
  request: { url: string };
  type?: string;
  initiator: { type: string; url?: string; stack?: { callFrames: Array<{ url: string }> } };
}

/** Script URLs that caused a request (the initiator's stack), to tell the extension's requests apart. */
function initiatorUrls(e: RequestEvent): string[] {
  return [e.initiator.url ?? '', ...(e.initiator.stack?.callFrames ?? []).map((f) => f.url)].filter(Boolean);
}

/** Requests the browser itself makes for any page (favicon, inline data: images of date/time inputs). */
function isBrowserOwn(e: RequestEvent, origin: string): boolean {
  if (e.request.url.startsWith('data:')) return true;
  return e.request.url === `${origin}/favicon.ico` && e.initiator.type === 'other';
}

async function recordPage(page: Page): Promise<{ urls: string[]; events: RequestEvent[]; session: CDPSession }> {
  const session = await x.context.newCDPSession(page);
  const urls: string[] = [];
  const events: RequestEvent[] = [];
  session.on('Network.requestWillBeSent', (e: RequestEvent) => {
    events.push(e);
    urls.push(e.request.url);
  });
  await session.send('Network.enable');
  return { urls, events, session };
}

/**
 * Records the service worker's requests: the browser-level session attaches to the worker target and
 * talks to it through Target.sendMessageToTarget (Playwright has no page object for a worker).
 */
async function recordWorker(): Promise<string[]> {
  const { targetInfos } = (await x.cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${x.extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await x.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  const urls: string[] = [];
  let enabled: () => void = () => undefined;
  const ready = new Promise<void>((r) => (enabled = r));
  x.cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; method?: string; params?: { request?: { url: string } } };
    if (msg.id === 1) enabled();
    if (msg.method === 'Network.requestWillBeSent' && msg.params?.request) urls.push(msg.params.request.url);
  });
  await x.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });
  await ready;
  return urls;
}

const fixtureRoot = resolve('test/fixtures/epj');
/** A request the demo page makes itself: one of its own files on the fixture server. */
function isFixtureFile(url: string): boolean {
  if (!url.startsWith(`${server.origin}/`)) return false;
  const file = join(fixtureRoot, decodeURIComponent(new URL(url).pathname));
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
}

test('no network request from the worker, the content script, the popup or the settings page', async () => {
  const workerUrls = await recordWorker();
  const page = await x.context.newPage();
  const pageRec = await recordPage(page);
  await page.goto(server.url('fritekst/index.html'));
  await waitForMarkers(page, (l) => markerKeys(l).includes('2as:unknown-code'));
  await page.fill('#takster', '2ad 1bd 2cd x2');
  await waitForMarkers(page, (l) => markerKeys(l).some((k) => k.endsWith(':invalid-combination')));

  const uiUrls: string[] = [];
  for (const path of ['popup/popup.html', 'options/options.html']) {
    const ui = await x.context.newPage();
    const rec = await recordPage(ui);
    await ui.goto(`chrome-extension://${x.extensionId}/${path}`);
    await ui.waitForLoadState('load');
    // Let the page settle and talk to the worker.
    await ui.waitForTimeout(500);
    uiUrls.push(...rec.urls);
    await ui.close();
  }

  // The worker that handled all of this is the one being watched.
  const worker = await currentServiceWorker(x.context, x.extensionId);
  expect(worker).toBe(x.serviceWorker);
  expect(workerUrls).toEqual([]);
  // The EPJ page loaded its own files and nothing else; no request came from the extension's scripts.
  expect(pageRec.urls.length).toBeGreaterThan(0);
  expect(pageRec.events.filter((e) => !isBrowserOwn(e, server.origin) && !isFixtureFile(e.request.url)).map((e) => e.request.url)).toEqual([]);
  expect(pageRec.events.filter((e) => initiatorUrls(e).some((u) => u.startsWith('chrome-extension://'))).map((e) => e.request.url)).toEqual([]);
  // Extension pages load only the extension's own files.
  expect(uiUrls.length).toBeGreaterThan(0);
  expect(uiUrls.filter((u) => !u.startsWith(`chrome-extension://${x.extensionId}/`))).toEqual([]);
  await page.close();
});
