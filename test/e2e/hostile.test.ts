// Issue 10: a hostile page cannot steer Takstvakt. Each test opens a page of test/fixtures/epj/fiendtlig/
// whose own script attacks the extension (window.angrep records what it achieved), in real Chromium.
import type { Page } from 'playwright-core';
import { inClosedRoots } from './lib/closed-roots';
import { badges, collectPageErrors, coveredHostContent, markerKeys, markers, waitForMarkers, type FixtureServer, type Launched, useExtension } from './harness';

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
      return { opacity: getComputedStyle(h).opacity, inline: h.getAttribute('style') ?? '', open: h.matches(':popover-open') };
    });
    expect(style.opacity).toBe('1');
    expect(style.open).toBe(true);
    expect(style.inline).not.toMatch(/opacity:\s*0[;\s!]/);
    expect(errors).toEqual([]);
  });
});

describe('2 (medium): a page element drawn over an open card', () => {
  test('a click-through popover of the page over the card makes its buttons refuse the doctor\'s click', async () => {
    const tabsBefore = extensionTabs();
    await page.goto(server.url('fiendtlig/dekke.html'));
    const seen = await waitForMarkers(page, (l) => l.length > 0);
    const [m] = seen;
    // The doctor opens a card on purpose.
    await page.mouse.click(m!.rect.left + 8, m!.rect.top + m!.rect.height / 2);
    await page.waitForFunction(() => (window as unknown as { angrep: { covered: boolean } }).angrep.covered, undefined, { timeout: 10_000 });
    await page.waitForTimeout(400);
    // ... and then clicks what the page shows there: its own "Lagre regning", drawn over our button.
    const { spot } = await attack<{ spot: { x: number; y: number } }>();
    await page.mouse.click(spot.x, spot.y);
    await page.waitForTimeout(800);
    expect({ muted: (await storedRules()).muted, extensionTabs: extensionTabs() - tabsBefore }).toEqual({ muted: [], extensionTabs: 0 });
    expect(markerKeys(await markers(page))).toEqual(markerKeys(seen));
  });
});

// ---- 3 (medium) and 4 (low) -------------------------------------------------------------------

async function tabIdOf(p: Page): Promise<number> {
  return ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, p.url());
}

/** `ui:page-state` as the popup asks it, from an extension page. */
async function pageState(tabId: number): Promise<{ regions: Array<{ state: string; findings: Array<{ rule: string; codes: string[] }> }> }> {
  const ui = await ext.context.newPage();
  await ui.goto(`chrome-extension://${ext.extensionId}/popup/popup.html`);
  const r = await ui.evaluate((id) => chrome.runtime.sendMessage({ type: 'ui:page-state', payload: { tabId: id } }), tabId);
  await ui.close();
  return (r as { value: { regions: Array<{ state: string; findings: Array<{ rule: string; codes: string[] }> }> } }).value;
}

/** Fills storage.session with `bytes` of another tab's data (as many busy tabs would). */
async function fillSession(bytes: number): Promise<number> {
  return ext.serviceWorker.evaluate(async (n) => {
    // Big pieces first, then ever smaller ones: nothing of the quota is left.
    let stored = 0;
    let i = 0;
    for (const size of [512 * 1024, 32 * 1024, 1024, 64]) {
      for (; stored < n; i++) {
        try {
          await chrome.storage.session.set({ [`tab:99999:r:0|junk-${i}`]: 'x'.repeat(size) });
        } catch {
          break;
        }
        stored += size;
      }
    }
    return stored;
  }, bytes);
}

async function clearJunk(): Promise<void> {
  await ext.serviceWorker.evaluate(async () => {
    const keys = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.includes('junk-'));
    await chrome.storage.session.remove(keys);
  });
}

const linjer = () => server.url('linjer/index.html');
const marked612b = (l: Awaited<ReturnType<typeof markers>>) => l.some((m) => m.code.toLowerCase() === '612b');

