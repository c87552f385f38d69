// The extension on every demo EPJ screen, in real Chromium: the right markers next to the right
// fields and only those; they go when the bill is fixed; host fields and layout untouched; no
// console errors; nothing private leaves the page. Expectations live in each screen's expected.json;
// the suite itself (lib/scenarios.ts) runs in Firefox too (firefox/screens.test.ts).
import {
  serveFixtures,
  launchWithExtension,
  launchPlain,
  chromiumDriver,
  pwTab,
  openScreenIn,
  doSteps,
  scrollToFields,
  hostFieldState,
  layoutOf,
  screenSuite,
  notCheckedOnFailedCheck,
  type Driver,
  type FixtureServer,
  type Launched,
  type Screen,
  type Step,
  type Box,
} from './harness';
import type { BrowserContext } from 'playwright-core';

// Real browser work: the e2e project's testTimeout is not applied per project by jest, so set it here.
jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
let driver: Driver;
let plain: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await serveFixtures();
  ext = await launchWithExtension();
  driver = chromiumDriver(ext);
  plain = await launchPlain();
});

afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
});

/** Field values and boxes of a screen in plain Chromium after `steps` (the baseline without Takstvakt). */
async function baseline(screen: Screen, steps: Step[]): Promise<{ fields: string[]; layout: Box[] }> {
  const tab = pwTab(await plain.context.newPage());
  try {
    const doc = await openScreenIn(tab, server, screen);
    await scrollToFields(doc, screen);
    await doSteps(doc, steps);
    return { fields: await hostFieldState(doc), layout: await layoutOf(doc) };
  } finally {
    await tab.close();
  }
}

screenSuite({ env: () => ({ driver, server }), baseline });

test('a check that fails shows "ikke kontrollert" with its reason code, and the next good check clears it', async () => {
  await notCheckedOnFailedCheck(driver, server);
});
