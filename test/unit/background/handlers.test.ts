// The content-script handlers other than cs:check-bill (which needs the rule core; see router.test.ts),
// against the in-memory browser: what they store, where, and what the badge shows.
import { updateBadge } from '../../../src/background/badge';
import type { BackgroundContext } from '../../../src/background/context';
import { csAdapterState } from '../../../src/background/handlers/cs-adapter-state';
import { adapterFor, csGetConfig, originMatches } from '../../../src/background/handlers/cs-get-config';
import { csIgnoreOnce } from '../../../src/background/handlers/cs-ignore-once';
import { csOpenRuleSettings } from '../../../src/background/handlers/cs-open-rule-settings';
import { csOpenDocs } from '../../../src/background/handlers/cs-open-docs';
import { invalidateSettings } from '../../../src/background/settings-cache';
import { readIgnored, readTab, writeRegion, clearTab, type StoredFinding } from '../../../src/background/tab-state';
import { CATALOGS } from '../../../src/core/i18n';
import type { SenderInfo } from '../../../src/messages';
import { defaultSettings } from '../../../src/settings/defaults';
import { loadUserSettings, saveSettings } from '../../../src/settings/store';
import { fakeBrowser, type FakeBrowser } from './fake-browser';

const tab = (tabId: number, frameId = 0, url = 'https://epj.example.no/regning'): SenderInfo => ({ tabId, frameId, url, fromExtensionPage: false });

function finding(rule: string, codes: string[], severity: StoredFinding['severity'] = 'error'): StoredFinding {
  return { rule, severity, codes, message: `${rule} ${codes.join(' ')}`, source: {}, key: `rule_${rule}`, docs: `docs/rules/${rule}.md` };
}

let b: FakeBrowser;
let ctx: BackgroundContext;
beforeEach(() => {
  invalidateSettings();
  b = fakeBrowser();
  ctx = { api: b, now: () => new Date('2024-03-12T09:00:00Z') };
});

describe('per-tab state and badge', () => {
  test('findings of all regions and frames of a tab add up on the badge, coloured by the worst', async () => {
    await writeRegion(b.storage.session, 7, 0, 'r0', { findings: [finding('invalid-combination', ['1bd', '2ad'], 'warning')] });
    await writeRegion(b.storage.session, 7, 3, 'r0', { findings: [finding('time-window', ['2fk']), finding('duration', ['615'], 'info')] });
    await writeRegion(b.storage.session, 8, 0, 'r0', { findings: [finding('duration', ['615'], 'info')] });
    expect(await updateBadge(b, 7)).toEqual({ text: '3', color: '#b91c1c' });
    expect(b.fake.badges.get(7)).toEqual({ text: '3', color: '#b91c1c' });
    expect(await updateBadge(b, 8)).toEqual({ text: '1', color: '#1d4ed8' });
  });

  test('tab state lives only in storage.session and clearTab removes just that tab', async () => {
    await writeRegion(b.storage.session, 7, 0, 'r0', { findings: [finding('duration', ['615'])] });
    await writeRegion(b.storage.session, 8, 0, 'r0', { findings: [finding('duration', ['615'])] });
    expect(b.fake.sync.data.size + b.fake.local.data.size).toBe(0);
    await clearTab(b.storage.session, 7);
    expect(await readTab(b.storage.session, 7)).toEqual([]);
    expect(await readTab(b.storage.session, 8)).toHaveLength(1);
  });
});

describe('cs:adapter-state', () => {
  test('an unreadable region shows "?" on the badge; the findings of the codes that were read stay', async () => {
    await writeRegion(b.storage.session, 5, 0, 'r1', { findings: [finding('duration', ['615'])] });
    await csAdapterState(ctx)({ regionId: 'r1', state: 'checked', lineCount: 1 }, tab(5));
    expect(b.fake.badges.get(5)?.text).toBe('1');
    await csAdapterState(ctx)({ regionId: 'r1', state: 'unreadable', reason: 'no codes', lineCount: 0 }, tab(5));
    expect(b.fake.badges.get(5)).toEqual({ text: '1', color: '#b91c1c' });
    expect(await readTab(b.storage.session, 5)).toEqual([{ findings: [finding('duration', ['615'])], adapter: { regionId: 'r1', state: 'unreadable', reason: 'no codes', lineCount: 0 } }]);
    // With nothing read (a cs:check-bill of no lines cleared the findings), the badge says "?".
    await writeRegion(b.storage.session, 5, 0, 'r1', { findings: [], adapter: { regionId: 'r1', state: 'unreadable', lineCount: 0 } });
    await csAdapterState(ctx)({ regionId: 'r1', state: 'unreadable', reason: 'no codes', lineCount: 0 }, tab(5));
    expect(b.fake.badges.get(5)).toEqual({ text: '?', color: '#6b7280' });
  });
});

