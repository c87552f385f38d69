// Issue 12 §5: the manifest's keyboard commands move focus to the next / previous marker or banner of
// the page, in document order of what they mark, wrapping. A browser shortcut cannot be pressed from a
// test (CDP key events go to the page, not to the browser's accelerators), so the test fires the
// command event itself in the service worker: `chrome.commands.onCommand.dispatch(name, tab)` runs
// the very listener the browser calls for Alt+Shift+J / Alt+Shift+K (background/main.ts), and from
// there the path is the real one (bg:focus-finding to the tab, the content script moves focus).
import type { Page } from 'playwright-core';
import { chromiumDriver, commandsMoveFocus, pwTab, useExtensionPage, type FixtureServer, type Launched } from './harness';

jest.setTimeout(120_000);

const t = useExtensionPage();
let server: FixtureServer;
let ext: Launched;
let page: Page;
let errors: string[];
beforeEach(() => ({ server, ext, page, errors } = t));

/** Fires a manifest command in the worker, for this page's tab, as the browser does for its shortcut. */
async function command(name: 'next-finding' | 'previous-finding'): Promise<void> {
  await chromiumDriver(ext).command(name, pwTab(page));
}

/** What has focus: a banner, the diagnosis marker, a code marker (its code), or a page element. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const a = document.activeElement;
    if (!a) return 'none';
    if (a.hasAttribute('data-takstvakt-banner')) return 'banner';
    if (a.getAttribute('data-takstvakt-field') === 'diagnosis') return 'diagnosis';
    if (a.hasAttribute('data-takstvakt-code')) return `code:${a.getAttribute('data-takstvakt-code')!.toLowerCase()}`;
    return `page:${a.id || a.tagName.toLowerCase()}`;
  });

async function focusAfter(name: 'next-finding' | 'previous-finding', prev: string): Promise<string> {
  await command(name);
  await page.waitForFunction(
    (prev) => {
      const a = document.activeElement;
      const now = a?.getAttribute('data-takstvakt-field') ?? (a?.hasAttribute('data-takstvakt-banner') ? 'banner' : a?.getAttribute('data-takstvakt-code')?.toLowerCase() ?? a?.id);
      return now !== prev;
    },
    prev.replace(/^(code|page):/, ''),
    { timeout: 5000 },
  );
  return focused(page);
}

test('the commands are in the manifest with their default shortcuts, named in the user\'s language', async () => {
  const all = await ext.serviceWorker.evaluate(() => chrome.commands.getAll());
  const byName = Object.fromEntries(all.map((c) => [c.name, c]));
  expect(byName['next-finding']).toMatchObject({ shortcut: 'Alt+Shift+J' });
  expect(byName['previous-finding']).toMatchObject({ shortcut: 'Alt+Shift+K' });
  expect(byName['next-finding']!.description).toMatch(/\S/);
});

test('next and previous move focus across the banner, the diagnosis marker and the code markers in document order, and wrap', async () => {
  await page.goto(server.url('linjer/index.html'));
  await page.waitForSelector('[data-takstvakt-code]', { state: 'attached' });
  await page.fill('#diagnose', '');
  await page.waitForSelector('[data-takstvakt-banner]', { state: 'attached' });
  await page.waitForSelector('[data-takstvakt-field="diagnosis"]', { state: 'attached' });
  const codes = await page.evaluate(() => Array.from(document.querySelectorAll('[data-takstvakt-code]'), (h) => `code:${h.getAttribute('data-takstvakt-code')!.toLowerCase()}`));
  expect(codes.length).toBeGreaterThan(0);
  await page.bringToFront();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // The form (the bill's region) comes first, then the diagnosis field, then the lines.
  const order = ['banner', 'diagnosis', ...codes];
  const seen: string[] = [];
  let now = await focused(page);
  for (let i = 0; i < order.length + 1; i++) {
    now = await focusAfter('next-finding', now);
    seen.push(now);
  }
  expect(seen).toEqual([...order, 'banner']);

  // Back: from the banner to the last code marker (wrap), then backwards.
  const back: string[] = [];
  for (let i = 0; i < order.length; i++) {
    now = await focusAfter('previous-finding', now);
    back.push(now);
  }
  expect(back).toEqual([...order.slice(1).reverse(), 'banner']);

  // From a field of the page: the next finding after it (the date field comes before the diagnosis).
  await page.focus('#dato');
  expect(await focusAfter('next-finding', 'page:dato')).toBe('diagnosis');
  // Focus moved, the card did not open (it opens on Enter), and the page's values are untouched.
  expect(await page.inputValue('#diagnose')).toBe('');
  expect(errors).toEqual([]);
});

test('a page with no findings: the command moves nothing', async () => {
  await page.goto(server.url('linjer/index.html'));
  await page.waitForSelector('[data-takstvakt-code]', { state: 'attached' });
  // Fix the bill: remove 1bd, so nothing is left to mark.
  await page.fill('input[name="takst-2"]', '');
  await page.waitForSelector('[data-takstvakt-code]', { state: 'detached' });
  await page.focus('#dato');
  await command('next-finding');
  await page.waitForTimeout(500);
  expect(await focused(page)).toBe('page:dato');
});

test('the shared scenario (also run in Firefox): next and previous across the banner and the markers, wrapping', async () => {
  await commandsMoveFocus(chromiumDriver(ext), server);
});
