#!/usr/bin/env node
// `npm run demo`: builds Takstvakt, serves the demo EPJ (test/fixtures/epj) on 127.0.0.1 and opens
// Chromium with the extension loaded.
//   - With a display (DISPLAY or WAYLAND_DISPLAY set): a normal window on the screen list; the demo
//     runs until you close the browser (or press Ctrl+C).
//   - Without one (or with --headless): every screen is opened, the markers are waited for, and a
//     screenshot of each is written to .demo-out/; their paths are printed and the demo exits.
// Options: --headless, --no-build, --out <dir>, --extension <dir>.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadHarness } from './serve-fixtures.mjs';
import { captureTeach } from './lib/demo-teach.mjs';

/**
 * Extension pages captured after the EPJ screens (hook for the popup/options owners): `path` inside
 * the built extension; skipped while the file does not exist. `setup(page)` may prepare the page.
 * @type {Array<{ name: string, path: string, viewport?: { width: number, height: number }, setup?: (page: import('playwright-core').Page) => Promise<void> }>}
 */
export const EXTRA_PAGES = [
  {
    name: 'popup',
    path: 'popup/popup.html',
    viewport: { width: 420, height: 600 },
    // Show a lookup of a takst in the popup's search field.
    setup: async (page) => page.locator('input').first().pressSequentially('2cd'),
  },
  { name: 'options', path: 'options/options.html' },
  // Issue 12: the first-run setup (opened on install) with a practice chosen, and the popup's quick
  // switch of a site's profile (README: docs/screenshots/).
  {
    name: 'setup',
    path: 'options/setup.html',
    setup: async (page) => {
      await page.check('input[name="setup-setting"][value="legevakt"]');
      await page.selectOption('#setup-oncall', 'presence');
      await page.fill('#setup-origin', 'https://epj.legevakt.example.no');
    },
  },
  {
    name: 'popup-profile',
    path: 'popup/popup.html',
    viewport: { width: 420, height: 360 },
    setup: async (page) => {
      // The demo build has localhost granted; a clinic's EPJ origin shows the same once granted.
      const site = 'http://localhost:8080';
      await page.evaluate(async (origin) => {
        await chrome.storage.sync.set({ 'settings:schemaVersion': 2, 'settings:sites': [{ origin, adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'legevakt', onCall: 'presence' } }] });
      }, site);
      await page.goto(`${page.url().split('?')[0]}?url=${encodeURIComponent(`${site}/regning`)}`);
      await page.waitForSelector('#site-profile-oncall');
    },
  },
];

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve(option('--out') ?? '.demo-out');
const extensionPath = resolve(option('--extension') ?? 'dist/chrome');
/** Headless mode must end by itself even if something hangs. */
const WATCHDOG_MS = 180_000;
const MARKER_WAIT_MS = 8_000;
/** The screen whose first marker is clicked open for a second screenshot. */
const DETAIL_SCREEN = 'linjer';
/**
 * The screen shown once more with its diagnosis emptied (a bill Helfo rejects whatever its takster):
 * the whole-bill banner and the diagnosis field's marker (issue 12 §1; README: docs/screenshots/).
 */
const BANNER_SCREEN = { id: 'linjer', diagnosis: '#diagnose' };

function build() {
  if (args.includes('--no-build')) return;
  process.stdout.write('Bygger Takstvakt (node scripts/build.mjs) …\n');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('demo: the build failed; see the messages above.\n');
    process.exit(1);
  }
}

