#!/usr/bin/env node
// Entry of the `takstvakt` command; the bundle is made by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'takstvakt.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('takstvakt: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const { runCli, nodeIO } = require(bundle);
// fetch-tariff answers with a promise; the other commands with the exit code itself.
Promise.resolve(runCli(process.argv.slice(2), nodeIO)).then((code) => {
  process.exitCode = code;
});
