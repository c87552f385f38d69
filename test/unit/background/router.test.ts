// The service worker as a whole (src/background/main.ts) on the in-memory browser: listeners, routing
// with sender checks, validation with the real rule core and bundled tariff, state in storage.session,
// and a restarted worker (fresh module instance, same storage) carrying on.
import { BUNDLED_TARIFFS } from '../../../src/data/index';
import { KEY_PREFIX } from '../../../src/settings/store';
import { IMPORTED_TARIFFS_KEY } from '../../../src/settings/tariffs';
import { fakeBrowser, pageSender, settle, tabSender, type FakeBrowser } from './fake-browser';

/** Starts a worker on `browser`: a fresh copy of every module, as after the browser killed the last one. */
function boot(browser: FakeBrowser): void {
  (globalThis as { chrome?: unknown }).chrome = browser;
  jest.isolateModules(() => {
    require('../../../src/background/main');
  });
}

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

const bill = (codes: string[], regionId = 'r0') => ({
  type: 'cs:check-bill',
  payload: {
    regionId,
    lines: codes.map((code, anchor) => ({ code, count: 1, anchor })),
    context: { date: '2024-03-12', time: '10:00', diagnoses: ['K86'] },
  },
});

type Reply = { ok: boolean; value?: { report: { findings: Array<{ rule: string; severity: string; codes: string[] }>; tariff: { id: string } | null }; locale: string }; error?: string };
/** A tab's findings as the popup sees them (ui:page-state), as rule:severity:codes. */
async function pageFindings(b: FakeBrowser, tabId: number): Promise<string[]> {
  const r = (await b.fake.send({ type: 'ui:page-state', payload: { tabId } }, pageSender())) as { value: { regions: Array<{ findings: Array<{ rule: string; severity: string; codes: string[] }> }> } };
  return r.value.regions.flatMap((x) => x.findings.map((f) => `${f.rule}:${f.severity}:${f.codes.join(',')}`));
}

const rules = (r: unknown) => (r as Reply).value!.report.findings.map((f) => `${f.rule}:${f.severity}:${f.codes.join(',')}`);