/** Opens one screen, waits for its expected markers (or gives up quietly) and screenshots it. */
async function captureScreen(h, context, server, screen) {
  const page = await context.newPage();
  try {
    const scope = await h.openScreen(page, server, screen);
    const wanted = screen.markers.length + (screen.anyOf ?? []).length;
    const first = [...screen.markers, ...(screen.anyOf ?? []).flat()][0];
    if (first) {
      const near = Array.isArray(first.near) ? first.near[0] : first.near;
      await scope.locator(near).first().scrollIntoViewIfNeeded().catch(() => undefined);
    }
    let seen = [];
    if (wanted > 0) {
      seen = await h
        .waitForMarkers(scope, (list) => list.length >= wanted, { timeout: MARKER_WAIT_MS })
        .catch(() => h.markers(scope));
    } else {
      await page.waitForTimeout(1000);
      seen = await h.markers(scope);
    }
    // Let the overlay settle on its final position before the picture.
    await page.waitForTimeout(250);
    const base = join(outDir, `${String(screen.pattern).padStart(2, '0')}-${screen.id}`);
    const file = `${base}.png`;
    await page.screenshot({ path: file });
    const files = [file];
    // One close-up of an opened finding (what is wrong, why, how to fix) on the first screen.
    if (screen.id === DETAIL_SCREEN && seen[0]) {
      const m = seen[0];
      await page.mouse.click(m.rect.left + m.rect.width / 2, m.rect.top + m.rect.height / 2);
      await page.waitForTimeout(400);
      files.push(`${base}-detalj.png`);
      await page.screenshot({ path: files[1] });
      await page.keyboard.press('Escape');
    }
    if (screen.id === BANNER_SCREEN.id) {
      await scope.fill(BANNER_SCREEN.diagnosis, '');
      const shown = await scope.waitForSelector('[data-takstvakt-banner]', { state: 'attached', timeout: MARKER_WAIT_MS }).then(() => true, () => false);
      if (shown) {
        await page.waitForTimeout(400);
        const banner = `${base}-banner.png`;
        await page.screenshot({ path: banner });
        files.push(banner);
      }
    }
    const check = h.compareMarkers(seen, screen);
    return { screen: screen.id, title: screen.title, file, files, markers: h.markerKeys(seen), problems: check.problems };
  } finally {
    await page.close();
  }
}

async function captureExtensionPages(launched) {
  const shots = [];
  for (const extra of EXTRA_PAGES) {
    if (!existsSync(join(extensionPath, extra.path))) continue;
    const page = await launched.context.newPage();
    try {
      if (extra.viewport) await page.setViewportSize(extra.viewport);
      await page.goto(`chrome-extension://${launched.extensionId}/${extra.path}`, { waitUntil: 'load' });
      if (extra.setup) await extra.setup(page);
      await page.waitForTimeout(400);
      const file = join(outDir, `extension-${extra.name}.png`);
      await page.screenshot({ path: file });
      shots.push({ page: extra.name, file });
    } catch (e) {
      shots.push({ page: extra.name, error: e instanceof Error ? e.message : String(e) });
    } finally {
      await page.close();
    }
  }
  return shots;
}

async function runHeadless(h, server) {
  const watchdog = setTimeout(() => {
    process.stderr.write(`demo: gave up after ${WATCHDOG_MS / 1000} s\n`);
    process.exit(1);
  }, WATCHDOG_MS);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const launched = await h.launchWithExtension({ extensionPath, headless: true });
  try {
    const results = [];
    for (const screen of h.loadScreens('test/fixtures/epj')) {
      const r = await captureScreen(h, launched.context, server, screen);
      results.push(r);
      const note = r.problems.length ? `  (avvik fra expected.json: ${r.problems.join('; ')})` : '';
      process.stdout.write(`${r.files.join('\n')}  ${r.markers.length ? r.markers.join(' ') : 'ingen markører'}${note}\n`);
    }
    const extras = await captureExtensionPages(launched);
    // Issue 12 §6: the teach flow on the demo screen the generic adapter cannot read.
    extras.push(await captureTeach(launched, server, outDir).then((file) => ({ page: 'teach', file }), (e) => ({ page: 'teach', error: String(e) })));
    for (const x of extras) process.stdout.write(x.file ? `${x.file}\n` : `(${x.page}: ${x.error})\n`);
    const summary = join(outDir, 'summary.json');
    writeFileSync(summary, `${JSON.stringify({ server: server.origin, screens: results, extensionPages: extras }, null, 2)}\n`);
    process.stdout.write(`\n${results.length} skjermbilder i ${outDir} (oversikt: ${summary})\n`);
  } finally {
    await launched.close();
    clearTimeout(watchdog);
  }
}

async function runHeaded(h, server) {
  const launched = await h.launchWithExtension({ extensionPath, headless: false });
  await launched.page.goto(server.url('/index.html'));
  process.stdout.write(`Testjournal: ${server.url('/index.html')}\nLukk nettleseren eller trykk Ctrl+C for å avslutte.\n`);
  await new Promise((done) => {
    launched.context.on('close', done);
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await launched.close();
}

async function main() {
  build();
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    process.stderr.write(`demo: ${extensionPath}/manifest.json is missing; run without --no-build.\n`);
    process.exit(1);
  }
  const h = await loadHarness();
  const server = await h.serveFixtures('test/fixtures/epj');
  try {
    if (headless) await runHeadless(h, server);
    else await runHeaded(h, server);
  } finally {
    await server.close();
  }
}

await main();
