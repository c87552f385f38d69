// The store build in real Firefox ESR: no site access at install; the settings page adds an EPJ on a
// port (http://127.0.0.1:<port>) through its real button; the tab that was open before is checked
// without a reload (issue 11, bug 2), new tabs of that origin too (bug 1), and the same host on
// another port is left alone.
import { markerKeys, markers, waitForMarkers } from '../lib/probes';
import { launchFirefox, type LaunchedFirefox } from '../lib/firefox';
import { storeBuildCopy } from '../lib/builds';
import { serveFixtures, type FixtureServer } from '../lib/server';

jest.setTimeout(60_000);

let server: FixtureServer;
let other: FixtureServer;
let ff: LaunchedFirefox;
let build: ReturnType<typeof storeBuildCopy>;

beforeAll(async () => {
  server = await serveFixtures();
  other = await serveFixtures();
  build = storeBuildCopy('firefox');
  ff = await launchFirefox({ extensionPath: build.dir });
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

  // The same host on another port is not the clinic's site: nothing there.
  const elsewhere = await ff.driver.newTab();
  await elsewhere.goto(other.url('/fritekst/index.html'));
  await elsewhere.wait(1500);
  expect(await markers(elsewhere)).toEqual([]);
  expect([...before.errors, ...fresh.errors, ...elsewhere.errors]).toEqual([]);
  for (const t of [before, fresh, elsewhere, options]) await t.close();
});