describe('service worker', () => {
  test('"Kontroller dette nettstedet": the origin the popup named is added as a site when the browser grants it, even if the prompt closed the popup (issue 12 §2)', async () => {
    const b = fakeBrowser();
    boot(b);
    expect(await b.fake.send({ type: 'ui:site-pending', payload: { origin: 'https://epj.ny.no' } }, pageSender())).toEqual({ ok: true, value: { ok: true } });
    // A grant of some other origin adds nothing.
    b.fake.grant(['https://annen.no/*']);
    await settle();
    expect(b.fake.sync.data.get(`${KEY_PREFIX}sites`) ?? []).toEqual([]);
    b.fake.grant(['https://epj.ny.no/*']);
    await settle(60);
    expect(b.fake.sync.data.get(`${KEY_PREFIX}sites`)).toEqual([{ origin: 'https://epj.ny.no', adapter: { kind: 'generic' }, enabled: true }]);
    expect([...b.fake.scripts.keys()]).toContain('epj:https://epj.ny.no/*');
  });

  test('a new install opens the first-run setup page; an update does not (issue 12 §2)', async () => {
    const b = fakeBrowser();
    boot(b);
    b.fake.onInstalled.fire({ reason: 'update' });
    await settle();
    expect(b.fake.createdTabs).toEqual([]);
    b.fake.onInstalled.fire({ reason: 'install' });
    await settle();
    expect(b.fake.createdTabs).toEqual([b.runtime.getURL('options/setup.html')]);
  });

  test('registers every listener synchronously when the module runs', () => {
    const b = fakeBrowser();
    boot(b);
    for (const e of [b.fake.onMessage, b.fake.onInstalled, b.fake.onAdded, b.fake.onRemoved, b.fake.tabRemoved, b.fake.tabUpdated, b.fake.storageChanged]) {
      expect(e.listeners).toHaveLength(1);
    }
  });

  test('cs:check-bill validates with the bundled tariff and keeps the findings only in storage.session', async () => {
    const b = fakeBrowser();
    boot(b);
    const reply = (await b.fake.send(bill(['2ad', '1bd']), tabSender(4))) as Reply;
    expect(reply.ok).toBe(true);
    expect(reply.value!.locale).toBe('nb');
    expect(reply.value!.report.tariff?.id).toBe('fastlege-2023-2024');
    expect(rules(reply)).toEqual(['invalid-combination:error:2ad,1bd']);
    expect(b.fake.badges.get(4)).toEqual({ text: '1', color: '#b91c1c' });
    // Held in storage.session (the popup reads it through ui:page-state); nothing in local or sync.
    expect(b.fake.session.data.size).toBeGreaterThan(0);
    expect(await pageFindings(b, 4)).toEqual(['invalid-combination:error:2ad,1bd']);
    expect(b.fake.local.data.size).toBe(0);
    expect(b.fake.sync.data.size).toBe(0);
    const fixed = await b.fake.send(bill(['2ad']), tabSender(4));
    expect(rules(fixed)).toEqual([]);
    expect(b.fake.badges.get(4)?.text).toBe('');
  });

  test('a region with no codes (emptied, or gone from the page) has no findings and clears its count', async () => {
    const b = fakeBrowser();
    boot(b);
    await b.fake.send(bill(['1bd', '2ad']), tabSender(4));
    expect(b.fake.badges.get(4)?.text).toBe('1');
    const empty = { type: 'cs:check-bill', payload: { regionId: 'r0', lines: [], context: {} } };
    const reply = (await b.fake.send(empty, tabSender(4))) as Reply;
    expect(reply.ok).toBe(true);
    expect(rules(reply)).toEqual([]);
    expect(b.fake.badges.get(4)?.text).toBe('');
  });

  test('a region that left the page (cs:region-gone) has its findings cleared: badge and popup count only bills on the page', async () => {
    const b = fakeBrowser();
    boot(b);
    await b.fake.send(bill(['1bd', '2ad']), tabSender(4));
    expect(b.fake.badges.get(4)?.text).toBe('1');
    const reply = (await b.fake.send({ type: 'cs:region-gone', payload: { regionId: 'r0' } }, tabSender(4))) as { ok: boolean };
    expect(reply.ok).toBe(true);
    expect(b.fake.badges.get(4)?.text).toBe('');
    const state = (await b.fake.send({ type: 'ui:page-state', payload: { tabId: 4 } }, pageSender())) as { value: { regions: Array<{ findings: unknown[] }> } };
    expect(state.value.regions.flatMap((r) => r.findings)).toEqual([]);
  });

  test('senders are checked: cs: only from a tab, ui: only from extension pages; payloads are parsed', async () => {
    const b = fakeBrowser();
    boot(b);
    expect(await b.fake.send(bill(['2ad']), pageSender())).toEqual({ ok: false, error: 'cs:check-bill: sender not allowed' });
    // An extension page opened in a tab is still an extension page, not a content script.
    expect(await b.fake.send(bill(['2ad']), { ...pageSender('options/options.html'), tab: { id: 3 } })).toEqual({ ok: false, error: 'cs:check-bill: sender not allowed' });
    // A web page pretending to be the extension by its path is not one.
    expect(await b.fake.send(bill(['2ad']), { id: 'other', tab: { id: 3 }, url: 'https://evil.example/chrome-extension://x' })).toMatchObject({ ok: true });
    expect(await b.fake.send({ type: 'ui:settings-get', payload: {} }, tabSender(3))).toEqual({ ok: false, error: 'ui:settings-get: sender not allowed' });
    const bad = bill(['2ad']);
    (bad.payload.lines[0] as { count: number }).count = 0;
    expect(await b.fake.send(bad, tabSender(3))).toEqual({ ok: false, error: expect.stringMatching(/^cs:check-bill request lines\.0\.count: /) });
    expect(await b.fake.send('hello', tabSender(3))).toEqual({ ok: false, error: 'malformed message' });
    expect(await b.fake.send({ type: 'cs:nope', payload: {} }, tabSender(3))).toEqual({ ok: false, error: 'unknown message type cs:nope' });
  });

  test('an unreal page date is refused with the field named, not thrown', async () => {
    const b = fakeBrowser();
    boot(b);
    const m = bill(['2ad']);
    m.payload.context.date = '2024-02-30';
    expect(await b.fake.send(m, tabSender(3))).toEqual({ ok: false, error: 'at: er ikke en gyldig dato og tid (år 1900–2999)' });
  });

  test('rule severities and muted rules from settings apply; a settings change reaches the running worker', async () => {
    const b = fakeBrowser();
    boot(b);
    expect(rules(await b.fake.send(bill(['2ad', '1bd']), tabSender(1)))).toEqual(['invalid-combination:error:2ad,1bd']);
    await b.storage.sync.set({ [`${KEY_PREFIX}schemaVersion`]: 1, [`${KEY_PREFIX}rules`]: { severity: { 'invalid-combination': 'warning' }, muted: [] } });
    expect(rules(await b.fake.send(bill(['2ad', '1bd']), tabSender(1)))).toEqual(['invalid-combination:warning:2ad,1bd']);
    await b.storage.sync.set({ [`${KEY_PREFIX}rules`]: { severity: {}, muted: ['invalid-combination'] } });
    expect(rules(await b.fake.send(bill(['2ad', '1bd']), tabSender(1)))).toEqual([]);
    // Policy wins over the user's choice.
    b.fake.managed.policy = { rules: { severity: { 'unknown-code': 'off' } } };
    b.fake.storageChanged.fire({ rules: { newValue: {} } }, 'managed');
    expect(rules(await b.fake.send(bill(['zz9']), tabSender(1)))).toEqual([]);
  });

  test('ignore-once and the findings survive a worker restart; the restarted worker keeps validating', async () => {
    const first = fakeBrowser();
    boot(first);
    // zz9 is missing from Takstvakt's partial bundled data: a warning (issue 7), not an error.
    expect(rules(await first.fake.send(bill(['2ad', '1bd', 'zz9']), tabSender(9)))).toEqual(['invalid-combination:error:2ad,1bd', 'unknown-code:warning:zz9']);
    expect(await first.fake.send({ type: 'cs:ignore-once', payload: { regionId: 'r0', rule: 'unknown-code', codes: ['zz9'] } }, tabSender(9))).toEqual({ ok: true, value: { ok: true } });
    const second = fakeBrowser({ from: first });
    boot(second);
    expect(rules(await second.fake.send(bill(['2ad', '1bd', 'zz9']), tabSender(9)))).toEqual(['invalid-combination:error:2ad,1bd']);
    // The same finding in another region of the tab is not ignored.
    expect(rules(await second.fake.send(bill(['zz9'], 'r1'), tabSender(9)))).toEqual(['unknown-code:warning:zz9']);
    expect(second.fake.badges.get(9)?.text).toBe('2');
  });

  test('closing the tab or loading a new document clears its state', async () => {
    const b = fakeBrowser();
    boot(b);
    await b.fake.send(bill(['1bd', '2ad']), tabSender(2));
    await b.fake.send(bill(['1bd', '2ad']), tabSender(3));
    b.fake.tabUpdated.fire(2, { status: 'complete' });
    await settle();
    expect(await pageFindings(b, 2)).toEqual(['invalid-combination:error:1bd,2ad']);
    expect(await pageFindings(b, 3)).toEqual(['invalid-combination:error:1bd,2ad']);
    b.fake.tabUpdated.fire(2, { status: 'loading' });
    b.fake.tabRemoved.fire(3);
    await settle();
    expect(await pageFindings(b, 2)).toEqual([]);
    expect(await pageFindings(b, 3)).toEqual([]);
    expect(b.fake.session.data.size).toBe(0);
  });

  test('granting an EPJ origin registers its content script and checks its open tabs; revoking unregisters', async () => {
    const b = fakeBrowser({ staticMatches: ['http://127.0.0.1/*', 'http://localhost/*'] });
    b.fake.openTabs.push({ id: 5, url: 'https://epj.example.no/regning' }, { id: 6, url: 'http://127.0.0.1:9000/x' });
    boot(b);
    await settle();
    expect(b.fake.scripts.size).toBe(0);
    b.fake.grant(['https://epj.example.no/*']);
    await settle();
    expect([...b.fake.scripts.keys()]).toEqual(['epj:https://epj.example.no/*']);
    expect(b.fake.executed).toEqual([{ tabId: 5, files: ['content.js'] }]);
    b.fake.revoke(['https://epj.example.no/*']);
    await settle();
    expect(b.fake.scripts.size).toBe(0);
  });

  test('a worker started later re-syncs registrations with permissions granted meanwhile', async () => {
    const b = fakeBrowser();
    b.fake.granted.add('https://epj.example.no/*');
    boot(b);
    await settle();
    expect([...b.fake.scripts.keys()]).toEqual(['epj:https://epj.example.no/*']);
  });

  test('on update (not on a fresh install), open EPJ tabs get the new content script', async () => {
    const b = fakeBrowser({ staticMatches: ['http://127.0.0.1/*'] });
    b.fake.openTabs.push({ id: 12, url: 'http://127.0.0.1:4000/epj.html' });
    boot(b);
    b.fake.onInstalled.fire({ reason: 'install' });
    await settle();
    expect(b.fake.executed).toEqual([]);
    b.fake.onInstalled.fire({ reason: 'update' });
    await settle();
    expect(b.fake.executed).toEqual([{ tabId: 12, files: ['content.js'] }]);
  });

  test('a settings change asks every page with Takstvakt to check again, once per save', async () => {
    const b = fakeBrowser({ staticMatches: ['http://127.0.0.1/*'] });
    b.fake.openTabs.push({ id: 1, url: 'http://127.0.0.1:4000/epj.html' }, { id: 2, url: 'https://news.example.com/' }, { id: 3, url: 'http://127.0.0.1:4000/other.html' });
    const asked: Array<[number, unknown]> = [];
    for (const id of [1, 2]) b.fake.tabReplies.set(id, (m) => (asked.push([id, m]), { ok: true, value: { ok: true } }));
    boot(b);
    await b.storage.sync.set({ [`${KEY_PREFIX}schemaVersion`]: 1, [`${KEY_PREFIX}locale`]: 'en' });
    await b.storage.sync.set({ [`${KEY_PREFIX}locale`]: 'nn' });
    await new Promise((r) => setTimeout(r, 250));
    await settle();
    // Tab 2 is not an EPJ page; tab 3 has no content script to answer.
    expect(asked).toEqual([[1, { type: 'bg:rescan', payload: {} }]]);
  });

  test('an imported tariff version can be pinned as the active one', async () => {
    const b = fakeBrowser();
    boot(b);
    const base = BUNDLED_TARIFFS[0]!;
    // An official copy without 1bd: pinned, 1bd becomes an unknown code (an error: the version is official).
    const imported = { ...structuredClone(base), id: 'import-test', label: 'Test', official: true, origin: 'imported' as const, takster: base.takster.filter((t) => t.code !== '1bd') };
    await b.storage.local.set({ [IMPORTED_TARIFFS_KEY]: [imported] });
    await b.storage.sync.set({ [`${KEY_PREFIX}schemaVersion`]: 1, [`${KEY_PREFIX}tariff`]: { active: 'import-test' } });
    const reply = (await b.fake.send(bill(['1bd']), tabSender(1))) as Reply;
    expect(reply.value!.report.tariff).toMatchObject({ id: 'import-test', label: 'Test', official: true });
    expect(rules(reply)).toContain('unknown-code:error:1bd');
  });
});

