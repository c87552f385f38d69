#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, printed as one JSON array of {name, unit, median, p95}.
// Core first (pure Node), then the browser ones (they need dist/ and Chromium). Quote medians.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
await esbuild.build({
  entryPoints: ['test/perf/bench-core.ts'],
  outfile: '.tmp/bench-core.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
const results = JSON.parse(execFileSync(process.execPath, ['.tmp/bench-core.cjs'], { encoding: 'utf8' }));

if (!process.argv.includes('--core-only')) {
  if (existsSync('scripts/bench-e2e.mjs')) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const out = execFileSync(process.execPath, ['scripts/bench-e2e.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const lastLine = out.trim().split('\n').pop() ?? '[]';
    results.push(...JSON.parse(lastLine));
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