describe('3 (medium): one tab cannot stop checking in every tab', () => {
  test('a tab over its size cap says so on its own page, keeps its markers, and other tabs keep working', async () => {
    await page.goto(server.url('fiendtlig/mange-funn.html'));
    await page.waitForSelector('[data-takstvakt-badge][data-takstvakt-full]', { state: 'attached', timeout: 60_000 });
    expect(await badges(page)).toHaveLength(1);
    expect((await markers(page)).length).toBeGreaterThan(1000);
    const tabId = await tabIdOf(page);
    const size = await ext.serviceWorker.evaluate(async (id) => JSON.stringify(await chrome.storage.session.get(`tab:${id}`)).length, tabId);
    expect(size).toBeLessThanOrEqual(256 * 1024 + 64);

    const other = await ext.context.newPage();
    await other.goto(linjer());
    await waitForMarkers(other, (l) => l.length > 0);
    await other.fill('#linje-3 input.kode', '612b');
    await waitForMarkers(other, marked612b, { what: '612b marked in the other tab' });
    const state = await pageState(await tabIdOf(other));
    expect(state.regions.flatMap((r) => r.findings.map((f) => f.rule))).toContain('patient-age');
    expect(await other.locator('[data-takstvakt-full]').count()).toBe(0);
    await other.close();
  });

  test('a write that fails (storage.session quota) never costs the page its reply', async () => {
    try {
      expect(await fillSession(11 * 1024 * 1024)).toBeGreaterThan(9 * 1024 * 1024);
      await page.goto(linjer());
      await waitForMarkers(page, (l) => l.length > 0, { what: 'markers with a full storage.session' });
      await page.fill('#linje-3 input.kode', '612b');
      await waitForMarkers(page, marked612b, { what: '612b marked although nothing can be stored' });
    } finally {
      await clearJunk();
    }
  });

  test('an edit never reads all of storage.session', async () => {
    await page.goto(linjer());
    await waitForMarkers(page, (l) => l.length > 0);
    await ext.serviceWorker.evaluate(() => {
      const area = chrome.storage.session as unknown as { get: (k?: unknown) => Promise<unknown>; __calls?: unknown[] };
      const original = area.get.bind(area);
      area.__calls = [];
      area.get = (k?: unknown) => {
        area.__calls!.push(k === undefined ? 'undefined' : k);
        return original(k);
      };
    });
    for (const code of ['612b', '701a', '612b']) {
      await page.fill('#linje-3 input.kode', code);
      await waitForMarkers(page, (l) => marked612b(l) === (code === '612b'));
    }
    const calls = await ext.serviceWorker.evaluate(() => (chrome.storage.session as unknown as { __calls: unknown[] }).__calls);
    expect(calls.filter((k) => k === null || k === 'undefined')).toEqual([]);
  });
});

describe('4 (low)', () => {
  test('a forged takstvakt:started event removes nothing, and the extension sends the page no event', async () => {
    await page.goto(server.url('fiendtlig/startet.html'));
    const before = await waitForMarkers(page, (l) => l.length > 0);
    await page.waitForFunction(() => (window as unknown as { angrep: { forged: number } }).angrep.forged > 15);
    expect(markerKeys(await markers(page))).toEqual(markerKeys(before));
    expect(await badges(page)).toHaveLength(1);
    expect((await attack<{ heard: string[] }>()).heard).toEqual([]);
  });

  test('markers of a modal dialog leave its layout and :last-child alone, and still open by click', async () => {
    await page.goto(server.url('fiendtlig/dialog.html'));
    await waitForMarkers(page, (l) => markerKeys(l).some((k) => k.endsWith(':invalid-combination')));
    await page.waitForTimeout(300);
    const d = await page.evaluate(() => {
      const dialog = document.getElementById('regning-dialog')!;
      const a = (window as unknown as { angrep: { height: number; heights: number[] } }).angrep;
      return { last: dialog.lastElementChild?.id, height: dialog.getBoundingClientRect().height, before: a.height, heights: a.heights, inForm: document.querySelector('#regning [data-takstvakt-code]') !== null };
    });
    expect(d.last).toBe('regning');
    expect(d.height).toBe(d.before);
    expect(d.heights.every((h) => h === d.before)).toBe(true);
    expect(d.inForm).toBe(false);
    // The marker is usable above the modal: the doctor's click reaches it (the card opens: the host grows no box, so check focus).
    const [m] = await markers(page);
    await page.mouse.click(m!.rect.left + 6, m!.rect.top + m!.rect.height / 2);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-takstvakt-code') ?? false)).toBe(true);
  });

  test('an unreadable part of a region does not wipe the findings of what was read', async () => {
    await page.goto(server.url('fiendtlig/delvis.html'));
    const seen = await waitForMarkers(page, (l) => l.length === 6, { what: 'six unknown-code markers' });
    expect(markerKeys(seen).every((k) => k.endsWith(':unknown-code'))).toBe(true);
    await page.waitForSelector('[data-takstvakt-badge][data-takstvakt-state="unreadable"]', { state: 'attached' });
    await page.waitForTimeout(300);
    const state = await pageState(await tabIdOf(page));
    expect(state.regions.map((r) => r.state)).toEqual(['unreadable']);
    expect(state.regions[0]!.findings.filter((f) => f.rule === 'unknown-code')).toHaveLength(6);
  });

  test('at 400 px width markers stay inside the viewport, even with no free side', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    for (const [url, own] of [[linjer(), 'input.kode'], [server.url('fiendtlig/smal.html'), '#takster']] as const) {
      await page.goto(url);
      await waitForMarkers(page, (l) => l.length > 0);
      await page.waitForTimeout(300);
      for (const m of await markers(page)) {
        expect({ url, code: m.code, left: m.rect.left >= 0, right: m.rect.right <= 400 }).toEqual({ url, code: m.code, left: true, right: true });
        // Never over the page's buttons or text (only, where no side is free, over its own field's end).
        expect(await coveredHostContent(page, m.rect, [own])).toEqual([]);
      }
    }
  });
});