describe('cs:check-bill on the per-edit path', () => {
  test('a re-check with the same findings writes nothing to storage and leaves the badge alone', async () => {
    const b = fakeBrowser();
    boot(b);
    expect(rules(await b.fake.send(bill(['1bd', '2ad']), tabSender(3)))).toEqual(['invalid-combination:error:1bd,2ad']);
    const set = jest.spyOn(b.storage.session, 'set');
    const badge = jest.spyOn(b.action, 'setBadgeText');
    // The doctor types on (a count changes elsewhere): same findings, nothing to store.
    expect(rules(await b.fake.send(bill(['1bd', '2ad']), tabSender(3)))).toEqual(['invalid-combination:error:1bd,2ad']);
    expect(set).not.toHaveBeenCalled();
    expect(badge).not.toHaveBeenCalled();
    // A change of findings is stored and shown.
    expect(rules(await b.fake.send(bill(['2ad']), tabSender(3)))).toEqual([]);
    expect(set).toHaveBeenCalledTimes(1);
    expect(b.fake.badges.get(3)?.text).toBe('');
  });

  test('an emptied region is not validated: no findings, no tariff, and its old findings are cleared', async () => {
    const b = fakeBrowser();
    boot(b);
    await b.fake.send(bill(['1bd', '2ad']), tabSender(3));
    expect(b.fake.badges.get(3)?.text).toBe('1');
    const empty = (await b.fake.send(bill([]), tabSender(3))) as Reply;
    expect(empty.value?.report).toEqual({ tariff: null, findings: [], amounts: { honorar: 0, refusjon: 0, egenandel: 0, unknown: [] } });
    expect(b.fake.badges.get(3)?.text).toBe('');
  });
});
