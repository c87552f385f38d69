// Issue 10: a hostile page cannot steer Takstvakt. Each test opens a page of test/fixtures/epj/fiendtlig/
// whose own script attacks the extension (window.angrep records what it achieved), in real Chromium.
import type { Page } from 'playwright-core';
import { badges, collectPageErrors, markerKeys, markers, waitForMarkers, type FixtureServer, type Launched, useExtension } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
let page: Page;
let errors: string[];

useExtension((s) => ({ server, ext } = s));

beforeEach(async () => {
  page = await ext.context.newPage();
  errors = collectPageErrors(page);
});

afterEach(async () => {
  await page.close();
});

/** The user's stored settings section `rules` (muted list and severities). */
async function storedRules(): Promise<{ muted: string[] }> {
  return ext.serviceWorker.evaluate(async () => {
    const got = await chrome.storage.sync.get('settings:rules');
    return (got['settings:rules'] as { muted: string[] } | undefined) ?? { muted: [] };
  });
}

/** Extension pages open in the browser (docs and settings tabs a card could open). */
const extensionTabs = () => ext.context.pages().filter((p) => p.url().startsWith('chrome-extension://')).length;

const attack = <T>(p: Page = page) => p.evaluate(() => (window as unknown as { angrep: T }).angrep);

describe('1 (high): the page defines custom elements for our tag names', () => {
  test('ElementInternals reaches nothing: no constructor of the page runs, no card button is pressed', async () => {
    const tabsBefore = extensionTabs();
    await page.goto(server.url('fiendtlig/egne-elementer.html?variant=internals'));
    const seen = await waitForMarkers(page, (l) => markerKeys(l).some((k) => k.endsWith(':invalid-combination')), { what: 'invalid-combination markers' });
    // Give the page's timers (300 ms, then every second) their chance.
    await page.waitForTimeout(2500);
    const a = await attack<{ constructed: number; internalsRoots: number; ownShadows: number; clicks: number; cardText: string }>();
    expect(a).toEqual({ constructed: 0, internalsRoots: 0, ownShadows: 0, clicks: 0, cardText: '' });
    expect((await storedRules()).muted).toEqual([]);
    expect(extensionTabs()).toBe(tabsBefore);
    // Nothing was ignored either: the same markers are still there.
    expect(markerKeys(await markers(page))).toEqual(markerKeys(seen));
    // Hosts are built-in elements with no shadow root the page can see; the test contract stays.
    const hosts = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-takstvakt-code],[data-takstvakt-badge]')).map((h) => ({ tag: h.tagName, open: h.shadowRoot !== null, custom: customElements.get(h.localName) !== undefined })),
    );
    expect(hosts.length).toBeGreaterThan(1);
    for (const h of hosts) expect(h).toEqual({ tag: 'SPAN', open: false, custom: false });
    expect(errors).toEqual([]);
  });

  test('a page constructor that attaches its own shadow root does not stop checking', async () => {
    await page.goto(server.url('fiendtlig/egne-elementer.html?variant=skygge'));
    await waitForMarkers(page, (l) => markerKeys(l).some((k) => k.endsWith(':invalid-combination')), { what: 'invalid-combination markers' });
    expect(await badges(page)).toEqual([expect.objectContaining({ state: 'checked' })]);
    expect((await attack<{ constructed: number }>()).constructed).toBe(0);
  });
});

describe('2 (medium): clickjacking', () => {
  test('fake events open no card, the page cannot hide or move a card, and the doctor\'s click lands on the page', async () => {
    const tabsBefore = extensionTabs();
    await page.goto(server.url('fiendtlig/klikkapring.html'));
    await waitForMarkers(page, (l) => l.length > 0, { what: 'markers' });
    // The page has had many frames to open a card with fake events and restyle the host.
    await page.waitForFunction(() => (window as unknown as { angrep: { restyled: number } }).angrep.restyled > 30);
    await page.waitForTimeout(500);
    // The doctor clicks the page's own "Lagre regning".
    const box = (await page.locator('#lagre').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(800);
    const a = await attack<{ saved: number; synthetic: number; aimed: boolean }>();
    expect(a.synthetic).toBeGreaterThan(0);
    // The click did nothing of ours, and reached the page.
    expect({ muted: (await storedRules()).muted, extensionTabs: extensionTabs() - tabsBefore, saved: a.saved }).toEqual({ muted: [], extensionTabs: 0, saved: 1 });
    // No card opened for the page's fake events, so there was nothing to aim at.
    expect(a.aimed).toBe(false);
    expect(markers(page).then((l) => l.length > 0)).resolves.toBe(true);
    // The page's styles on our host never stick: it is opaque where our layout put it.
    const style = await page.evaluate(() => {
      const h = document.querySelector('[data-takstvakt-code]')!;
      return { opacity: getComputedStyle(h).opacity, inline: h.getAttribute('style') ?? '' };
    });
    expect(style.opacity).toBe('1');
    expect(style.inline).not.toMatch(/opacity:\s*0[;\s!]/);
    expect(errors).toEqual([]);
  });
});