describe('cs:ignore-once', () => {
  test('removes that finding from the region, remembers it for the region only, and updates the badge', async () => {
    await writeRegion(b.storage.session, 5, 0, 'r1', { findings: [finding('invalid-combination', ['1bd', '2ad']), finding('duration', ['615'])] });
    await csIgnoreOnce(ctx)({ regionId: 'r1', rule: 'invalid-combination', codes: ['1BD', '2ad'] }, tab(5));
    const [region] = await readTab(b.storage.session, 5);
    expect(region?.findings.map((f) => f.rule)).toEqual(['duration']);
    expect(b.fake.badges.get(5)?.text).toBe('1');
    expect([...(await readIgnored(b.storage.session, 5, 0, 'r1'))]).toEqual(['invalid-combination|1bd,2ad']);
    expect((await readIgnored(b.storage.session, 5, 0, 'r2')).size).toBe(0);
    expect((await readIgnored(b.storage.session, 6, 0, 'r1')).size).toBe(0);
  });
});

describe('cs:open-rule-settings', () => {
  test('opens the settings page at the rule and changes no setting (a page can never mute)', async () => {
    await csOpenRuleSettings(ctx)({ rule: 'time-window' }, tab(5));
    expect(b.fake.createdTabs.at(-1)).toMatch(/options\/options\.html#regel=time-window$/);
    expect(b.fake.sync.writes).toBe(0);
  });
});

describe('cs:get-config', () => {
  test('locale from settings and the custom adapter of the sender origin; the generic adapter is null', async () => {
    const s = defaultSettings();
    s.locale = 'nn';
    const custom = { kind: 'custom' as const, region: '#regning', code: '.takst' };
    s.sites.push({ origin: 'https://epj.example.no', adapter: custom, enabled: true }, { origin: 'https://*.klinikk.no', adapter: { kind: 'generic' }, enabled: true });
    await saveSettings(b.storage.sync, s);
    const here = await csGetConfig(ctx)({}, tab(1, 0, 'https://epj.example.no/pasient/1'));
    expect(here.locale).toBe('nn');
    expect(here.adapter).toEqual(custom);
    expect((await csGetConfig(ctx)({}, tab(1, 0, 'https://a.klinikk.no/'))).adapter).toBeNull();
    expect((await csGetConfig(ctx)({}, tab(1, 0, 'https://evil.example/'))).adapter).toBeNull();
  });

  test('overlay strings are every overlay_ key, localised', async () => {
    const nb = CATALOGS.nb as Record<string, { message: string }>;
    const nn = CATALOGS.nn as Record<string, { message: string }>;
    nb.overlay_unit_probe = { message: 'Ignorer denne gangen' };
    nn.overlay_unit_probe = { message: 'Ignorer denne gongen' };
    try {
      const s = defaultSettings();
      s.locale = 'nn';
      await saveSettings(b.storage.sync, s);
      const { strings } = await csGetConfig(ctx)({}, tab(1));
      expect(strings.overlay_unit_probe).toBe('Ignorer denne gongen');
      expect(Object.keys(strings).every((k) => k.startsWith('overlay_'))).toBe(true);
      expect(Object.keys(strings).sort()).toEqual(Object.keys(nb).filter((k) => k.startsWith('overlay_')).sort());
    } finally {
      delete nb.overlay_unit_probe;
      delete nn.overlay_unit_probe;
    }
  });

  test('origin matching: scheme, port and wildcard subdomains', () => {
    expect(originMatches('https://epj.example.no', 'https://epj.example.no/x')).toBe(true);
    expect(originMatches('https://epj.example.no', 'http://epj.example.no/x')).toBe(false);
    expect(originMatches('https://epj.example.no:8443', 'https://epj.example.no/x')).toBe(false);
    expect(originMatches('https://epj.example.no:8443', 'https://epj.example.no:8443/x')).toBe(true);
    expect(originMatches('https://*.example.no', 'https://a.b.example.no/')).toBe(true);
    expect(originMatches('https://*.example.no', 'https://notexample.no/')).toBe(false);
    expect(originMatches('https://epj.example.no', 'not a url')).toBe(false);
    const s = defaultSettings();
    s.sites.push({ origin: 'https://epj.example.no', adapter: { kind: 'custom', region: 'form', code: '.k' }, enabled: false });
    expect(adapterFor(s, 'https://epj.example.no/')).toBeNull();
  });
});

describe('cs:open-docs', () => {
  test("opens the rule's help page inside the extension, in the reader's language (issue 12 §8)", async () => {
    await csOpenDocs(ctx)({ rule: 'time-window' }, tab(1));
    expect(b.fake.createdTabs).toEqual(['chrome-extension://abcdefghijklmnopabcdefghijklmnop/help/nb/time-window.html']);
    await saveSettings(b.storage.sync, { ...defaultSettings(), locale: 'nn' });
    invalidateSettings();
    await csOpenDocs(ctx)({ rule: 'setting' }, tab(1));
    expect(b.fake.createdTabs[1]).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop/help/nn/setting.html');
  });
});

describe('ui:ignored-list and ui:ignored-restore', () => {
  test('lists what was ignored once per tab and region; restoring forgets it and asks that tab to check again', async () => {
    const { uiIgnoredList } = await import('../../../src/background/handlers/ui-ignored-list');
    const { uiIgnoredRestore } = await import('../../../src/background/handlers/ui-ignored-restore');
    await writeRegion(b.storage.session, 5, 0, 'r1', { findings: [finding('invalid-combination', ['1bd', '2ad'])] });
    await csIgnoreOnce(ctx)({ regionId: 'r1', rule: 'invalid-combination', codes: ['1bd', '2ad'] }, tab(5));
    await csIgnoreOnce(ctx)({ regionId: 'r0', rule: 'diagnosis-required', codes: [] }, tab(6, 2));
    const list = await uiIgnoredList(ctx)({}, { fromExtensionPage: true });
    expect(list.items).toEqual([
      { tabId: 5, frameId: 0, regionId: 'r1', rule: 'invalid-combination', codes: ['1bd', '2ad'] },
      { tabId: 6, frameId: 2, regionId: 'r0', rule: 'diagnosis-required', codes: [] },
    ]);

    const asked: unknown[] = [];
    b.fake.tabReplies.set(5, (m) => {
      asked.push(m);
      return { ok: true, value: { ok: true } };
    });
    expect(await uiIgnoredRestore(ctx)(list.items[0]!, { fromExtensionPage: true })).toEqual({ restored: true });
    expect(asked).toEqual([{ type: 'bg:rescan', payload: {} }]);
    expect((await readIgnored(b.storage.session, 5, 0, 'r1')).size).toBe(0);
    expect((await uiIgnoredList(ctx)({}, { fromExtensionPage: true })).items.map((i) => i.tabId)).toEqual([6]);
    // Restoring again (or in a tab that has closed) changes nothing and does not fail.
    expect(await uiIgnoredRestore(ctx)(list.items[0]!, { fromExtensionPage: true })).toEqual({ restored: false });
    await clearTab(b.storage.session, 6);
    expect(await uiIgnoredRestore(ctx)(list.items[1]!, { fromExtensionPage: true })).toEqual({ restored: false });
  });
});

describe('cs:boot, cs:activate and the probe: the full content script only where a bill is', () => {
  test('cs:activate injects content-main.js into the sender frame only', async () => {
    const { csActivate } = await import('../../../src/background/handlers/cs-activate');
    await csActivate(ctx)({}, tab(4, 7));
    expect(b.fake.executed).toEqual([{ tabId: 4, files: ['content-main.js'], frameIds: [7] }]);
  });

  test('cs:boot injects at once for a site with custom selectors, and waits for cs:activate elsewhere', async () => {
    const { csBoot } = await import('../../../src/background/handlers/cs-boot');
    const s = defaultSettings();
    s.sites.push(
      { origin: 'https://epj.example.no', adapter: { kind: 'custom', region: '#regning', code: '.takst' }, enabled: true },
      { origin: 'https://annen.example.no', adapter: { kind: 'generic' }, enabled: true },
    );
    await saveSettings(b.storage.sync, s);
    invalidateSettings();
    await csBoot(ctx)({}, tab(4, 2, 'https://annen.example.no/regning'));
    expect(b.fake.executed).toEqual([]);
    await csBoot(ctx)({}, tab(4, 2, 'https://epj.example.no/regning'));
    expect(b.fake.executed).toEqual([{ tabId: 4, files: ['content-main.js'], frameIds: [2] }]);
  });

  test('ui:probe loads the full script in every frame when no frame answers yet, then asks again', async () => {
    const { uiProbe } = await import('../../../src/background/handlers/ui-probe');
    b.fake.openTabs.push({ id: 9, url: 'https://epj.example.no/regning' });
    const result = { url: 'https://epj.example.no/regning', regions: [] };
    // No receiver until the full script is injected, then it answers.
    const original = b.scripting.executeScript.bind(b.scripting);
    b.scripting.executeScript = async (injection) => {
      b.fake.tabReplies.set(9, () => ({ ok: true, value: result }));
      return original(injection);
    };
    const r = await uiProbe(ctx)({ origin: 'https://epj.example.no' }, { fromExtensionPage: true });
    expect(b.fake.executed).toEqual([{ tabId: 9, files: ['content-main.js'] }]);
    expect(r).toEqual({ tabId: 9, result });
  });

  test('ui:probe asks the most recently used tab of the site, not the first one open', async () => {
    const { uiProbe } = await import('../../../src/background/handlers/ui-probe');
    b.fake.openTabs.push(
      { id: 5, url: 'https://epj.example.no/gammel', lastAccessed: 1000 },
      { id: 6, url: 'https://epj.example.no/regning', lastAccessed: 3000 },
      { id: 7, url: 'https://epj.example.no/liste', lastAccessed: 2000 },
    );
    const result = { url: 'https://epj.example.no/regning', regions: [] };
    for (const id of [5, 6, 7]) b.fake.tabReplies.set(id, () => ({ ok: true, value: { ...result, url: `tab ${id}` } }));
    const r = await uiProbe(ctx)({ origin: 'https://epj.example.no' }, { fromExtensionPage: true });
    expect(r).toEqual({ tabId: 6, result: { ...result, url: 'tab 6' } });
  });
});

describe('per-tab state: one record per tab, capped; a failed write loses no reply', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => finding('unknown-code', [`q${i}`]));

  test('a tab over its cap is cut to fit and marked full; other tabs are untouched', async () => {
    const { TAB_CAP, readTabRecord } = await import('../../../src/background/tab-state');
    await writeRegion(b.storage.session, 3, 0, 'small', { findings: many(2) });
    const full = await writeRegion(b.storage.session, 4, 0, 'big', { findings: many(5000) });
    expect(full).toBe(true);
    const stored = b.fake.session.data.get('tab:4') as { full?: boolean };
    expect(stored.full).toBe(true);
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(TAB_CAP);
    expect((await readTabRecord(b.storage.session, 3)).regions['0|small']?.findings).toHaveLength(2);
    expect((await readTab(b.storage.session, 3))[0]?.findings).toHaveLength(2);
  });

  test('when storage.session refuses the write (quota), the tab stays readable from memory and nothing throws', async () => {
    b.storage.session.set = () => Promise.reject(new Error('Session storage quota bytes exceeded. Values were not stored.'));
    await expect(writeRegion(b.storage.session, 5, 0, 'r', { findings: many(3) })).resolves.toBe(true);
    expect((await readTab(b.storage.session, 5))[0]?.findings).toHaveLength(3);
    await expect(csIgnoreOnce(ctx)({ regionId: 'r', rule: 'unknown-code', codes: ['q0'] }, tab(5))).resolves.toEqual({ ok: true });
    expect((await readTab(b.storage.session, 5))[0]?.findings).toHaveLength(2);
  });
});
