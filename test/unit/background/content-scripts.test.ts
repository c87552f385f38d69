import { writeRegion } from '../../../src/background/tab-state';
import { allContentPatterns, injectIntoOpenTabs, originPattern, syncContentScripts } from '../../../src/background/content-scripts';
import { defaultSettings } from '../../../src/settings/defaults';
import { fakeBrowser } from './fake-browser';

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

  test('injection into open tabs: matching tabs only, their old state dropped first; never in Firefox', async () => {
    const b = fakeBrowser({ staticMatches: DEMO });
    b.fake.granted.add('https://epj.example.no/*');
    b.fake.openTabs.push({ id: 1, url: 'http://127.0.0.1:5173/regning.html' }, { id: 2, url: 'https://news.example.com/' }, { id: 3, url: 'https://epj.example.no/pas/1' });
    await writeRegion(b.storage.session, 1, 0, 'old:1', { findings: [] });
    await writeRegion(b.storage.session, 2, 0, 'x:1', { findings: [] });
    const patterns = await allContentPatterns(b, defaultSettings());
    expect(patterns).toEqual([...DEMO, 'https://epj.example.no/*']);
    expect(await injectIntoOpenTabs(b, patterns)).toBe(2);
    expect(b.fake.executed).toEqual([
      { tabId: 1, files: ['content.js'] },
      { tabId: 3, files: ['content.js'] },
    ]);
    expect([...b.fake.session.data.keys()].sort()).toEqual(['tab:2', 'tabs']);
    expect(b.fake.session.data.get('tabs')).toEqual([2]);
    const firefox = fakeBrowser({ staticMatches: DEMO });
    firefox.runtime.getURL = (p: string) => `moz-extension://uuid/${p}`;
    firefox.fake.openTabs.push({ id: 1, url: 'http://127.0.0.1:5173/regning.html' });
    expect(await injectIntoOpenTabs(firefox, DEMO)).toBe(0);
  });
});
