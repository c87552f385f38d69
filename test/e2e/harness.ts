// End-to-end harness, one module per job under lib/: the fixture server (server.ts), a launcher per
// browser (chromium.ts: Playwright + Debian chromium; firefox.ts: Puppeteer over WebDriver BiDi + Debian
// firefox-esr), the browser-neutral driver (driver.ts), marker and badge probes (probes.ts), the demo
// screens as data (screens.ts), geometry (geometry.ts) and the scenarios both browsers run
// (scenarios.ts). This file re-exports them for the tests and for scripts/demo.mjs and
// scripts/bench-e2e.mjs (loadHarness() in scripts/serve-fixtures.mjs), and keeps the Playwright forms
// of openScreen/runSteps the Chromium-only tests use.
import type { Frame, Page } from 'playwright-core';
import { frameOf, pwDoc } from './lib/chromium';
import { doSteps } from './lib/scenarios';
import type { Screen, Step } from './lib/screens';
import type { FixtureServer } from './lib/server';

export * from './lib/server';
export { probeTab, readProblems } from './probe-read';
export * from './lib/chromium';
export * from './lib/probes';
export * from './lib/screens';
export * from './lib/geometry';
export * from './lib/scenarios';
export type { Doc, Driver, Evaluator, Tab } from './lib/driver';

/** The document holding the bill: the page itself or the screen's iframe. */
export async function billScope(page: Page, screen: Pick<Screen, 'frame'>): Promise<Page | Frame> {
  return screen.frame ? frameOf(page, screen.frame) : page;
}

/** Opens a screen in a Playwright page and waits until its own script is ready. */
export async function openScreen(page: Page, server: FixtureServer, screen: Screen): Promise<Page | Frame> {
  await page.goto(server.url(screen.page), { waitUntil: 'load' });
  const scope = await billScope(page, screen);
  if (screen.ready) await scope.waitForSelector(screen.ready, { state: 'attached' });
  return scope;
}

/** The screen's user steps on a Playwright page or frame. */
export async function runSteps(scope: Page | Frame, steps: Step[]): Promise<void> {
  await doSteps(pwDoc(scope), steps);
}
