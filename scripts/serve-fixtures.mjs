#!/usr/bin/env node
// Serves the demo EPJ (test/fixtures/epj) on 127.0.0.1 until Ctrl+C: `node scripts/serve-fixtures.mjs` (ephemeral port, printed).
// Also exports loadHarness(): the e2e harness (test/e2e/harness.ts) compiled for plain Node scripts
// (demo, bench), so the scripts and the jest tests launch Chromium the same way.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** @returns {Promise<typeof import('../test/e2e/harness')>} */
export async function loadHarness() {
  mkdirSync('.tmp', { recursive: true });
  const outfile = resolve('.tmp/e2e-harness.cjs');
  await esbuild.build({
    entryPoints: ['test/e2e/harness.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  delete require.cache[outfile];
  return require(outfile);
}

async function main() {
  const { serveFixtures } = await loadHarness();
  const server = await serveFixtures('test/fixtures/epj');
  process.stdout.write(`Testjournal: ${server.url('/index.html')}  (Ctrl+C stops)\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
