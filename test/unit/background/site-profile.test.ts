// Issue 12 §3: a profile per EPJ site. The bill of a legevakt system is checked as legevakt and that of a
// fastlege system as fastlege, in one browser; the page badge names the profile; policy locks it.
import type { BackgroundContext } from '../../../src/background/context';
import { csCheckBill } from '../../../src/background/handlers/cs-check-bill';
import { csGetConfig } from '../../../src/background/handlers/cs-get-config';
import { uiSiteProfile } from '../../../src/background/handlers/ui-site-profile';
import { uiSiteStatus } from '../../../src/background/handlers/ui-site-status';
import { invalidateSettings } from '../../../src/background/settings-cache';
import { profileFor, siteFor } from '../../../src/background/site-profile';
import type { SenderInfo } from '../../../src/messages';
import { defaultSettings } from '../../../src/settings/defaults';
import { loadUserSettings, saveSettings } from '../../../src/settings/store';
import { fakeBrowser, type FakeBrowser } from './fake-browser';

const LV = 'https://legevakt.example.no';
const FL = 'https://fastlege.example.no';
const page = (origin: string, tabId = 3): SenderInfo => ({ tabId, frameId: 0, url: `${origin}/regning`, fromExtensionPage: false });
const ui: SenderInfo = { fromExtensionPage: true };

let b: FakeBrowser;
let ctx: BackgroundContext;
beforeEach(async () => {
  invalidateSettings();
  b = fakeBrowser();
  // Monday 11 March 2024, 22:05 in Oslo.
  ctx = { api: b, now: () => new Date('2024-03-11T21:10:00Z') };
  await saveSettings(b.storage.sync, {
    ...defaultSettings(),
    sites: [
      { origin: LV, adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'legevakt', onCall: 'presence' } },
      { origin: FL, adapter: { kind: 'generic' }, enabled: true },
    ],
  });
  b.fake.grant([`${LV}/*`]);
});

const bill2ak = { regionId: 'r', lines: [{ code: '2ak', count: 1, anchor: 0 }], context: { date: '2024-03-11', time: '22:05', diagnoses: ['R74'] } };

test('2ak at 22:05 is checked as legevakt on the legevakt system and as fastlege on the fastlege system', async () => {
  const lv = await csCheckBill(ctx)(bill2ak, page(LV, 3));
  const fl = await csCheckBill(ctx)(bill2ak, page(FL, 4));
  expect(lv.report.findings.filter((f) => f.rule === 'time-window')).toEqual([]);
  expect(fl.report.findings.map((f) => f.rule)).toContain('time-window');
});

test('the profile falls back to the clinic profile; the most specific site wins', async () => {
  const { settings } = { settings: await loadUserSettings(b.storage.sync) };
  expect(profileFor(settings, `${FL}/x`)).toEqual({ setting: 'fastlege', onCall: null });
  expect(profileFor(settings, 'https://other.example.no/')).toEqual({ setting: 'fastlege', onCall: null });
  settings.sites.push({ origin: 'https://*.example.no', adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'spesialist', onCall: null } });
  expect(siteFor(settings, `${LV}/x`)?.origin).toBe(LV);
  expect(profileFor(settings, 'https://annen.example.no/x')).toEqual({ setting: 'spesialist', onCall: null });
});

test('the page badge gets the profile in words ("legevakt, tilstedevakt")', async () => {
  expect((await csGetConfig(ctx)({}, page(LV))).profile).toBe('legevakt, tilstedevakt');
  expect((await csGetConfig(ctx)({}, page(FL))).profile).toBe('fastlege');
});

test('ui:site-status says whether the tab is a site, granted, and its profile', async () => {
  expect(await uiSiteStatus(ctx)({ url: `${LV}/a` }, ui)).toMatchObject({ origin: LV, site: LV, granted: true, own: true, locked: false, label: 'legevakt, tilstedevakt' });
  expect(await uiSiteStatus(ctx)({ url: `${FL}/a` }, ui)).toMatchObject({ site: FL, granted: false, own: false, label: 'fastlege' });
  expect(await uiSiteStatus(ctx)({ url: 'https://ny.example.com/' }, ui)).toMatchObject({ origin: 'https://ny.example.com', site: null });
  expect(await uiSiteStatus(ctx)({ url: 'chrome://extensions' }, ui)).toMatchObject({ origin: null, site: null });
});

test('ui:site-profile sets and clears a site profile; a bad profile names its field', async () => {
  const set = await uiSiteProfile(ctx)({ site: FL, profile: { setting: 'legevakt', onCall: 'home' } }, ui);
  expect(set.issues).toEqual([]);
  expect((await loadUserSettings(b.storage.sync)).sites[1]?.profile).toEqual({ setting: 'legevakt', onCall: 'home' });
  await uiSiteProfile(ctx)({ site: FL, profile: null }, ui);
  expect((await loadUserSettings(b.storage.sync)).sites[1]?.profile).toBeUndefined();
  const bad = await uiSiteProfile(ctx)({ site: FL, profile: { setting: 'sykehus' } }, ui);
  expect(bad.issues[0]?.path).toBe('profile');
  expect((await uiSiteProfile(ctx)({ site: 'https://ukjent.no', profile: null }, ui)).issues[0]?.path).toBe('site');
});

test('policy locks a site profile: pushed sites carry it and the switch is refused', async () => {
  b.fake.managed.policy = { sites: [{ origin: LV, profile: { setting: 'legevakt', onCall: 'home' } }] };
  invalidateSettings();
  expect(await uiSiteStatus(ctx)({ url: `${LV}/a` }, ui)).toMatchObject({ locked: true, label: 'legevakt, hjemmevakt' });
  const r = await uiSiteProfile(ctx)({ site: LV, profile: { setting: 'fastlege', onCall: null } }, ui);
  expect(r.issues[0]?.path).toBe('sites');
  expect((await csGetConfig(ctx)({}, page(LV))).profile).toBe('legevakt, hjemmevakt');
});

test('a pushed profile with onCall "none" (policy JSON has no null) means not on call', async () => {
  b.fake.managed.policy = { sites: [{ origin: LV, profile: { setting: 'legevakt', onCall: 'none' } }] };
  invalidateSettings();
  expect(await uiSiteStatus(ctx)({ url: `${LV}/a` }, ui)).toMatchObject({ locked: true, label: 'legevakt', profile: { setting: 'legevakt', onCall: null } });
});
