// Firefox runs the background as an event page that it unloads when idle (here after 1 s). Like
// Chromium's worker.test.ts: the next edit on a live EPJ page wakes it and still validates, and the
// tab's state is carried over in storage.session.
import { markerKeys, waitForMarkers } from '../lib/probes';
import { launchFirefox, type LaunchedFirefox } from '../lib/firefox';
import { serveFixtures, type FixtureServer } from '../lib/server';

jest.setTimeout(60_000);

let server: FixtureServer;
let ff: LaunchedFirefox;

beforeAll(async () => {
  server = await serveFixtures();
  ff = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1000 } });
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const BACKGROUND = '/_generated_background_page.html';

/** The running event page's window, seen from an extension page (getViews does not wake it). */
const backgroundView = () =>
  ff.driver.ext((path: string) => {
    const views = (chrome.extension as unknown as { getViews(): Window[] }).getViews();
    const bg = views.find((v) => v.location.pathname === path) as (Window & { __takstvaktMark?: string }) | undefined;
    return bg ? { mark: bg.__takstvaktMark ?? null } : null;
  }, BACKGROUND);

async function waitForSleep(): Promise<void> {
  const until = Date.now() + 15_000;
  while ((await backgroundView()) !== null) {
    if (Date.now() > until) throw new Error('the event page did not go to sleep');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('after the event page sleeps, the next edit wakes it and still validates; tab state survives', async () => {
  const page = await ff.driver.newTab();
  await page.goto(server.url('fritekst/index.html'));
  await waitForMarkers(page, (l) => markerKeys(l).includes('2as:unknown-code'), { what: '2as unknown-code marker' });
  // Leave a mark in the running instance: a page that answers later without it is a new one.
  await ff.driver.ext((path: string) => {
    const bg = (chrome.extension as unknown as { getViews(): Window[] }).getViews().find((v) => v.location.pathname === path);
    if (bg) (bg as Window & { __takstvaktMark?: string }).__takstvaktMark = 'before-sleep';
  }, BACKGROUND);

  await waitForSleep();

  await page.fill('#takster', '2ad 1bd');
  const seen = await waitForMarkers(page, (l) => {
    const keys = markerKeys(l);
    return !keys.some((k) => k.startsWith('2as:')) && keys.some((k) => k.endsWith(':invalid-combination'));
  }, { what: 'invalid-combination after the event page woke' });
  expect(markerKeys(seen).every((k) => k.endsWith(':invalid-combination'))).toBe(true);
  // A new instance answered: it runs, without the old one's mark.
  expect(await backgroundView()).toEqual({ mark: null });

  const state = await ff.driver.ext(async (url: string) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    const all = await chrome.storage.session.get(null);
    const regions = Object.entries(all).filter(([k]) => k.startsWith(`tab:${tab?.id}:r:`));
    const findings = regions.flatMap(([, v]) => (v as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule));
    return { findings, badge: await chrome.action.getBadgeText({ tabId: tab?.id }), local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) };
  }, server.url('fritekst/index.html'));
  expect(state.findings.length).toBeGreaterThan(0);
  expect(new Set(state.findings)).toEqual(new Set(['invalid-combination']));
  expect(state.badge).toBe(String(state.findings.length));
  // Page-derived data never goes to local or sync storage.
  expect(JSON.stringify(state.local)).not.toMatch(/1bd|2ad/);
  expect(JSON.stringify(state.sync)).not.toMatch(/1bd|2ad/);

  // And once more, asleep between two edits.
  await waitForSleep();
  await page.fill('#takster', '2ad 701a');
  await waitForMarkers(page, (l) => l.length === 0, { what: 'no markers once the bill is fixed' });
  expect(page.errors).toEqual([]);
  await page.close();
});