// ---- issue 12 §4: the doctor's own actions still work; muting lives in settings -------------------

test('antd table: a cell\'s marker sits in the cell\'s own row after its text, never in the header row, at 1280 and 400 px', async () => {
  for (const width of [1280, 400]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(server.url('antd/index.html'));
    await waitForMarkers(page, (l) => l.some((m) => m.code.trim().toLowerCase() === '1bd'), { what: 'the 1bd marker' });
    await page.waitForTimeout(300);
    const m = (await markers(page)).find((x) => x.code.trim().toLowerCase() === '1bd')!;
    const rows = await page.evaluate(() => {
      const box = (sel: string) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return { row: box('tr[data-row-key="1"]'), head: box('.ant-table-thead'), cell: box('tr[data-row-key="1"] td:first-child') };
    });
    const midY = m.rect.top + m.rect.height / 2;
    expect({ width, inRow: midY > rows.row.top && midY < rows.row.bottom, overHeader: m.rect.top < rows.head.bottom && m.rect.bottom > rows.head.top }).toEqual({ width, inRow: true, overHeader: false });
    expect({ width, inCell: m.rect.left >= rows.cell.left && m.rect.right <= rows.cell.right }).toEqual({ width, inCell: true });
    expect({ width, left: m.rect.left >= 0, right: m.rect.right <= width }).toEqual({ width, left: true, right: true });
    // No text of the page under it at all (its own cell's "1bd" included), and no control.
    expect(await coveredHostContent(page, m.rect, [], true)).toEqual([]);
    // The middle of the cell, where the doctor clicks to edit it, still reaches the page.
    const centreHit = await page.evaluate(() => {
      const w = document.querySelector('tr[data-row-key="1"] td:first-child .editable-cell-value-wrap')!.getBoundingClientRect();
      return document.elementFromPoint(w.left + w.width / 2, w.top + w.height / 2)?.className;
    });
    expect({ width, centreHit }).toEqual({ width, centreHit: 'editable-cell-value-wrap' });
  }
});

