#!/usr/bin/env node
// One-time set-up on a fresh machine: npm dependencies from the lock file, Debian's Chromium (end-to-end
// tests and the demo) and Debian's Firefox ESR (Firefox end-to-end tests). Uses only Node's standard library
// (it runs before node_modules exists).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  // The lock lists every platform's optional binaries (e.g. @swc/core-darwin-*), so `npm install`
  // installs exactly the locked versions and leaves package-lock.json unchanged (checked on a fresh
  // clone: `git status` stays clean after set-up).
  run('npm install --no-audit --no-fund');
} else {
  console.log('setup: node_modules is up to date');
}

/**
 * A Debian browser the end-to-end tests drive: installed with apt when missing (as root, e.g. in CI),
 * otherwise named so a person can install it. Prints the version the tests will run.
 */
function ensureBrowser(path, pkg, aptArgs) {
  if (!existsSync(path)) {
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      if (!updated) run('apt-get update -qq');
      updated = true;
      run(`apt-get install -y -qq ${aptArgs} ${pkg}`);
    } else {
      console.error(`setup: ${path} is missing; install Debian's ${pkg} package (sudo apt-get install ${pkg})`);
      process.exit(1);
    }
  }
  const version = execSync(`"${path}" --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`setup: ${path}: ${version}`);
}

let updated = false;
ensureBrowser(process.env.CHROMIUM_PATH || '/usr/bin/chromium', 'chromium', '');
// Firefox ESR for the Firefox end-to-end project (driven by puppeteer-core over WebDriver BiDi).
ensureBrowser(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', 'firefox-esr', '--no-install-recommends');
