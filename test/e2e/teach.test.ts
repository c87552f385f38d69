// Issue 12 §6 in real Chromium: a screen the generic adapter cannot read (test/fixtures/epj/laer: React,
// unlabeled contenteditable div cells, no takst word) is taught from the popup's "Lær Takstvakt denne
// skjermen" with real, trusted clicks; the page does not act on them while teaching; an untrusted click
// picks nothing; Escape cancels; "Lagre" stores selectors only, and the page then shows the right markers.
import type { Page } from 'playwright-core';
import { chromiumDriver, markerKeys, markers, probeTab, teachByPointing, teachLeavesThePageAlone, waitForMarkers, type FixtureServer, type Launched, useExtension } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
useExtension((s) => ({ server, ext } = s));

const storedSites = () => ext.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings:sites'))['settings:sites']);
const tabIdOf = async (url: string) => ((await ext.serviceWorker.evaluate((u) => chrome.tabs.query({ url: u }), url)) as Array<{ id: number }>)[0]!.id;
/** Teach mode's step, on its host (the panel itself is in a closed shadow root). */
const step = (p: Page) => p.evaluate(() => document.querySelector('[data-takstvakt-teach]')?.getAttribute('data-takstvakt-teach') ?? null);
const rows = (p: Page) => p.locator('.rad').count();

async function waitStep(p: Page, want: string | null): Promise<void> {
  await p.waitForFunction((w) => (document.querySelector('[data-takstvakt-teach]')?.getAttribute('data-takstvakt-teach') ?? null) === w, want, { timeout: 10_000 });
}

/** A real mouse click at the middle of the element (trusted, as the IT person's). */
async function pointAt(p: Page, selector: string): Promise<void> {
  const box = (await p.locator(selector).first().boundingBox())!;
  await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup/popup.html?tab=${tabId}`);
  return popup;
}

async function startTeaching(epj: Page): Promise<void> {
  const popup = await openPopup(await tabIdOf(epj.url()));
  await popup.click('button:has-text("Lær Takstvakt denne skjermen")');
  await popup.waitForSelector('text=Klikk på feltene på siden');
  await popup.close();
  await epj.bringToFront();
  await waitStep(epj, 'code');
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

test('Escape cancels; an untrusted click picks nothing; the page does not act on clicks while teaching', async () => {
  await startTeaching(epj);
  // The page's own "Ny linje" button does nothing while teaching (the click is taken in the capture phase).
  await pointAt(epj, '[data-testid="ny-linje"]');
  expect(await rows(epj)).toBe(2);
  await pointAt(epj, '[data-testid="ny-linje"]'); // a second click takes the pick back
  await epj.keyboard.press('Escape');
  await waitStep(epj, null);
  await pointAt(epj, '[data-testid="ny-linje"]');
  expect(await rows(epj)).toBe(3);

  await startTeaching(epj);
  // A click the page makes up is not the IT person's: nothing is picked, so the focused button is still "Avbryt".
  await epj.evaluate(() => (document.querySelector('[data-testid="ytelse-kode"]') as HTMLElement).click());
  expect(await step(epj)).toBe('code');
  await epj.keyboard.press('Enter');
  await waitStep(epj, null);
});

test('teaching by pointing saves selectors only, and the page then marks 2ad with 1bd', async () => {
  await startTeaching(epj);
  // One code cell is enough: the proposal names the code cell of every line.
  await pointAt(epj, '.rad:nth-child(2) [data-testid="ytelse-kode"]');
  expect(await epj.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBeNull();
  await epj.keyboard.press('Enter'); // "Neste"
  await waitStep(epj, 'count');
  await pointAt(epj, '.rad:nth-child(1) [data-testid="ytelse-antall"]');
  await waitStep(epj, 'date');
  await pointAt(epj, '[data-testid="konsultasjon-dato"]');
  await waitStep(epj, 'time');
  await pointAt(epj, '[data-testid="konsultasjon-tid"]');
  await waitStep(epj, 'diagnosis');
  await pointAt(epj, '[data-testid="konsultasjon-diagnose"]');
  await waitStep(epj, 'review');
  // Nothing is stored before "Lagre".
  expect(await storedSites()).toEqual([expect.objectContaining({ adapter: { kind: 'generic' } })]);

  await epj.keyboard.press('Enter'); // "Lagre"
  await waitStep(epj, 'saved');
  const sites = (await storedSites()) as Array<{ adapter: Record<string, string> }>;
  expect(sites[0]!.adapter).toEqual({
    kind: 'custom',
    region: '[data-testid="konsultasjon"]',
    code: '[data-testid="ytelse-kode"]',
    line: 'div.rad',
    count: '[data-testid="ytelse-antall"]',
    date: '[data-testid="konsultasjon-dato"]',
    time: '[data-testid="konsultasjon-tid"]',
    diagnosis: '[data-testid="konsultasjon-diagnose"]',
  });
  // Page data never goes to storage: only the selectors.
  const everything = JSON.stringify(await ext.serviceWorker.evaluate(async () => [await chrome.storage.sync.get(null), await chrome.storage.local.get(null)]));
  for (const secret of ['Virusinfeksjon', '13.03.2024', 'Kontroll om to uker', 'Kari Testpasient']) expect(everything).not.toContain(secret);

  // Checked with the taught adapter at once: 1bd with 2ad is an invalid combination; the comment's 2ad is not read.
  // The conflict is reported from either side (their deny lists name each other), and nothing else is marked.
  const conflict = (l: Parameters<typeof markerKeys>[0]) => markerKeys(l).some((k) => k === '1bd:invalid-combination' || k === '2ad:invalid-combination');
  const seen = await waitForMarkers(epj, conflict, { what: 'the 2ad + 1bd conflict marked' });
  expect(markerKeys(seen).every((k) => /^(2ad|1bd):invalid-combination$/.test(k))).toBe(true);
  const comment = (await epj.locator('[data-testid="konsultasjon-kommentar"]').boundingBox())!;
  expect(seen.every((m) => m.rect.top > comment.y + comment.height || m.rect.bottom < comment.y)).toBe(true);
  const [region] = await probeTab(ext, epj);
  expect(region!.lines.map((l) => [l.code, l.count])).toEqual([['2ad', 1], ['1bd', 1]]);
  expect(region!.context).toEqual({ date: '2024-03-13', time: '10:30', diagnoses: ['R74'] });

  // A line added later is read too: the selector names every line's code cell.
  await epj.keyboard.press('Escape');
  await waitStep(epj, null);
  await epj.click('[data-testid="ny-linje"]');
  await epj.click('.rad:nth-child(3) [data-testid="ytelse-kode"]');
  await epj.keyboard.type('701a');
  let codes: string[] = [];
  for (let i = 0; i < 50 && !codes.includes('701a'); i++) {
    if (i) await epj.waitForTimeout(100);
    codes = (await probeTab(ext, epj))[0]!.lines.map((l) => l.code);
  }
  expect(codes).toEqual(['2ad', '1bd', '701a']);
});

test('the shared scenarios (also run in Firefox): teach mode leaves the page alone; teaching from the popup by pointing saves the adapter and the page is read with it', async () => {
  // The scenario's own tab is then the site's only one ("Test på åpen fane" asks the site's first tab).
  await epj.goto('about:blank');
  await teachLeavesThePageAlone(chromiumDriver(ext), server);
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
