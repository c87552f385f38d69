// Demo EPJ screens built with real UI libraries (React + MUI, Ant Design, Vue 3 + PrimeVue, AG Grid):
// each such screen folder has a `kilde.jsx` / `kilde.js` source that esbuild bundles into `bundle.js`
// beside it (gitignored; test-only, never part of the extension). One esbuild call builds them all,
// and only when a bundle is missing or older than its source or the lock file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const SOURCES = ['kilde.jsx', 'kilde.js'];

export function fixtureEntries(root = 'test/fixtures/epj'): Array<{ in: string; out: string }> {
  const base = resolve(root);
  const out: Array<{ in: string; out: string }> = [];
  for (const d of readdirSync(base, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const src = SOURCES.find((f) => existsSync(join(base, d.name, f)));
    if (src) out.push({ in: join(base, d.name, src), out: join(base, d.name, 'bundle') });
  }
  return out;
}

function stale(entries: Array<{ in: string; out: string }>): boolean {
  const lock = existsSync('package-lock.json') ? statSync('package-lock.json').mtimeMs : 0;
  return entries.some((e) => {
    const js = `${e.out}.js`;
    if (!existsSync(js)) return true;
    const built = statSync(js).mtimeMs;
    return built < statSync(e.in).mtimeMs || built < lock;
  });
}

/** Builds the library screens' bundles if needed; returns how many entries there are. */
export async function buildFixtureBundles(root = 'test/fixtures/epj'): Promise<number> {
  const entries = fixtureEntries(root);
  if (!entries.length || !stale(entries)) return entries.length;
  await esbuild.build({
    entryPoints: entries,
    outdir: resolve(root),
    bundle: true,
    format: 'iife',
    target: 'chrome116',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'react',
    // The project's tsconfig sets Preact's JSX runtime; these screens are React's.
    tsconfigRaw: '{}',
    loader: { '.js': 'jsx', '.jsx': 'jsx', '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.eot': 'empty', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    logLevel: 'warning',
  });
  return entries.length;
}
