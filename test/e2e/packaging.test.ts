// The built packages: both browser manifests derived from manifest.json, the store build without host
// access, the zips holding exactly the built files, and dist/chrome loading in real Chromium with
// its popup, settings page, locales (nb, nn, en) and icons.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { collectPageErrors, launchWithExtension, type Launched } from './harness';

// jest's testTimeout is a global option (the e2e project's value is not applied per project).
jest.setTimeout(120_000);

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown> & { [k: string]: any };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Reads a zip's central directory and inflates each entry (our writer uses deflate or store). */
function unzip(path: string): Map<string, Buffer> {
  const buf = readFileSync(path);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('built manifests and packages', () => {
  const chrome = readJson('dist/chrome/manifest.json');
  const firefox = readJson('dist/firefox/manifest.json');

  test('Chrome: MV3 service worker, runtime EPJ origins, demo matches only for 127.0.0.1 and localhost', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(chrome.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(chrome.content_scripts).toEqual([{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content.js'], all_frames: true, run_at: 'document_idle' }]);
    expect(chrome.default_locale).toBe('nb');
    expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  test("Firefox: background scripts, gecko id and minimum version, same permissions", () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko.id).toBe('takstvakt@takstvakt.no');
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toMatch(/^\d+\.\d+$/);
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox.optional_host_permissions).toEqual(chrome.optional_host_permissions);
  });

  test('no <all_urls> anywhere, and the store build has no static host access at all', () => {
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import('./scripts/build-extension.mjs').then((m) => console.log(JSON.stringify(['chrome', 'firefox'].map((b) => m.manifestFor(b, { demo: false })))))"],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const store = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    for (const m of [chrome, firefox, ...store]) expect(JSON.stringify(m)).not.toContain('<all_urls>');
    // Extension pages connect to the takstkoder API's two documented origins only; the demo/test build
    // adds this machine (the tests' stand-in server), the store build does not.
    const official = "connect-src 'self' https://api.helsedirektoratet.no https://opne-data-api.helserefusjon.no";
    for (const m of store) expect((m.content_security_policy as { extension_pages: string }).extension_pages).toBe(`script-src 'self'; object-src 'self'; ${official}`);
    expect(chrome.content_security_policy.extension_pages).toBe(`script-src 'self'; object-src 'self'; ${official} http://127.0.0.1:* http://localhost:*`);
    for (const m of store) {
      expect(m.host_permissions).toBeUndefined();
      expect(m.content_scripts).toBeUndefined();
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    }
  });

  test.each(['chrome', 'firefox'])('dist/takstvakt-%s.zip holds exactly the built files, byte for byte', (browser) => {
    const dir = `dist/${browser}`;
    const entries = unzip(`dist/takstvakt-${browser}.zip`);
    const files = filesUnder(dir).map((f) => relative(dir, f).split(sep).join('/')).sort();
    expect([...entries.keys()].sort()).toEqual(files);
    for (const f of files) expect(entries.get(f)!.equals(readFileSync(join(dir, f)))).toBe(true);
  });

  test('every locale folder holds the same keys, and every rule docs page was rendered', () => {
    const keys = (l: string) => Object.keys(readJson(`dist/chrome/_locales/${l}/messages.json`)).sort();
    expect(keys('nn')).toEqual(keys('nb'));
    expect(keys('en')).toEqual(keys('nb'));
    // `no` is the name Chrome gives Norwegian; it ships bokmål.
    expect(readJson('dist/chrome/_locales/no/messages.json')).toEqual(readJson('dist/chrome/_locales/nb/messages.json'));
    const md = readdirSync('docs/rules').filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '.html'));
    expect(md.length).toBeGreaterThan(0);
    const html = readdirSync('dist/chrome/docs/rules');
    for (const f of md) expect(html).toContain(f);
  });
});

describe('dist/chrome in Chromium', () => {
  let x: Launched;
  beforeAll(async () => {
    x = await launchWithExtension();
  });
  afterAll(async () => {
    await x?.close();
  });

  test('the worker starts with its listeners registered and the localised manifest', async () => {
    const info = await x.serviceWorker.evaluate(() => ({
      name: chrome.runtime.getManifest().name,
      onMessage: chrome.runtime.onMessage.hasListeners(),
      onInstalled: chrome.runtime.onInstalled.hasListeners(),
      permissionsAdded: chrome.permissions.onAdded.hasListeners(),
      tabsRemoved: chrome.tabs.onRemoved.hasListeners(),
      storageChanged: chrome.storage.onChanged.hasListeners(),
    }));
    expect(info).toEqual({ name: 'Takstvakt', onMessage: true, onInstalled: true, permissionsAdded: true, tabsRemoved: true, storageChanged: true });
  });

  test('popup, settings page and a rule docs page open without errors', async () => {
    const docs = readdirSync('docs/rules').find((f) => f.endsWith('.md'))!.replace(/\.md$/, '.html');
    for (const path of ['popup/popup.html', 'options/options.html', `docs/rules/${docs}`]) {
      const page = await x.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`chrome-extension://${x.extensionId}/${path}`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      expect({ path, text: (await page.locator('body').innerText()).trim().length > 0 }).toEqual({ path, text: true });
      expect({ path, errors }).toEqual({ path, errors: [] });
      await page.close();
    }
  });

  test('icons are real PNGs of their declared sizes', async () => {
    const icons = (readJson('dist/chrome/manifest.json').icons ?? {}) as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    const page = await x.context.newPage();
    for (const [size, path] of Object.entries(icons)) {
      await page.goto(`chrome-extension://${x.extensionId}/${path}`);
      const dims = await page.evaluate(() => {
        const img = document.querySelector('img');
        return img ? [img.naturalWidth, img.naturalHeight] : null;
      });
      expect({ path, dims }).toEqual({ path, dims: [Number(size), Number(size)] });
    }
    await page.close();
  });
  // Last in this group: it reloads the extension. Chromium records manifest warnings (unknown keys and
  // the like) only in developer mode, so turn it on and reload, as a developer would.
  test('chrome://extensions reports it enabled, with no manifest errors or install warnings after a reload in developer mode', async () => {
    const page = await x.context.newPage();
    await page.goto('chrome://extensions');
    type Info = { id: string; state: string; manifestErrors: Array<{ message: string }>; installWarnings: string[]; runtimeErrors: Array<{ message: string }> };
    type DevPrivate = {
      updateProfileConfiguration(c: object, cb: () => void): void;
      reload(id: string, o: object, cb: () => void): void;
      getExtensionsInfo(o: object, cb: (l: Info[]) => void): void;
    };
    const info = await page.evaluate(async (id) => {
      const dp = (chrome as unknown as { developerPrivate: DevPrivate }).developerPrivate;
      await new Promise<void>((r) => dp.updateProfileConfiguration({ inDeveloperMode: true }, r));
      await new Promise<void>((r) => dp.reload(id, { failQuietly: true }, r));
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const found = await new Promise<Info | undefined>((r) => dp.getExtensionsInfo({ includeDisabled: true, includeTerminated: true }, (l) => r(l.find((e) => e.id === id))));
        if (found?.state === 'ENABLED') return found;
      }
      return undefined;
    }, x.extensionId);
    await page.close();
    expect(info && { state: info.state, manifestErrors: info.manifestErrors, installWarnings: info.installWarnings, runtimeErrors: info.runtimeErrors }).toEqual({
      state: 'ENABLED',
      manifestErrors: [],
      installWarnings: [],
      runtimeErrors: [],
    });
  });
});

