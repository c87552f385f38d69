#!/usr/bin/env node
// Browser benchmarks of Takstvakt on the demo EPJ, in headless Chromium with dist/chrome loaded.
// Prints ONE line: a JSON array of { name, unit, median, p95, ... } (scripts/bench.mjs reads the last line).
//   e2e.warning-latency      ms from an input event on a field to its marker being in the DOM
//   e2e.warning-clear-latency ms from the fixing input event to the marker being gone
//   e2e.stress-update        ms for one edit on the 2,000-line screen to update the markers,
//                            with long tasks (> 50 ms) seen during those edits
//   e2e.stress-first-marker  ms from navigation start to the first marker on the 2,000-line screen
//                            (with the page's own long tasks measured without the extension, for contrast,
//                            the long tasks after the page's load event, when our scripts start, and the
//                            ms of extension script until the marker)
//   e2e.popup-cold-index     ms from opening the popup with a stopped service worker to its search
//                            first search result (query typed as soon as the page is there)
//   e2e.popup-first-index    the same for the first popup of a freshly started browser
//   bundle.content-script    bytes of the minified dist/chrome/content.js: the boot script every frame
//                            of a granted site runs
//   bundle.content-script-main  bytes of content-main.js: adapters, scanner and overlay, injected only
//                            into frames that show a takst field
// Timing is taken inside the page (performance.now + MutationObserver), so the DevTools round trip
// is not part of it. Options: --edits N (default 60), --stress-edits N (default 20), --extension <dir>.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attributeToggle, extensionScriptMs, lookupPage, ourLongTasks, screensExact } from './bench-page-side.mjs';
import { loadHarness } from './serve-fixtures.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const EDITS = Number(option('--edits', '60'));
const STRESS_EDITS = Number(option('--stress-edits', '20'));
const WARMUP = 5;
const POPUP_RUNS = Number(option('--popup-runs', '15'));
const FRESH_RUNS = Number(option('--fresh-runs', '5'));
/** `--only popup-cold` runs just that benchmark; `--only page` skips the popup ones (quick before/after comparisons). */
const ONLY = option('--only', null);
const extensionPath = resolve(option('--extension', 'dist/chrome'));
const log = (msg) => process.stderr.write(`bench-e2e: ${msg}\n`);

function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function stats(name, unit, samples, extra = {}) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n) => (n === null ? null : Math.round(n * 100) / 100);
  return { name, unit, median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), samples: sorted.length, ...extra };
}

/**
 * Installed before the page's own scripts: collects long tasks and the time the first marker for
 * `window.__benchFirstCode` appears (relative to navigation start).
 */