describe('card actions by the doctor, and muting in settings', () => {
  /** Opens the first marker's card with a real click and moves to its n-th action by Tab. */
  async function openCardAndTab(p: Page, tabs: number): Promise<void> {
    const [m] = await markers(p);
    await p.mouse.click(m!.rect.left + 8, m!.rect.top + m!.rect.height / 2);
    // Focus on the marker does not open anything by itself; the click did.
    for (let i = 0; i < tabs; i++) await p.keyboard.press('Tab');
    await p.waitForTimeout(400);
  }

  test('Enter on "Ignorer denne gangen" in a card the doctor opened hides that finding', async () => {
    await page.goto(linjer());
    const [first] = await waitForMarkers(page, (l) => markerKeys(l).includes('1bd:invalid-combination'));
    await openCardAndTab(page, 3);
    await page.keyboard.press('Enter');
    // The first marker's one finding (2ad with 1bd) is ignored: its marker goes, the others stay.
    await waitForMarkers(page, (l) => l.length > 0 && !l.some((m) => m.code === first!.code), { what: 'the ignored finding gone' });
  });

  test('"Innstillinger for regelen" opens settings; muting is confirmed there, shown on the page badge, and can be undone', async () => {
    await page.goto(linjer());
    await waitForMarkers(page, (l) => markerKeys(l).includes('1bd:invalid-combination'));
    expect(await page.locator('[data-takstvakt-badge]').getAttribute('data-takstvakt-muted')).toBe('0');
    await openCardAndTab(page, 4);
    const [settings] = await Promise.all([ext.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await settings.waitForLoadState();
    expect(settings.url()).toMatch(/options\/options\.html#regel=invalid-combination$/);
    const row = settings.locator('#regel-invalid-combination');
    await row.getByRole('button', { name: /^Demp / }).click();
    // Nothing is muted before the confirmation.
    expect((await storedRules()).muted).toEqual([]);
    await row.getByRole('button', { name: 'Ja, demp regelen' }).click();
    await settings.getByRole('button', { name: 'Angre' }).waitFor();
    expect((await storedRules()).muted).toEqual(['invalid-combination']);
    await waitForMarkers(page, (l) => !markerKeys(l).includes('1bd:invalid-combination'), { what: 'the muted rule gone from the page' });
    await page.waitForSelector('[data-takstvakt-badge][data-takstvakt-muted="1"]', { state: 'attached' });
    await settings.getByRole('button', { name: 'Angre' }).click();
    await waitForMarkers(page, (l) => markerKeys(l).includes('1bd:invalid-combination'), { what: 'the rule back after undo' });
    await page.waitForSelector('[data-takstvakt-badge][data-takstvakt-muted="0"]', { state: 'attached' });
    expect((await storedRules()).muted).toEqual([]);
    await settings.close();
  });
});

describe('4 (low): a bad region selector that got in anyway (policy, older settings)', () => {
  test('the page says "ikke kontrollert" instead of falling silent', async () => {
    const setSites = (sites: unknown[]) => ext.serviceWorker.evaluate((v) => chrome.storage.sync.set({ 'settings:sites': v, 'settings:schemaVersion': 1 }), sites);
    await setSites([{ origin: server.origin, adapter: { kind: 'custom', region: 'form[[', code: '#takster' }, enabled: true }]);
    try {
      await page.goto(server.url('fritekst/index.html'));
      await page.waitForSelector('[data-takstvakt-badge][data-takstvakt-state="unreadable"]', { state: 'attached', timeout: 15_000 });
    } finally {
      await setSites([]);
    }
  });
});

describe('4 (low): settings import', () => {
  async function importFile(p: Page, file: string): Promise<void> {
    await p.setInputFiles('section[aria-labelledby="backup-h"] input[type="file"]', file);
  }

  test('bad selectors, unknown rules and versions and wildcard origins are refused by field, in Norwegian; a BOM is fine', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    await options.waitForSelector('section[aria-labelledby="backup-h"] input[type="file"]');
    const before = await ext.serviceWorker.evaluate(() => chrome.storage.sync.get(null));
    await importFile(options, 'test/fixtures/innstillinger/ugyldig.json');
    const alert = (await options.locator('section[aria-labelledby="backup-h"] [role="alert"]').textContent({ timeout: 10_000 })) ?? '';
    for (const want of [
      '(sites.0.origin): jokertegn (*) er ikke tillatt',
      '(sites.1.adapter.region): CSS-velgeren «form[[» er ugyldig',
      '(sites.1.adapter.code): CSS-velgeren «input:takst» er ugyldig',
      '(rules.severity.no-such-rule): ukjent regel «no-such-rule»',
      '(rules.muted.1): ukjent regel «ukjent-regel»',
      '(tariff.active): ukjent takstversjon «fastlege-2031-2032»',
    ]) expect(alert).toContain(want);
    expect(alert).not.toMatch(/must be|invalid|unknown/);
    expect(await ext.serviceWorker.evaluate(() => chrome.storage.sync.get(null))).toEqual(before);

    await importFile(options, 'test/fixtures/innstillinger/med-bom.json');
    await options.waitForFunction(async () => ((await chrome.storage.sync.get('settings:clinic'))['settings:clinic'] as { onCall?: string } | undefined)?.onCall === 'home');
    await options.close();
  });
});

describe('issue 12: the whole-bill banner under the same attacks', () => {
  test('the page cannot hide, move or take the banner out of the top layer, nor open its card with script-made events', async () => {
    await page.goto(server.url('linjer/index.html'));
    await page.waitForSelector('[data-takstvakt-code]', { state: 'attached' });
    await page.fill('#diagnose', '');
    await page.waitForSelector('[data-takstvakt-banner]', { state: 'attached' });
    const tabsBefore = extensionTabs();
    // As the page: restyle the host, pop it out of the top layer, send it forged clicks and Enter.
    const seen = await page.evaluate(async () => {
      const h = document.querySelector<HTMLElement>('[data-takstvakt-banner]')!;
      const before = h.getBoundingClientRect();
      h.style.setProperty('opacity', '0', 'important');
      h.style.transform = 'translate(900px, 900px)';
      h.setAttribute('hidden', '');
      try {
        h.hidePopover();
      } catch {
        // Not a popover: nothing to take out.
      }
      h.click();
      h.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await new Promise((r) => setTimeout(r, 100));
      const s = getComputedStyle(h);
      const after = h.getBoundingClientRect();
      return { opacity: s.opacity, hidden: h.hasAttribute('hidden'), open: h.matches(':popover-open'), moved: Math.abs(after.left - before.left) + Math.abs(after.top - before.top), shadow: h.shadowRoot };
    });
    expect(seen).toEqual({ opacity: '1', hidden: false, open: true, moved: 0, shadow: null });
    const [card] = await inClosedRoots<{ hidden: boolean }>(page, 'data-takstvakt-banner', 'function () { return { hidden: this.querySelector("[role=dialog]").hidden }; }');
    expect(card).toEqual({ hidden: true });
    expect(extensionTabs()).toBe(tabsBefore);
    expect(errors).toEqual([]);
  });
});
