// Builds the extension for both browsers from the top-level manifest.json:
//   dist/chrome/   MV3 service worker (load unpacked in Chrome/Edge)
//   dist/firefox/  Firefox's background.scripts form + browser_specific_settings
//   dist/takstvakt-chrome.zip, dist/takstvakt-firefox.zip  (store packages)
// The demo/test build (default) also matches http://127.0.0.1/* and http://localhost/* statically;
// the store build (`--store`, demo: false) matches nothing until a clinic grants its EPJ origins.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { takstvaktIcon } from './lib/png.mjs';
import { zipDirectory } from './lib/zip.mjs';
import { DOCS_CSS, docsPage } from './lib/markdown.mjs';
import { helpPages } from './lib/help.mjs';

export const DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
// The demo/test build may also fetch the tariff from this machine (the e2e tests' stand-in for the
// takstkoder API); the store build's pages connect to the two official origins only (manifest.json).
export const DEMO_CONNECT = ['http://127.0.0.1:*', 'http://localhost:*'];
export const CONTENT_BUDGET_BYTES = 40 * 1024;
const STAGE = 'dist/.stage';
const ICON_SIZES = [16, 32, 48, 128];
// The catalogs present are the locales (src/core/types.ts LOCALES names the same three; the locale test checks both).
const LOCALES = readdirSync('_locales').filter((l) => existsSync(join('_locales', l, 'messages.json'))).sort();

/** Bundled scripts: entry -> output path inside the extension. */
const PAGE_ENTRIES = [
  { entry: 'src/background/main.ts', out: 'background' },
  { entry: 'popup/main.tsx', out: 'popup/popup', html: 'popup/popup.html' },
  { entry: 'src/options/main.tsx', out: 'options/options', html: 'src/options/options.html' },
  // First-run setup (issue 12 §2), opened by the background on install.
  { entry: 'src/options/setup-main.tsx', out: 'options/setup', html: 'src/options/setup.html' },
];
// content.js is the boot script every frame of a granted site gets; content-main.js (the adapters,
// scanner and overlay) is injected by the background only into frames that show a takst field.
const CONTENT_ENTRY = 'content-scripts/boot.ts';
const CONTENT_MAIN_ENTRY = 'content-scripts/main.ts';
// content-teach.js: teach mode (issue 12 §6), injected only when the popup's "Lær Takstvakt denne skjermen" is clicked.
const CONTENT_TEACH_ENTRY = 'content-scripts/teach/main.ts';

const common = {
  bundle: true,
  target: ['chrome116', 'firefox140'],
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.svg': 'text' },
};

/**
 * managed_schema.json, generated from the settings schema (src/settings/managed-schema.ts) so a
 * settings field is written once; bundled in memory and run here, never committed.
 */
