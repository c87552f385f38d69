// Teach mode's two messages (issue 12 §6) against the in-memory browser: the popup's click injects the
// teach script into the tab's top frame, and a page's "Lagre" is honoured only once, for that tab and
// origin, with selectors that compile, and never over a site list set by policy.
import type { BackgroundContext } from '../../../src/background/context';
import { csTeachSave } from '../../../src/background/handlers/cs-teach-save';
import { uiTeachStart } from '../../../src/background/handlers/ui-teach-start';
import { invalidateSettings } from '../../../src/background/settings-cache';
import type { SenderInfo } from '../../../src/messages';
import { loadUserSettings, saveSettings } from '../../../src/settings/store';
import { fakeBrowser, type FakeBrowser } from './fake-browser';

const ORIGIN = 'https://epj.example.no';
const page = (tabId: number, url = `${ORIGIN}/konsultasjon`, frameId = 0): SenderInfo => ({ tabId, frameId, url, fromExtensionPage: false });
const adapter = { kind: 'custom' as const, region: '[data-testid="konsultasjon"]', code: '[data-testid="ytelse-kode"]', date: '[data-testid="konsultasjon-dato"]' };

let b: FakeBrowser;
let ctx: BackgroundContext;
beforeEach(async () => {
  invalidateSettings();
  b = fakeBrowser();
  ctx = { api: b, now: () => new Date('2024-03-12T09:00:00Z') };
  b.fake.openTabs.push({ id: 4, url: `${ORIGIN}/konsultasjon` }, { id: 5, url: 'https://annen.example.no/' });
  await saveSettings(b.storage.sync, { schemaVersion: 2, sites: [{ origin: ORIGIN, adapter: { kind: 'generic' }, enabled: true }] });
  invalidateSettings();
});

const siteAdapter = async () => (await loadUserSettings(b.storage.sync)).sites[0]?.adapter;

test('the popup click injects content-teach.js into the top frame of a site tab; other tabs are refused', async () => {
  expect(await uiTeachStart(ctx)({ tabId: 4 }, { fromExtensionPage: true })).toEqual({ started: true });
  expect(b.fake.executed).toEqual([{ tabId: 4, files: ['content-teach.js'], frameIds: [0] }]);
  expect(await uiTeachStart(ctx)({ tabId: 5 }, { fromExtensionPage: true })).toEqual({ started: false, error: 'no-site' });
  expect(await uiTeachStart(ctx)({ tabId: 99 }, { fromExtensionPage: true })).toEqual({ started: false, error: 'no-tab' });
});

test('"Lagre" without teach mode started from the popup changes nothing', async () => {
  const r = await csTeachSave(ctx)(adapter, page(4));
  expect(r.saved).toBe(false);
  expect(await siteAdapter()).toEqual({ kind: 'generic' });
});

test('a started session saves once, for its tab, origin and top frame only; the tab is then checked at once', async () => {
  await uiTeachStart(ctx)({ tabId: 4 }, { fromExtensionPage: true });
  expect((await csTeachSave(ctx)(adapter, page(4, `${ORIGIN}/konsultasjon`, 2))).saved).toBe(false);
  await uiTeachStart(ctx)({ tabId: 4 }, { fromExtensionPage: true });
  expect((await csTeachSave(ctx)(adapter, page(4, 'https://annen.example.no/'))).saved).toBe(false);
  await uiTeachStart(ctx)({ tabId: 4 }, { fromExtensionPage: true });
  expect(await csTeachSave(ctx)(adapter, page(4))).toEqual({ saved: true, issues: [] });
  expect(await siteAdapter()).toEqual(adapter);
  expect(b.fake.executed.at(-1)).toEqual({ tabId: 4, files: ['content-main.js'] });
  // Used up: a second "Lagre" needs a new start from the popup.
  invalidateSettings();
  expect((await csTeachSave(ctx)({ ...adapter, code: '.x' }, page(4))).saved).toBe(false);
  expect(await siteAdapter()).toEqual(adapter);
});

test('a selector the browser would reject is refused with its field named, and nothing is stored', async () => {
  await uiTeachStart(ctx)({ tabId: 4 }, { fromExtensionPage: true });
  const r = await csTeachSave(ctx)({ ...adapter, code: 'div::before' }, page(4));
  expect(r.saved).toBe(false);
  expect(r.issues.map((i) => i.path)).toEqual(['adapter.code']);
  expect(await siteAdapter()).toEqual({ kind: 'generic' });
});

test('a site list pushed by policy is never taught over', async () => {
  b.fake.managed.policy = { sites: [{ origin: ORIGIN, adapter: { kind: 'generic' }, enabled: true }] };
  invalidateSettings();
  expect(await uiTeachStart(ctx)({ tabId: 4 }, { fromExtensionPage: true })).toEqual({ started: false, error: 'locked' });
  expect(b.fake.executed).toEqual([]);
});
