// Room boundaries from shared/design/ARCHITECTURE.md, checked by reading the import graph (not goodwill).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...files(relative(ROOT, p)));
    else if (/\.(ts|tsx)$/.test(name)) out.push(relative(ROOT, p));
  }
  return out;
}

interface Import {
  spec: string;
  typeOnly: boolean;
  /** Repo-relative target for relative imports, else the bare package name. */
  target: string;
}

function imports(file: string): Import[] {
  return parseImports(file, readFileSync(join(ROOT, file), 'utf8'));
}

function parseImports(file: string, src: string): Import[] {
  const out: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const spec = m[3] as string;
    const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
    out.push({ spec, typeOnly: Boolean(m[2]), target });
  }
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] as string;
    out.push({ spec, typeOnly: false, target: spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec });
  }
  return out;
}

const within = (target: string, ...dirs: string[]) => dirs.some((d) => target === d || target.startsWith(`${d}/`) || target === d.replace(/\.ts$/, ''));

interface RoomRule {
  room: string;
  allow: (i: Import, file: string) => boolean;
}

const RULES: RoomRule[] = [
  { room: 'src/core', allow: (i) => within(i.target, 'src/core', '_locales') || i.spec === 'zod/mini' },
  { room: 'src/data', allow: (i) => within(i.target, 'src/core', 'src/data') || i.spec === 'zod/mini' },
  {
    room: 'content-scripts',
    // Messages at run time; core only as types (the catalog and rules stay in the background).
    allow: (i) =>
      within(i.target, 'content-scripts', 'src/messages') || i.spec === 'zod/mini' || (i.typeOnly && within(i.target, 'src/core', 'src/settings')),
  },
  {
    room: 'popup',
    allow: (i) =>
      within(i.target, 'popup', 'src/ui', 'src/messages', 'src/settings/schema', 'src/settings/site-pattern', 'src/core/types', 'src/core/i18n', '_locales') ||
      i.typeOnly ||
      /^preact(\/|$)/.test(i.spec) ||
      i.spec === 'zod/mini' ||
      i.spec === 'webextension-polyfill',
  },
  {
    room: 'src/options',
    allow: (i) =>
      within(i.target, 'src/options', 'src/ui', 'src/messages', 'src/settings/schema', 'src/settings/site-pattern', 'src/core/types', 'src/core/i18n', '_locales') ||
      i.typeOnly ||
      /^preact(\/|$)/.test(i.spec) ||
      i.spec === 'zod/mini' ||
      i.spec === 'webextension-polyfill',
  },
  {
    room: 'src/ui',
    // Shared Preact pieces of popup and options: the same rights as those pages, plus the pure code helpers.
    allow: (i) =>
      within(i.target, 'src/ui', 'src/messages', 'src/settings/schema', 'src/core/types', 'src/core/i18n', 'src/core/codes', '_locales') ||
      i.typeOnly ||
      /^preact(\/|$)/.test(i.spec) ||
      i.spec === 'zod/mini',
  },
  { room: 'src/cli', allow: (i) => within(i.target, 'src/cli', 'src/core', 'src/data') || i.spec.startsWith('node:') },
  {
    room: 'src/background',
    allow: (i) => within(i.target, 'src/background', 'src/core', 'src/data', 'src/messages', 'src/settings') || i.spec === 'zod/mini' || i.spec === 'webextension-polyfill',
  },
];

test('the import scanner sees static, type-only, re-export and dynamic imports', () => {
  const src = `import { a } from '../core/validate';\nimport type { B } from '../core/types';\nexport * from './x';\nconst m = await import('preact');\nimport 'zod';`;
  const got = parseImports('content-scripts/adapters/y.ts', src).map((i) => [i.target, i.typeOnly]);
  expect(got).toEqual([
    ['content-scripts/core/validate', false],
    ['content-scripts/core/types', true],
    ['content-scripts/adapters/x', false],
    ['zod', false],
    ['preact', false],
  ]);
  const rule = RULES.find((r) => r.room === 'content-scripts')!;
  expect(rule.allow({ spec: '../../src/core/validate', typeOnly: false, target: 'src/core/validate' }, '')).toBe(false);
  expect(rule.allow({ spec: '../../src/core/types', typeOnly: true, target: 'src/core/types' }, '')).toBe(true);
});

describe('architecture: each room imports only what ARCHITECTURE.md allows', () => {
  for (const rule of RULES) {
    test(`${rule.room}`, () => {
      const bad: string[] = [];
      for (const f of files(rule.room)) for (const i of imports(f)) if (!rule.allow(i, f)) bad.push(`${f} -> ${i.spec}`);
      expect(bad).toEqual([]);
    });
  }

  test('shipped code uses zod/mini, never the 450 KB classic API', () => {
    const shipped = ['src', 'content-scripts', 'popup'].flatMap(files).filter((f) => !f.startsWith('src/cli/'));
    const bad = shipped.flatMap((f) => imports(f).filter((i) => i.spec === 'zod' || i.spec === 'zod/v4').map((i) => `${f} -> ${i.spec}`));
    expect(bad).toEqual([]);
  });
});

describe('architecture: page-side invariants', () => {
  const grep = (dirs: string[], re: RegExp) =>
    dirs.flatMap(files).flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .map((line, n) => ({ f, n: n + 1, line }))
        .filter(({ line }) => re.test(line) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ f, n, line }) => `${f}:${n}: ${line.trim()}`),
    );

  test('src/core is pure: no DOM or extension APIs', () => {
    expect(grep(['src/core'], /\b(chrome|browser)\.|\bdocument\.|\bwindow\./)).toEqual([]);
  });
  test('no network calls from core or content scripts', () => {
    expect(grep(['src/core', 'content-scripts'], /\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource)\b\s*\(/)).toEqual([]);
  });
  test('content scripts never build HTML from strings', () => {
    expect(grep(['content-scripts'], /innerHTML|outerHTML|insertAdjacentHTML|document\.write/)).toEqual([]);
  });
  test('content scripts never log to the host console', () => {
    expect(grep(['content-scripts'], /console\.(log|info|debug|warn|error)/)).toEqual([]);
  });
  test('the manifest never asks for <all_urls>', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain('<all_urls>');
    expect(manifest).not.toMatch(/"\*:\/\/\*\/\*"/);
  });
});
