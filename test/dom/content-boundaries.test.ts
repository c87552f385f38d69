// House rules of content-scripts/, checked on the source: imports only the protocol module and core
// types; builds no HTML from strings; logs nothing; makes no network request.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'content-scripts');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = files(DIR).map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));

test('there are content script sources to check', () => {
  expect(sources.length).toBeGreaterThan(10);
});

test.each(sources.map((s) => [s.path, s.text]))('%s imports only its own files, src/messages.ts and core types', (_path, text) => {
  for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
    const [, isType, from] = m;
    if (from!.startsWith('./') || (from!.startsWith('../') && !from!.includes('src/'))) continue;
    if (/(\.\.\/)+src\/messages$/.test(from!)) continue;
    expect({ from, typeOnly: Boolean(isType) }).toEqual({ from, typeOnly: true });
    expect(from).toMatch(/(\.\.\/)+src\/core\//);
  }
});

test.each(sources.map((s) => [s.path, s.text]))('%s has no HTML string sinks, console output or network calls', (_path, text) => {
  const code = text.replace(/\/\/.*$/gm, '');
  expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  expect(code).not.toMatch(/console\.(log|info|debug|warn|error)/);
  expect(code).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource)\s*\(/);
});