function pageProbe() {
  const w = window;
  w.__benchLongTasks = [];
  addEventListener('load', () => {
    w.__benchLoadAt = performance.now();
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* longtask not supported: reported as null */
  }
  const watch = new MutationObserver(() => {
    const code = w.__benchFirstCode;
    if (!code || w.__benchFirstMarkerAt) return;
    for (const el of document.querySelectorAll('[data-takstvakt-code]')) {
      if ((el.getAttribute('data-takstvakt-code') ?? '').replace(/\s+/g, '').toLowerCase() === code) {
        w.__benchFirstMarkerAt = performance.now();
        watch.disconnect();
        return;
      }
    }
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * In the page: sets `selector`'s value and dispatches an input event, then resolves with the ms until
 * a marker for `code` is present (`want` true) or gone (`want` false). Rejects after `timeoutMs`.
 */
function editAndWait({ selector, value, code, want, timeoutMs }) {
  const norm = (s) => s.replace(/\s+/g, '').toLowerCase();
  const present = () => Array.from(document.querySelectorAll('[data-takstvakt-code]')).some((el) => norm(el.getAttribute('data-takstvakt-code') ?? '') === code);
  return new Promise((resolveEdit, reject) => {
    const field = document.querySelector(selector);
    if (!field) return reject(new Error(`no ${selector}`));
    let t0 = 0;
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolveEdit({ ms: performance.now() - t0, start: t0, end: performance.now() });
    };
    const observer = new MutationObserver(() => {
      if (present() === want) done();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-takstvakt-code', 'data-takstvakt-rule', 'data-takstvakt-severity'] });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`marker for ${code} ${want ? 'did not appear' : 'did not go'} within ${timeoutMs} ms`));
    }, timeoutMs);
    field.value = value;
    t0 = performance.now();
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Alternates a field between a value that gives `code` a marker and one that does not. */
async function alternate(page, { selector, bad, good, code, edits, timeoutMs }) {
  const appear = [];
  const clear = [];
  const windows = [];
  for (let i = 0; i < edits + WARMUP; i++) {
    const a = await page.evaluate(editAndWait, { selector, value: bad, code, want: true, timeoutMs });
    await page.waitForTimeout(20);
    const c = await page.evaluate(editAndWait, { selector, value: good, code, want: false, timeoutMs });
    await page.waitForTimeout(20);
    if (i < WARMUP) continue;
    appear.push(a.ms);
    clear.push(c.ms);
    windows.push([a.start, a.end], [c.start, c.end]);
  }
  return { appear, clear, windows };
}

/** The long tasks the page saw that overlap `windows` ([start, end] in page ms); null when unsupported. */
async function longTasksDuring(page, windows) {
  const tasks = await page.evaluate(() => window.__benchLongTasks ?? null);
  return tasks && tasks.filter((t) => windows.some(([s, e]) => t.start < e && t.start + t.duration > s));
}

async function longTasksIn(page, windows) {
  const during = await longTasksDuring(page, windows);
  if (during === null) return null;
  return { count: during.length, maxMs: during.length ? Math.round(Math.max(...during.map((t) => t.duration))) : 0 };
}

async function warningLatency(h, context, server) {
  const page = await context.newPage();
  try {
    await page.goto(server.url('linjer/index.html'), { waitUntil: 'load' });
    // Start from a clean bill: line 2's 1bd removed, no markers at all.
    await h.waitForMarkers(page, (list) => list.length > 0, { timeout: 15_000, what: 'the first markers on linjer' });
    await page.evaluate(editAndWait, { selector: '#linje-2 input.kode', value: '', code: '1bd', want: false, timeoutMs: 10_000 });
    await h.waitForMarkers(page, (list) => list.length === 0, { timeout: 10_000, what: 'a clean bill' });
    // 612b for a 54-year-old: patient-age. 701a: valid.
    return await alternate(page, { selector: '#linje-3 input.kode', bad: '612b', good: '701a', code: '612b', edits: EDITS, timeoutMs: 5_000 });
  } finally {
    await page.close();
  }
}

async function stressUpdate(h, context, server) {
  const page = await context.newPage();
  try {
    await page.addInitScript(pageProbe);
    await page.addInitScript(() => {
      window.__benchFirstCode = '612b';
    });
    const loadScriptMs = await extensionScriptMs(page, async () => {
      await page.goto(server.url('stress/index.html'), { waitUntil: 'load' });
      await page.locator('#linje-1500 input.kode').scrollIntoViewIfNeeded();
      await h.waitForMarkers(page, (list) => list.some((m) => h.normCode(m.code) === '612b'), { timeout: 30_000, what: 'the 612b marker on line 1500' });
    });
    const firstMarkerAt = await page.evaluate(() => window.__benchFirstMarkerAt ?? null);
    const loadAt = await page.evaluate(() => window.__benchLoadAt ?? 0);
    const loadTasks = await longTasksIn(page, [[0, firstMarkerAt ?? Infinity]]);
    // The page builds its 2,000 lines before `load`; our scripts start after it (document_idle).
    const afterLoadTasks = await longTasksIn(page, [[loadAt, firstMarkerAt ?? Infinity]]);
    // Start each pair from a bill without the 612b marker.
    await page.evaluate(editAndWait, { selector: '#linje-1500 input.kode', value: '701c', code: '612b', want: false, timeoutMs: 10_000 });
    let run;
    const ours = [];
    const editScriptMs = await extensionScriptMs(
      page,
      async () => {
        run = await alternate(page, { selector: '#linje-1500 input.kode', bad: '612b', good: '701c', code: '612b', edits: STRESS_EDITS, timeoutMs: 10_000 });
      },
      ours,
    );
    const editTasks = await longTasksIn(page, run.windows);
    const during = await longTasksDuring(page, run.windows);
    const oursTasks = during && ourLongTasks(during, ours);
    return { run, firstMarkerAt, loadTasks, afterLoadTasks, loadScriptMs, editTasks, oursTasks, editScriptMs: editScriptMs / (2 * (STRESS_EDITS + WARMUP)) };
  } finally {
    await page.close();
  }
}

/** Long tasks of the stress page's own load in Chromium without the extension (to tell them apart). */
async function stressPageOwnLongTasks(h, server) {
  const plain = await h.launchPlain({ headless: true });
  try {
    await plain.page.addInitScript(pageProbe);
    await plain.page.goto(server.url('stress/index.html'), { waitUntil: 'load' });
    await plain.page.waitForTimeout(500);
    return await longTasksIn(plain.page, [[0, Infinity]]);
  } finally {
    await plain.close();
  }
}

function contentScriptBytes(name = 'content.js') {
  const file = join(extensionPath, name);
  return existsSync(file) ? statSync(file).size : null;
}

/** ms from navigation start to the first result of a query typed as soon as the popup is there, plus the popup's marks. */
async function firstResult(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[role="option"]')) {
        window.__firstResult = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.fill('#search-input', '2ad');
  await page.waitForSelector('[role="option"]', { timeout: 20_000 });
  const out = await page.evaluate(() => ({
    ms: window.__firstResult ?? null,
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('takstvakt:')).map((m) => [m.name, Math.round(m.startTime)])),
  }));
  await page.close();
  if (process.env.BENCH_DEBUG) log(`popup first result ${out.ms} ms ${JSON.stringify(out.marks)}`);
  return out.ms;
}

/** Each run stops every service worker first, so the popup's index request finds a stopped worker. */
async function popupColdIndex(launched) {
  const samples = [];
  const url = `chrome-extension://${launched.extensionId}/popup/popup.html`;
  for (let i = 0; i < POPUP_RUNS + 2; i++) {
    await launched.cdp.send('ServiceWorker.enable').catch(() => undefined);
    await launched.cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
    const ms = await firstResult(launched.context, url);
    if (ms !== null && i >= 2) samples.push(ms);
  }
  return samples;
}

/** The first popup of a freshly started browser (what a doctor sees first thing in the morning). */
async function popupFirstOpen(h) {
  const samples = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    const launched = await h.launchWithExtension({ extensionPath, headless: true });
    try {
      const ms = await firstResult(launched.context, `chrome-extension://${launched.extensionId}/popup/popup.html`);
      if (ms !== null) samples.push(ms);
    } finally {
      await launched.close();
    }
  }
  return samples;
}

async function main() {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    log('no build found, running node scripts/build.mjs');
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('build failed');
  }
  const h = await loadHarness();
  const server = await h.serveFixtures('test/fixtures/epj');
  const results = [];
  if (ONLY !== 'page') {
    log(`popup first open in a fresh browser, ${FRESH_RUNS} runs`);
    results.push(stats('e2e.popup-first-index', 'ms', await popupFirstOpen(h)));
  }
  const launched = await h.launchWithExtension({ extensionPath, headless: true });
  try {
    if (ONLY !== 'page') {
      log(`popup cold index, ${POPUP_RUNS} runs`);
      results.push(stats('e2e.popup-cold-index', 'ms', await popupColdIndex(launched)));
    }
    if (ONLY === 'popup-cold') {
      process.stdout.write(`${JSON.stringify(results)}\n`);
      return;
    }
    log(`warning latency, ${EDITS} edits on linjer`);
    const latency = await warningLatency(h, launched.context, server);
    results.push(stats('e2e.warning-latency', 'ms', latency.appear));
    results.push(stats('e2e.warning-clear-latency', 'ms', latency.clear));

    log(`stress update, ${STRESS_EDITS} edits on the 2,000-line screen`);
    const stress = await stressUpdate(h, launched.context, server);
    const both = [...stress.run.appear, ...stress.run.clear];
    results.push(stats('e2e.stress-update', 'ms', both, { longTasksOver50ms: stress.editTasks }));
    results.push({ name: 'e2e.stress-edit-script', unit: 'ms/edit', median: Math.round(stress.editScriptMs * 100) / 100, p95: null, samples: 2 * (STRESS_EDITS + WARMUP), target: '<= 8 ms', longTasksOver50ms: stress.editTasks });
    if (stress.oursTasks) results.push({ name: 'e2e.stress-edit-longtasks-ours', unit: 'tasks', median: stress.oursTasks.count, p95: stress.oursTasks.count, samples: 1, of: stress.oursTasks.of, maxOursMsInOneTask: stress.oursTasks.maxOursMs, target: '0' });
    if (stress.firstMarkerAt !== null) {
      const pageOwn = await stressPageOwnLongTasks(h, server);
      results.push({
        name: 'e2e.stress-first-marker',
        unit: 'ms',
        median: Math.round(stress.firstMarkerAt),
        p95: Math.round(stress.firstMarkerAt),
        samples: 1,
        longTasksOver50ms: stress.loadTasks,
        longTasksOver50msAfterPageLoad: stress.afterLoadTasks,
        extensionScriptMs: Math.round(stress.loadScriptMs * 10) / 10,
        pageOwnLongTasksWithoutExtension: pageOwn,
      });
    }

    log('page side: every screen read exactly, non-bill screens, lookup page, attribute toggles');
    const read = await screensExact(h, launched, server, log);
    results.push({ name: 'adapter.screens-exact', unit: 'screens', median: read.exact, p95: read.exact, samples: 1, of: read.total, text: `${read.exact}/${read.total}` });
    results.push({ name: 'adapter.false-positive-markers', unit: 'markers', median: read.falsePositives, p95: read.falsePositives, samples: 1, nonBillScreens: read.notBills });
    const lookups = [];
    for (let i = 0; i < 5; i++) lookups.push(await lookupPage(h, launched, server));
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    results.push({ name: 'e2e.lookup-load-script', unit: 'ms', median: Math.round(med(lookups.map((l) => l.loadMs)) * 100) / 100, p95: Math.round(Math.max(...lookups.map((l) => l.loadMs)) * 100) / 100, samples: lookups.length, target: '<= 10 ms' });
    results.push({ name: 'e2e.lookup-keystroke-script', unit: 'ms', median: Math.round(med(lookups.map((l) => l.perKeyMs)) * 1000) / 1000, p95: Math.round(Math.max(...lookups.map((l) => l.perKeyMs)) * 1000) / 1000, samples: lookups.length, markers: Math.max(...lookups.map((l) => l.markers)), target: '0 (nothing per keystroke)' });
    const toggles = [];
    for (let i = 0; i < 3; i++) toggles.push(await attributeToggle(h, launched, server));
    results.push({ name: 'e2e.stress-attr-toggle-script', unit: 'ms/frame', median: Math.round(med(toggles.map((t) => t.perFrameMs)) * 1000) / 1000, p95: Math.round(Math.max(...toggles.map((t) => t.perFrameMs)) * 1000) / 1000, samples: toggles.length, frames: toggles[0].frames, target: '<= 1 ms' });
  } finally {
    await launched.close();
    await server.close();
  }
  const bytes = contentScriptBytes();
  results.push({ name: 'bundle.content-script', unit: 'bytes', median: bytes, p95: bytes, samples: 1 });
  const mainBytes = contentScriptBytes('content-main.js');
  results.push({ name: 'bundle.content-script-main', unit: 'bytes', median: mainBytes, p95: mainBytes, samples: 1 });
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    log(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
