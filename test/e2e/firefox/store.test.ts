// The store build in real Firefox ESR: no site access at install; the settings page adds an EPJ on a
// port (http://127.0.0.1:<port>) through its real button; the tab that was open before is checked
// without a reload (issue 11, bug 2), new tabs of that origin too (bug 1), and the same host on
// another port is left alone. Then, on that site: Firefox unloads the event page when idle (here after
// 1 s); like Chromium's worker.test.ts, the next edit wakes it and still validates, and the tab's state
// is carried over in storage.session. (One browser for both: a Firefox launch is the slow part.)
import { markerKeys, markers, waitForMarkers } from '../lib/probes';
import { FIREFOX_BACKGROUND, launchFirefox, waitForEventPageSleep, type LaunchedFirefox } from '../lib/firefox';
import { storeBuildCopy } from '../lib/builds';
import { expectTabStateKept, tabIdOf } from '../lib/scenarios';
import { serveFixtures, type FixtureServer } from '../lib/server';

jest.setTimeout(120_000);

let server: FixtureServer;
let other: FixtureServer;
let ff: LaunchedFirefox;
let build: ReturnType<typeof storeBuildCopy>;

beforeAll(async () => {
  server = await serveFixtures();
  other = await serveFixtures();
  build = storeBuildCopy('firefox');
  ff = await launchFirefox({ extensionPath: build.dir, prefs: { 'extensions.background.idle.timeout': 1000 } });
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
  await other?.close();
  build?.remove();
});

const SITES = 'section[aria-labelledby="sites-h"]';
const granted = () => ff.driver.ext(async () => (await chrome.permissions.getAll()).origins ?? []);

test('the store build asks for no site at install and checks nothing yet', async () => {
  expect(build.manifest.content_scripts).toBeUndefined();
  expect(build.manifest.host_permissions).toBeUndefined();
  expect(await granted()).toEqual([]);
  const epj = await ff.driver.newTab();
  await epj.goto(server.url('/fritekst/index.html'));
  await epj.wait(1000);
  expect(await markers(epj)).toEqual([]);
  await epj.close();
});

test('adding a site with a port through the settings page checks the tab already open, new tabs of it, and not another port', async () => {
  const before = await ff.driver.newTab();
  await before.goto(server.url('/fritekst/index.html'));
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  const options = await ff.driver.openExtensionPage('options/options.html');
  await options.waitFor('#clinic-h');
  await options.fill(`${SITES} input[type="url"]`, server.origin);
  // The clinic is told what Firefox grants for an origin with a port.
  await options.waitFor(`${SITES} [data-hint="port-firefox"]`);
  expect(await options.text(`${SITES} [data-hint="port-firefox"]`)).toContain('porten');
  // A real click: permissions.request needs the user's gesture.
  await options.click(`${SITES} fieldset > button`);
  await options.waitForFunction((o: string) => [...document.querySelectorAll('table.sites th')].some((th) => th.textContent === o), server.origin);
  // Firefox patterns hold no port: the host is granted, Takstvakt keeps to the port.
  expect(await granted()).toEqual(['http://127.0.0.1/*']);
  expect(options.errors).toEqual([]);

  // The tab open before the site was added is checked without a reload.
  await before.bringToFront();
  await waitForMarkers(before, (l) => markerKeys(l).includes('2as:unknown-code'), { what: '2as unknown-code in the tab open before the site was added' });
  await before.fill('#takster', '2ad 1bd');
  await waitForMarkers(before, (l) => markerKeys(l).some((k) => k.endsWith(':invalid-combination')), { what: 'the next edit checked' });

  // A new tab of the site is checked by the registered script.
  const fresh = await ff.driver.newTab();
  await fresh.goto(server.url('/linjer/index.html'));
  await waitForMarkers(fresh, (l) => l.length > 0, { what: 'markers on a new tab of the site' });

  // "Test på åpen fane" finds the site's tab by its URL (tabs.query({ url }) with a port finds none in Firefox).
  await options.bringToFront();
  await options.click(`button[aria-label="Test på åpen fane: ${server.origin}"]`);
  await options.waitForFunction(() => (document.querySelector('.probe tbody')?.textContent ?? '').includes('2ad'));

  // The same host on another port is not the clinic's site: nothing there.
  const elsewhere = await ff.driver.newTab();
  await elsewhere.goto(other.url('/fritekst/index.html'));
  await elsewhere.wait(1500);
  expect(await markers(elsewhere)).toEqual([]);
  expect([...before.errors, ...fresh.errors, ...elsewhere.errors]).toEqual([]);
  for (const t of [before, fresh, elsewhere, options]) await t.close();
});

const BACKGROUND = FIREFOX_BACKGROUND;

/** The running event page's window, seen from an extension page (getViews does not wake it). */
const backgroundView = () =>
  ff.driver.ext((path: string) => {
    const views = (chrome.extension as unknown as { getViews(): Window[] }).getViews();
    const bg = views.find((v) => v.location.pathname === path) as (Window & { __takstvaktMark?: string }) | undefined;
    return bg ? { mark: bg.__takstvaktMark ?? null } : null;
  }, BACKGROUND);

const waitForSleep = () => waitForEventPageSleep(ff.driver);

test('after the event page sleeps, the next edit wakes it and still validates; tab state survives', async () => {
  const page = await ff.driver.newTab();
  await page.goto(server.url('fritekst/index.html'));
  // The site was added by the previous test.
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

  await expectTabStateKept(ff.driver, await tabIdOf(ff.driver, server.url('fritekst/index.html')), 'invalid-combination', /1bd|2ad/);

  // And once more, asleep between two edits.
  await waitForSleep();
  await page.fill('#takster', '2ad 701a');
  await waitForMarkers(page, (l) => l.length === 0, { what: 'no markers once the bill is fixed' });
  expect(page.errors).toEqual([]);
  await page.close();
});