export async function managedSchemaJson() {
  const out = await esbuild.build({ entryPoints: ['src/settings/managed-schema.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return `${JSON.stringify(mod.managedSchema(), null, 2)}\n`;
}

function assertEntries() {
  const missing = [CONTENT_ENTRY, CONTENT_MAIN_ENTRY, CONTENT_TEACH_ENTRY, ...PAGE_ENTRIES.flatMap((e) => [e.entry, e.html].filter(Boolean))].filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`build-extension: missing entry files: ${missing.join(', ')}`);
}

/**
 * The catalog as the browser reads it. Chrome refuses to load an extension whose message key has
 * characters other than [A-Za-z0-9_@] (verified in Chromium 156), so such keys are shipped with `_`
 * instead. Only the browser reads this copy (for `__MSG_*__` in the manifest); t() reads the source.
 */
function localeFile(locale) {
  const path = `_locales/${locale}/messages.json`;
  const messages = JSON.parse(readFileSync(path, 'utf8'));
  const out = {};
  let renamed = 0;
  for (const [key, entry] of Object.entries(messages)) {
    if (!entry || typeof entry.message !== 'string') throw new Error(`${path}: key "${key}" has no "message" string`);
    const safe = key.replace(/[^A-Za-z0-9_@]/g, '_');
    if (safe !== key) renamed++;
    if (safe in out) throw new Error(`${path}: key "${key}" collides with another key once shipped as "${safe}"`);
    // Our placeholders are `{name}` filled by t(); a literal `$` must be doubled for the browser's parser.
    out[safe] = { message: entry.message.replace(/\$/g, '$$$$'), ...(entry.description ? { description: entry.description } : {}) };
  }
  if (renamed && locale === 'nb') console.log(`build-extension: ${renamed} locale keys shipped with "_" for "-"/"." (Chrome allows only A-Z a-z 0-9 _ @)`);
  return JSON.stringify(out, null, 1);
}

export function manifestFor(browser, { demo }) {
  const src = JSON.parse(readFileSync('manifest.json', 'utf8'));
  const m = structuredClone(src);
  if (demo) {
    m.host_permissions = [...DEMO_MATCHES];
    const csp = m.content_security_policy.extension_pages;
    m.content_security_policy.extension_pages = csp.replace(/connect-src ([^;]*)/, (_, list) => `connect-src ${list} ${DEMO_CONNECT.join(' ')}`);
    m.content_scripts = [{ matches: [...DEMO_MATCHES], js: ['content.js'], all_frames: true, run_at: 'document_idle' }];
  }
  if (browser === 'chrome') {
    delete m.browser_specific_settings;
  } else {
    // Firefox runs MV3 backgrounds as event pages; the same bundle works as a classic script.
    m.background = { scripts: ['background.js'] };
    delete m.minimum_chrome_version;
    // Firefox reads managed storage from enterprise policies, not from a schema in the manifest.
    delete m.storage;
  }
  return m;
}

function writeStatic(stage, managedSchemaText) {
  mkdirSync(join(stage, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(stage, 'icons', `icon-${size}.png`), takstvaktIcon(size));
  for (const locale of LOCALES) {
    mkdirSync(join(stage, '_locales', locale), { recursive: true });
    writeFileSync(join(stage, '_locales', locale, 'messages.json'), localeFile(locale));
  }
  // Chrome names Norwegian `no` for extensions (its list of extension locales has no nb/nn): a browser in
  // Norwegian looks for _locales/no, which gets bokmål.
  mkdirSync(join(stage, '_locales', 'no'), { recursive: true });
  cpSync(join(stage, '_locales', 'nb', 'messages.json'), join(stage, '_locales', 'no', 'messages.json'));
  writeFileSync(join(stage, 'managed_schema.json'), managedSchemaText);
  for (const page of PAGE_ENTRIES) {
    if (!page.html) continue;
    // The page and its static stylesheets; CSS imported from code is emitted by esbuild next to the bundle.
    const dir = dirname(page.html);
    const files = [basename(page.html), ...readdirSync(dir).filter((f) => f.endsWith('.css'))];
    mkdirSync(join(stage, dirname(page.out)), { recursive: true });
    for (const f of files) cpSync(join(dir, f), join(stage, dirname(page.out), f));
  }
  const docsDir = join(stage, 'docs', 'rules');
  mkdirSync(docsDir, { recursive: true });
  writeFileSync(join(docsDir, 'docs.css'), DOCS_CSS);
  const ruleDocs = existsSync('docs/rules') ? readdirSync('docs/rules').filter((f) => f.endsWith('.md')).sort() : [];
  for (const f of ruleDocs) {
    const id = f.slice(0, -3);
    writeFileSync(join(docsDir, `${id}.html`), docsPage(readFileSync(join('docs/rules', f), 'utf8'), id));
  }
  const index = ['# Takstvakt: regler', '', ...ruleDocs.map((f) => `- [${f.slice(0, -3)}](${f})`)].join('\n');
  writeFileSync(join(docsDir, 'index.html'), docsPage(index, 'Takstvakt'));
  // "Les mer" on a marker: the doctor's help page per rule and language (issue 12 §8).
  for (const page of helpPages('docs/rules', LOCALES)) {
    mkdirSync(join(stage, dirname(page.path)), { recursive: true });
    writeFileSync(join(stage, page.path), page.html);
  }
}

/** Copies the stage into both browser folders with their manifests, then zips them. */
function assemble({ demo, zip }) {
  const sizes = {};
  for (const browser of ['chrome', 'firefox']) {
    const dir = `dist/${browser}`;
    rmSync(dir, { recursive: true, force: true });
    cpSync(STAGE, dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser, { demo }), null, 2)}\n`);
    if (zip) sizes[browser] = zipDirectory(dir, `dist/takstvakt-${browser}.zip`);
  }
  return sizes;
}

function reportContentSize() {
  const bytes = statSync(join(STAGE, 'content.js')).size;
  const kb = (bytes / 1024).toFixed(1);
  const verdict = bytes <= CONTENT_BUDGET_BYTES ? 'within' : 'OVER';
  const main = statSync(join(STAGE, 'content-main.js')).size;
  console.log(`build-extension: content.js ${bytes} bytes (${kb} KB, ${verdict} the 40 KB budget); content-main.js ${main} bytes, only in frames with a takst field`);
  return bytes;
}

export async function buildExtension({ watch = false, demo = true } = {}) {
  assertEntries();
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  writeStatic(STAGE, await managedSchemaJson());
  const pages = {
    ...common,
    entryPoints: Object.fromEntries(PAGE_ENTRIES.map((e) => [e.out, e.entry])),
    outdir: STAGE,
    format: 'esm',
    splitting: false,
    minify: !watch,
  };
  const content = { ...common, entryPoints: { content: CONTENT_ENTRY, 'content-main': CONTENT_MAIN_ENTRY, 'content-teach': CONTENT_TEACH_ENTRY }, outdir: STAGE, format: 'iife', minify: true };
  if (watch) {
    const onEnd = {
      name: 'assemble',
      setup(build) {
        build.onEnd((result) => {
          if (result.errors.length) return;
          if (build.initialOptions.entryPoints.content) reportContentSize();
          assemble({ demo, zip: false });
          console.log('build-extension: dist/chrome and dist/firefox updated');
        });
      },
    };
    for (const opts of [pages, content]) await (await esbuild.context({ ...opts, plugins: [onEnd] })).watch();
    return;
  }
  await Promise.all([esbuild.build(pages), esbuild.build(content)]);
  const contentBytes = reportContentSize();
  const zips = assemble({ demo, zip: true });
  for (const [browser, z] of Object.entries(zips)) console.log(`build-extension: dist/takstvakt-${browser}.zip ${z.files} files, ${z.bytes} bytes`);
  console.log(`build-extension: ${demo ? 'demo build (matches 127.0.0.1 and localhost)' : 'store build (no static host matches)'}`);
  return { contentBytes, zips };
}
