// Issue 12 §2 and §3 in real Chromium: the first-run setup opens on install with nothing preselected,
// adds the EPJ site (permission asked from the click) with the chosen profile and tests it on the open
// tab; the popup offers "Kontroller dette nettstedet" on a site not checked yet, then switches the site's
// profile, and the page badge and the findings follow.
import type { Page } from 'playwright-core';
import { setupPage, waitForMarkers, normCode, type FixtureServer, type Launched, useExtension } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;

useExtension((s) => ({ server, ext } = s), { keepSetupPage: true });

const stored = (key: string) => ext.serviceWorker.evaluate(async (k) => (await chrome.storage.sync.get(k))[k], key);
/** The profile the page badge names (its text lives in a closed shadow root; the host carries it). */
const badgeProfile = (p: Page) => p.evaluate(() => document.querySelector('[data-takstvakt-badge]')?.getAttribute('data-takstvakt-profile') ?? null);
const tabIdOf = async (pattern: string) => ((await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), pattern)) as Array<{ id: number }>)[0]!.id;

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('install opens the setup page: no practice preselected; legevakt + tilstedevakt, the EPJ site from the click, a test on the open tab', async () => {
  const setup = (await setupPage(ext.context, ext.extensionId))!;
  expect(setup).not.toBeNull();
  await setup.waitForSelector('#setup-practice-h');
  expect(await setup.$$eval('input[name="setup-setting"]', (els) => els.filter((e) => (e as HTMLInputElement).checked).length)).toBe(0);
  expect(await setup.isDisabled('button:has-text("Test på åpen fane")')).toBe(true);

  const epj = await ext.context.newPage();
  await epj.goto(server.url('/linjer/index.html'));
  await setup.bringToFront();
  await setup.check('input[name="setup-setting"][value="legevakt"]');
  await setup.selectOption('#setup-oncall', 'presence');
  await until('the clinic profile stored', () => stored('settings:clinic'), (c) => (c as { onCall?: string } | undefined)?.onCall === 'presence');
  expect(await stored('settings:clinic')).toMatchObject({ setting: 'legevakt', onCall: 'presence' });

  await setup.fill('#setup-origin', server.origin);
  await setup.click('text=Gi tilgang og legg til');
  await setup.waitForFunction(() => (document.querySelector('#setup-site-status')?.textContent ?? '').includes('legevakt, tilstedevakt'));
  const sites = (await until('the site with its profile', () => stored('settings:sites'), (s) => !!(s as Array<{ profile?: unknown }>)?.[0]?.profile)) as unknown[];
  expect(sites).toEqual([expect.objectContaining({ origin: server.origin, profile: { setting: 'legevakt', onCall: 'presence' } })]);

  await setup.click('button:has-text("Test på åpen fane")');
  await setup.waitForSelector('.probe tbody tr');
  const codes = await setup.$$eval('.probe tbody tr td:first-child', (tds) => tds.map((td) => (td.textContent ?? '').trim()));
  expect(codes).toEqual(['2ad', '1bd', '701a']);
  await epj.close();
  await setup.close();
});

describe('the popup on a site not yet checked, then its profile switch', () => {
  let epj: Page;
  let popup: Page;
  beforeAll(async () => {
    // A profile of its own for this test: no sites, the clinic profile back to the default (fastlege).
    await ext.serviceWorker.evaluate(() => chrome.storage.sync.clear());
  });
  afterAll(async () => {
    await epj?.close();
    await popup?.close();
  });

  test('"Kontroller dette nettstedet" adds the site; switching to legevakt (hjemmevakt, then tilstedevakt) changes the badge and the findings', async () => {
    epj = await ext.context.newPage();
    await epj.goto(server.url('/linjer/index.html'));
    // A first-patient call-out at 17:30 on a Wednesday: 2fk is a legevakt takst.
    await epj.fill('#klokkeslett', '17:30');
    await epj.fill('input[name="takst-1"]', '2fk');
    await epj.fill('input[name="takst-2"]', '');
    await epj.fill('input[name="takst-3"]', '');
    const has2fkSetting = (l: Array<{ code: string; rules: string[] }>) => l.some((m) => normCode(m.code) === '2fk' && m.rules.includes('setting'));
    await waitForMarkers(epj, has2fkSetting, { what: '2fk marked for the fastlege setting' });
    expect(await until('the badge with the profile', () => badgeProfile(epj), (p) => p !== null)).toBe('fastlege');

    popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup/popup.html?tab=${await tabIdOf(`${server.origin}/linjer/*`)}`);
    await popup.waitForSelector('.site-bar');
    expect(await popup.textContent('.site-bar')).toContain(`Takstvakt kontrollerer ikke ${server.origin} ennå`);
    await popup.click('text=Kontroller dette nettstedet');
    await popup.waitForSelector('#site-profile-setting');
    expect(await stored('settings:sites')).toEqual([expect.objectContaining({ origin: server.origin })]);
    expect(await popup.textContent('.profile-now')).toContain('fastlege');

    await popup.selectOption('#site-profile-setting', 'legevakt');
    await popup.waitForSelector('#site-profile-oncall');
    await popup.selectOption('#site-profile-oncall', 'home');
    await popup.waitForFunction(() => document.querySelector('.profile-now')?.textContent?.includes('legevakt, hjemmevakt'));
    // The page follows without a reload: the badge names the profile and 2fk is allowed on hjemmevakt.
    await epj.bringToFront();
    await until('the badge with the profile', () => badgeProfile(epj), (p) => p === 'legevakt, hjemmevakt');
    await waitForMarkers(epj, (l) => !has2fkSetting(l), { what: 'the setting marker on 2fk gone' });

    await popup.bringToFront();
    await popup.selectOption('#site-profile-oncall', 'presence');
    await epj.bringToFront();
    await until('the badge on tilstedevakt', () => badgeProfile(epj), (p) => p === 'legevakt, tilstedevakt');
    await waitForMarkers(epj, has2fkSetting, { what: '2fk marked again under tilstedevakt' });
    // The clinic profile itself was not touched: only this site's.
    expect((await stored('settings:clinic')) ?? { setting: 'fastlege', onCall: null }).toMatchObject({ setting: 'fastlege', onCall: null });
  });
});
