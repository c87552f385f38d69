import { uiPageState } from '../../../src/background/handlers/ui-page-state';
import { writeRegion } from '../../../src/background/tab-state';
import { allContentPatterns, frameWanted, injectIntoOpenTabs, originPattern, patternCovers, syncContentScripts } from '../../../src/background/content-scripts';
import { sitePattern, withoutPort } from '../../../src/settings/site-pattern';
import { defaultSettings } from '../../../src/settings/defaults';
import { fakeBrowser, type FakeBrowser } from './fake-browser';

const aFinding = { rule: 'unknown-code', severity: 'warning' as const, codes: ['zz9'], message: 'm', source: {}, key: 'rule_unknown_code', docs: 'docs/rules/unknown-code.md' };
/** The region ids of a tab as the popup sees them (ui:page-state), not how storage lays them out. */
async function pageRegions(b: FakeBrowser, tabId: number): Promise<number> {
  const r = await uiPageState({ api: b, now: () => new Date() })({ tabId }, { fromExtensionPage: true });
  return r.regions.length;
}

const DEMO = ['http://127.0.0.1/*', 'http://localhost/*'];

describe('runtime EPJ content scripts', () => {
  test('granted origins get one registered script each (all frames, document_idle); revoked ones go', async () => {
    const b = fakeBrowser();
    b.fake.granted.add('https://epj.example.no/*');
    b.fake.granted.add('https://journal.klinikk.no:8443/*');
    const first = await syncContentScripts(b, defaultSettings());
    expect(first.registered).toEqual(['https://epj.example.no/*', 'https://journal.klinikk.no:8443/*']);
    expect(b.fake.scripts.get('epj:https://epj.example.no/*')).toEqual({
      id: 'epj:https://epj.example.no/*',
      matches: ['https://epj.example.no/*'],
      js: ['content.js'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    b.fake.granted.delete('https://epj.example.no/*');
    const second = await syncContentScripts(b, defaultSettings());
    expect(second).toEqual({ registered: [], unregistered: ['https://epj.example.no/*'] });
    expect([...b.fake.scripts.keys()]).toEqual(['epj:https://journal.klinikk.no:8443/*']);
  });

  test('a second sync with nothing changed touches nothing (and never registers a duplicate id)', async () => {
    const b = fakeBrowser();
    b.fake.granted.add('https://epj.example.no/*');
    await syncContentScripts(b, defaultSettings());
    const [a, c] = await Promise.all([syncContentScripts(b, defaultSettings()), syncContentScripts(b, defaultSettings())]);
    expect(a).toEqual({ registered: [], unregistered: [] });
    expect(c).toEqual({ registered: [], unregistered: [] });
  });

  test('static demo matches, sites disabled in settings and whole-web patterns are not registered', async () => {
    const b = fakeBrowser({ staticMatches: DEMO });
    b.fake.granted.add('https://*/*');
    b.fake.granted.add('https://epj.example.no/*');
    b.fake.granted.add('https://av.example.no/*');
    const settings = defaultSettings();
    settings.sites.push({ origin: 'https://av.example.no', adapter: { kind: 'generic' }, enabled: false });
    const r = await syncContentScripts(b, settings);
    expect(r.registered).toEqual(['https://epj.example.no/*']);
  });

  test('originPattern turns a settings origin into the permission pattern', () => {
    expect(originPattern('https://epj.example.no')).toBe('https://epj.example.no/*');
    expect(originPattern('https://*.klinikk.no/')).toBe('https://*.klinikk.no/*');
  });

  test('injection into open tabs after an update: matching tabs only, their old state dropped first; in Firefox too', async () => {
    const b = fakeBrowser({ staticMatches: DEMO });
    b.fake.granted.add('https://epj.example.no/*');
    b.fake.openTabs.push({ id: 1, url: 'http://127.0.0.1:5173/regning.html' }, { id: 2, url: 'https://news.example.com/' }, { id: 3, url: 'https://epj.example.no/pas/1' });
    await writeRegion(b.storage.session, 1, 0, 'old:1', { findings: [aFinding] });
    await writeRegion(b.storage.session, 2, 0, 'x:1', { findings: [aFinding] });
    const patterns = await allContentPatterns(b, defaultSettings());
    expect(patterns).toEqual([...DEMO, 'https://epj.example.no/*']);
    expect(await injectIntoOpenTabs(b, patterns, defaultSettings(), { replace: true })).toBe(2);
    expect(b.fake.executed).toEqual([
      { tabId: 1, files: ['content.js'] },
      { tabId: 3, files: ['content.js'] },
    ]);
    // The injected tabs' old state is dropped; the tab that was not injected keeps its own.
    expect([await pageRegions(b, 1), await pageRegions(b, 2), await pageRegions(b, 3)]).toEqual([0, 1, 0]);
    // Firefox injects no runtime-registered script into open tabs either (issue 11, bug 2).
    const firefox = fakeBrowser({ staticMatches: DEMO });
    firefox.runtime.getURL = (p: string) => `moz-extension://uuid/${p}`;
    firefox.fake.openTabs.push({ id: 1, url: 'http://127.0.0.1:5173/regning.html' });
    expect(await injectIntoOpenTabs(firefox, DEMO, defaultSettings())).toBe(1);
  });

  test('a newly added site: only its own port is injected, and nothing stored is dropped', async () => {
    const b = fakeBrowser();
    b.fake.openTabs.push({ id: 1, url: 'http://127.0.0.1:8443/regning' }, { id: 2, url: 'http://127.0.0.1:9000/annet' }, { id: 3, url: 'http://127.0.0.1:8443/' });
    await writeRegion(b.storage.session, 1, 0, 'a:1', { findings: [aFinding] });
    const settings = defaultSettings();
    settings.sites.push({ origin: 'http://127.0.0.1:8443', adapter: { kind: 'generic' }, enabled: true });
    expect(await injectIntoOpenTabs(b, [originPattern('http://127.0.0.1:8443')], settings)).toBe(2);
    expect(b.fake.executed.map((e) => e.tabId)).toEqual([1, 3]);
    expect(await pageRegions(b, 1)).toBe(1);
  });

  test('Firefox: a site with a port is requested and registered for its host (patterns there cannot hold a port)', async () => {
    expect(sitePattern('http://127.0.0.1:8443', true)).toBe('http://127.0.0.1/*');
    expect(sitePattern('http://127.0.0.1:8443/', false)).toBe('http://127.0.0.1:8443/*');
    expect(sitePattern('https://*.klinikk.no', true)).toBe('https://*.klinikk.no/*');
    expect(withoutPort('https://epj.example.no')).toBe('https://epj.example.no');
    const b = fakeBrowser();
    b.runtime.getURL = (p: string) => `moz-extension://uuid/${p}`;
    b.fake.granted.add('http://127.0.0.1/*');
    const settings = defaultSettings();
    settings.sites.push({ origin: 'http://127.0.0.1:8443', adapter: { kind: 'generic' }, enabled: true }, { origin: 'http://127.0.0.1:9000', adapter: { kind: 'generic' }, enabled: false });
    expect((await syncContentScripts(b, settings)).registered).toEqual(['http://127.0.0.1/*']);
    // The host-wide script runs only on the clinic's enabled site: its port, not another one.
    expect(frameWanted(b, settings, 'http://127.0.0.1:8443/regning')).toBe(true);
    expect(frameWanted(b, settings, 'http://127.0.0.1:9000/regning')).toBe(false);
    expect(frameWanted(b, settings, 'http://127.0.0.1:3000/')).toBe(false);
    expect(frameWanted(b, settings, 'https://127.0.0.1:8443/')).toBe(true);
    expect(frameWanted(b, settings, undefined)).toBe(false);
    // Only the disabled site on a host: nothing registered there.
    settings.sites[0]!.enabled = false;
    expect((await syncContentScripts(b, settings)).unregistered).toEqual(['http://127.0.0.1/*']);
  });

  test('patternCovers: a pattern without a port covers every port; with one, only that port', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:5173/x')).toBe(true);
    expect(patternCovers('http://127.0.0.1:8443/*', 'http://127.0.0.1:8443/x')).toBe(true);
    expect(patternCovers('http://127.0.0.1:8443/*', 'http://127.0.0.1:8444/x')).toBe(false);
    expect(patternCovers('https://*.klinikk.no/*', 'https://epj.klinikk.no/a')).toBe(true);
    expect(patternCovers('*://epj.no/*', 'http://epj.no/')).toBe(true);
    expect(patternCovers('https://epj.no/*', 'http://epj.no/')).toBe(false);
  });
});
