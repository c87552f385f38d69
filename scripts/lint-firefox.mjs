#!/usr/bin/env node
// `web-ext lint` (Mozilla's addons-linter) over the Firefox build. Errors fail; warnings and notices are
// printed but allowed. Run after `node scripts/build.mjs`; scripts/test.mjs calls it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = process.argv[2] ?? 'dist/firefox';
if (!existsSync(`${dir}/manifest.json`)) {
  console.error(`lint-firefox: no ${dir}/manifest.json; run \`node scripts/build.mjs\` first`);
  process.exit(1);
}
const r = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input', '--self-hosted'], {
  encoding: 'utf8',
  maxBuffer: 32 * 1024 * 1024,
  // No update check: the linter runs offline.
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
const start = r.stdout.indexOf('{');
let report;
try {
  report = JSON.parse(r.stdout.slice(start));
} catch {
  console.error(`lint-firefox: could not read web-ext's report (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}
const show = (kind, list) => {
  for (const m of list) console.log(`${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`);
};
show('error  ', report.errors);
show('warning', report.warnings);
show('notice ', report.notices);
console.log(`lint-firefox: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(report.errors.length === 0 ? 0 : 1);
