// Issue 12 §6 in real Chromium: a screen the generic adapter cannot read (test/fixtures/epj/laer: React,
// unlabeled contenteditable div cells, no takst word) is taught from the popup's "Lær Takstvakt denne
// skjermen" with real, trusted clicks; the page does not act on them while teaching; an untrusted click
// picks nothing; Escape cancels; "Lagre" stores selectors only, and the page then shows the right markers
// (those two scenarios are shared with Firefox: lib/scenarios.ts, firefox/features.test.ts).
import type { Page } from 'playwright-core';
import { chromiumDriver, markers, teachByPointing, teachLeavesThePageAlone, type FixtureServer, type Launched, useExtension } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
useExtension((s) => ({ server, ext } = s));

const storedSites = () => ext.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings:sites'))['settings:sites']);
const tabIdOf = async (url: string) => ((await ext.serviceWorker.evaluate((u) => chrome.tabs.query({ url: u }), url)) as Array<{ id: number }>)[0]!.id;
async function openPopup(tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup/popup.html?tab=${tabId}`);
  return popup;
}

let epj: Page;
beforeAll(async () => {
  await ext.serviceWorker.evaluate((origin) => chrome.storage.sync.set({ 'settings:schemaVersion': 2, 'settings:sites': [{ origin, adapter: { kind: 'generic' }, enabled: true }] }), server.origin);
  epj = await ext.context.newPage();
});

beforeEach(async () => {
  await epj.goto(server.url('/laer/index.html'));
  await epj.waitForSelector('[data-testid="ytelse-kode"]');
});

test('the generic adapter reads nothing on this screen', async () => {
  // "Test på åpen fane" loads the full script with the site's (generic) adapter and asks what it reads.
  const popup = await openPopup(await tabIdOf(epj.url()));
  const probe = (await popup.evaluate((origin) => chrome.runtime.sendMessage({ type: 'ui:probe', payload: { origin } }), server.origin)) as {
    ok: boolean;
    value: { result: { regions: Array<{ lines: unknown[] }> } | null };
  };
  await popup.close();
  expect(probe.ok).toBe(true);
  expect(probe.value.result?.regions.flatMap((r) => r.lines)).toEqual([]);
  expect(await markers(epj)).toEqual([]);
});

// The shared scenarios (also run in Firefox, lib/scenarios.ts): each opens its own tab of the screen, so
// this file's tab leaves the site first ("Test på åpen fane" asks the site's first open tab).
test('Escape cancels; an untrusted click picks nothing; the page does not act on clicks while teaching', async () => {
  await epj.goto('about:blank');
  await teachLeavesThePageAlone(chromiumDriver(ext), server);
});

test('teaching by pointing saves selectors only, and the page then marks 2ad with 1bd', async () => {
  await epj.goto('about:blank');
  await teachByPointing(chromiumDriver(ext), server);
});

test('the settings page exports the taught adapter as one JSON file and imports one; a bad file names its field and changes nothing', async () => {
  const sitesBefore = (await storedSites()) as Array<{ adapter: Record<string, string> }>;
  expect(sitesBefore[0]!.adapter.kind).toBe('custom');
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
  const row = options.locator('table.sites tbody tr').first();
  // The file's text as the page hands it to the download (the browser's download folder is not ours to read).
  await options.evaluate(() => {
    const own = URL.createObjectURL.bind(URL);
    const seen: Blob[] = [];
    (window as unknown as { seenBlobs: Blob[] }).seenBlobs = seen;
    URL.createObjectURL = (b: Blob | MediaSource) => (seen.push(b as Blob), own(b));
  });
  const [download] = await Promise.all([options.waitForEvent('download'), row.getByRole('button', { name: `Eksporter feltene for ${server.origin}` }).click()]);
  expect(download.suggestedFilename()).toBe(`takstvakt-adapter-127.0.0.1-${new URL(server.origin).port}.json`);
  const text = await options.evaluate(() => (window as unknown as { seenBlobs: Blob[] }).seenBlobs[0]!.text());
  const exported = JSON.parse(text) as { format: string; adapter: Record<string, string> };
  expect(exported).toEqual({ format: 'takstvakt-adapter', version: 1, epj: server.origin, adapter: sitesBefore[0]!.adapter });

  const importText = async (text: string) => row.locator('input[type=file]').setInputFiles({ name: 'adapter.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // An empty code selector: refused in the page, the field named in Norwegian.
  await importText(JSON.stringify({ ...exported, adapter: { ...exported.adapter, code: '' } }));
  await row.locator('.issues').waitFor();
  expect(await row.locator('.issues').textContent()).toContain('Takstfelt (selektor) (adapter.code): kan ikke være tom');
  expect(await storedSites()).toEqual(sitesBefore);
  // A selector the browser rejects: refused by the background on saving; nothing changes.
  await importText(JSON.stringify({ ...exported, adapter: { ...exported.adapter, code: 'div::before' } }));
  await options.waitForFunction(() => /div::before/.test(document.querySelector('table.sites .issues')?.textContent ?? ''));
  expect(await storedSites()).toEqual(sitesBefore);
  // Another clinic's file for the same EPJ: taken as this site's adapter.
  const other = { kind: 'custom', region: '[data-testid="konsultasjon"]', code: '[data-testid="ytelse-kode"]' };
  await importText(JSON.stringify({ format: 'takstvakt-adapter', version: 1, epj: 'Testjournal 4.2', adapter: other }));
  await row.getByText(`Feltene for ${server.origin} er importert.`).waitFor();
  expect(((await storedSites()) as Array<{ adapter: unknown }>)[0]!.adapter).toEqual(other);
  await options.close();
});
