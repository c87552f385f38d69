// Self-checks of the demo EPJ in plain Chromium (no extension): every screen loads without errors
// or outside requests, every selector its expected.json names exists (also after each scenario's
// steps), and the private data the privacy tests look for is really on the page.
import {
  serveFixtures,
  launchPlain,
  loadScreens,
  openScreen,
  billScope,
  runSteps,
  collectPageErrors,
  type FixtureServer,
  type Screen,
  type ExpectedMarker,
} from './harness';
import type { BrowserContext, Page } from 'playwright-core';

// Real browser work: the e2e project's testTimeout is not applied per project by jest, so set it here.
jest.setTimeout(120_000);

const screens = loadScreens();
let server: FixtureServer;
let browser: { context: BrowserContext; page: Page; close(): Promise<void> };
let page: Page;
let errors: string[];
let foreignRequests: string[];

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchPlain();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await browser.context.newPage();
  errors = collectPageErrors(page);
  foreignRequests = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.origin)) foreignRequests.push(req.url());
  });
});

afterEach(async () => {
  await page.close();
});

/** Each entry: the alternative selectors of one expected marker's field (one of them must exist). */
function nearSelectors(list: ExpectedMarker[]): string[][] {
  return list.map((m) => (Array.isArray(m.near) ? m.near : [m.near]));
}

async function expectSelectorsExist(scope: Awaited<ReturnType<typeof billScope>>, alternatives: string[][]): Promise<void> {
  for (const sel of alternatives) {
    let found = 0;
    for (const one of sel) found += await scope.locator(one).count();
    expect({ sel, exists: found > 0 }).toEqual({ sel, exists: true });
  }
}

test('every pattern of epj-patterns.md has a screen, plus the stress screen', () => {
  const patterns = new Set(screens.map((s) => s.pattern));
  for (let p = 1; p <= 11; p++) expect({ pattern: p, covered: patterns.has(p) }).toEqual({ pattern: p, covered: true });
  expect(screens.some((s) => s.id === 'stress')).toBe(true);
});

describe.each(screens.map((s) => [s.id, s] as [string, Screen]))('%s', (_id, screen) => {
  test('loads without console errors or requests outside the page origin', async () => {
    await openScreen(page, server, screen);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('the fields named in expected.json exist, before and after each scenario', async () => {
    const scope = await openScreen(page, server, screen);
    await expectSelectorsExist(scope, nearSelectors([...screen.markers, ...(screen.anyOf ?? []).flat(), ...(screen.optional ?? [])]));
    for (const scenario of [...(screen.fix ? [screen.fix] : []), ...screen.scenarios]) {
      const s = await openScreen(page, server, screen);
      await runSteps(s, scenario.steps);
      await expectSelectorsExist(s, nearSelectors([...(scenario.markers ?? []), ...(scenario.anyOf ?? []).flat(), ...(scenario.optional ?? [])]));
    }
    expect(errors).toEqual([]);
  });

  test('the private data the privacy tests look for is on the page', async () => {
    await openScreen(page, server, screen);
    const text = await page.evaluate(() => {
      const parts: string[] = [];
      const docs = [document, ...Array.from(document.querySelectorAll('iframe')).map((f) => f.contentDocument)];
      for (const doc of docs) {
        if (!doc) continue;
        parts.push(doc.body.innerText);
        for (const el of Array.from(doc.querySelectorAll('input, textarea'))) parts.push((el as HTMLInputElement).value);
      }
      return parts.join('\n');
    });
    for (const secret of screen.private) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: true });
  });
});

test('the strict-CSP screen is served with a CSP header that forbids inline code', async () => {
  const res = await page.goto(server.url('streng-csp/index.html'));
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("require-trusted-types-for 'script'");
  // The policy is in force: an inline style attribute set by the page is refused.
  const inlineStyleApplied = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    document.body.append(probe);
    const w = probe.getBoundingClientRect().width;
    probe.remove();
    return w === 123;
  });
  expect(inlineStyleApplied).toBe(false);
});

test('the stress screen has 2,000 bill lines and the reference table hundreds of takster', async () => {
  await page.goto(server.url('stress/index.html'));
  await page.waitForSelector("body[data-linjer='2000']", { state: 'attached' });
  expect(await page.locator('#linjer input.kode').count()).toBe(2000);
  await page.goto(server.url('referanse/index.html'));
  expect(await page.locator('#takstoversikt tbody tr').count()).toBeGreaterThanOrEqual(200);
});

test('checking a repeatable takst inserts antall_<code> at runtime and unchecking removes it', async () => {
  await page.goto(server.url('avkrysning/index.html'));
  expect(await page.locator('input[name=antall_2cd]').inputValue()).toBe('2');
  await page.uncheck('#takst-2cd');
  expect(await page.locator('input[name=antall_2cd]').count()).toBe(0);
  await page.check('input[value="701c"]');
  expect(await page.locator('input[name=antall_701c][aria-label="Antall 701c"]').count()).toBe(1);
});

test('the SPA replaces its row nodes on every change', async () => {
  await page.goto(server.url('spa/index.html'));
  await page.waitForSelector('#app[data-hydrated=true]', { state: 'attached' });
  await page.evaluate(() => ((window as unknown as { __row: Element | null }).__row = document.querySelector('#linje-1 input')));
  await page.fill('#linje-2 input.kode', '701c');
  const same = await page.evaluate(() => (window as unknown as { __row: Element | null }).__row === document.querySelector('#linje-1 input'));
  expect(same).toBe(false);
  expect(await page.locator('#linje-2 input.kode').inputValue()).toBe('701c');
});

test('the dialog screen opens its bill in the top layer', async () => {
  await page.goto(server.url('dialog/index.html'));
  expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true);
});
