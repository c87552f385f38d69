#!/usr/bin/env node
// Builds everything: the CLI (dist/cli) and the extension (dist/chrome, dist/firefox, zips).
import { buildCli } from './build-cli.mjs';
import { buildExtension } from './build-extension.mjs';

const watch = process.argv.includes('--watch');
await buildCli({ watch });
await buildExtension({ watch, demo: !process.argv.includes('--store') });
