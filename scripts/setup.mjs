#!/usr/bin/env node
// One-time set-up on a fresh machine: npm dependencies from the lock file and Debian's Chromium for the
// end-to-end tests and the demo. Uses only Node's standard library (it runs before node_modules exists).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  // Not `npm ci`: the registry these machines reach lacks some other platforms' optional binaries
  // (e.g. @swc/core-darwin-*), so the lock cannot list them and ci's strict sync check refuses it.
  // `npm install` still installs exactly the versions the lock pins.
  run('npm install --no-audit --no-fund');
} else {
  console.log('setup: node_modules is up to date');
}

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    run('apt-get update -qq');
    run('apt-get install -y -qq chromium');
  } else {
    console.error(`setup: ${chromium} is missing; install Debian's chromium package (sudo apt-get install chromium)`);
    process.exit(1);
  }
} else {
  console.log(`setup: ${chromium} present`);
}
