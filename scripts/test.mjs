#!/usr/bin/env node
// All tests, in the order that fails fastest: types, build, unit + DOM, end-to-end in Chromium and in Firefox
// ESR (jest projects e2e and firefox), Firefox lint.
// Ends with one plain line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

const steps = [];
let failedSteps = 0;
function step(name, cmd, args) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const ok = r.status === 0;
  steps.push({ name, ok, ms: Date.now() - t0 });
  if (!ok) failedSteps++;
  return ok;
}

mkdirSync('.tmp', { recursive: true });
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const built = step('build', 'node', ['scripts/build.mjs']);
step('jest', 'npx', ['jest', '--ci', '--runInBand', '--json', '--outputFile=.tmp/jest-result.json', ...process.argv.slice(2)]);
if (built) step('web-ext lint (Firefox build)', 'node', ['scripts/lint-firefox.mjs']);

let passed = 0;
let failed = 0;
try {
  const j = JSON.parse(readFileSync('.tmp/jest-result.json', 'utf8'));
  passed = j.numPassedTests;
  failed = j.numFailedTests + j.numRuntimeErrorTestSuites;
} catch {
  failed += 1;
}
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${(s.ms / 1000).toFixed(1)} s)`);
// Steps other than jest count as one test each.
for (const s of steps) if (s.name !== 'jest') s.ok ? passed++ : failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps === 0 && failed === 0 ? 0 : 1);