describe('locales in Chromium', () => {
  // Debian's Chromium ships only the en-US UI pack, so a Chrome UI language such as nb falls back to
  // en-US before extensions are asked; nn and no are not Chrome UI languages and reach the extension.
  test.each([
    ['nn', 'Kontrollerer takstane'],
    ['no', 'Kontrollerer takstene'],
    ['en-US', 'Checks Norwegian GP fee codes'],
  ])('with the browser in %s the extension loads and uses that catalog', async (lang, start) => {
    const x = await launchWithExtension({ args: [`--lang=${lang}`] });
    try {
      // The browser localizes the manifest when it loads the extension; chrome://extensions shows that
      // text. (Not the worker's chrome.i18n.getMessage: Chromium 156.0.8078.108 gives a renderer an empty
      // message bundle on about one start in three, in every language; nothing of ours reads it.)
      const page = await x.context.newPage();
      await page.goto('chrome://extensions');
      const description = await page.evaluate(async (id) => {
        type Info = { id: string; description: string };
        const dp = (chrome as unknown as { developerPrivate: { getExtensionsInfo(o: object, cb: (l: Info[]) => void): void } }).developerPrivate;
        return new Promise<string | undefined>((r) => dp.getExtensionsInfo({ includeDisabled: true }, (l) => r(l.find((e) => e.id === id)?.description)));
      }, x.extensionId);
      await page.close();
      expect({ lang, text: description?.slice(0, start.length) }).toEqual({ lang, text: start });
    } finally {
      await x.close();
    }
  });
});
