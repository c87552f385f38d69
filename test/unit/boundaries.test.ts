// Room boundaries, checked by reading the import graph (not goodwill). The rules are the table in
// README.md ("How it is built"): this test parses it, so the table and the test cannot disagree.
// Also the page-side invariants of ARCHITECTURE.md (pure core, no network or HTML sinks on the page side).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CHECKED = ['src', 'content-scripts', 'popup', 'scripts'];

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [dir];
  return readdirSync(abs).flatMap((name) => {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) return files(relative(ROOT, p));
    return /\.(ts|tsx|mjs)$/.test(name) ? [relative(ROOT, p)] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
  /** Repo-relative target for relative imports, else the bare package name. */
  target: string;
}

function parseImports(file: string, src: string): Import[] {
  const out: Import[] = [];
  const to = (spec: string) => (spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec);
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push({ spec: m[3]!, typeOnly: Boolean(m[2]), target: to(m[3]!) });
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false, target: to(m[1]!) });
  return out;
}

/** A relative import of a file that does not exist is text (a template in scripts/new-rule.mjs), not an import. */
const resolves = (i: Import) => !i.spec.startsWith('.') || ['', '.ts', '.tsx', '.mjs', '/index.ts'].some((ext) => existsSync(join(ROOT, i.target + ext)));
const imports = (file: string) => parseImports(file, readFileSync(join(ROOT, file), 'utf8')).filter(resolves);

interface Room {
  /** `src/core/` (a folder) or `src/messages.ts` (a file). */
  path: string;
  allow: string[];
  allowTypes: string[];
}

/** The rows of README.md's room table whose folder cell is a path in the repository. */
export function parseRoomTable(readme: string): Room[] {
  const rooms: Room[] = [];
  for (const line of readme.split('\n')) {
    const m = /^\| `([^`]+)` \|[^|]*\| (.*) \|$/.exec(line);
    if (!m) continue;
    const [, path, allowCell] = m as unknown as [string, string, string];
    if (allowCell === 'anything' || !existsSync(join(ROOT, path))) continue;
    const [runtime, types = ''] = allowCell.split('types only:');
    const tokens = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((t) => t[1]!).filter((t) => !t.startsWith('types only'));
    rooms.push({ path, allow: tokens(runtime!), allowTypes: tokens(types) });
  }
  return rooms;
}

/** Does an allow-list token cover the import? Folders end in `/`, packages match their subpaths, `node:` any built-in. */
export function covers(token: string, i: Import): boolean {
  const bare = (p: string) => p.replace(/\.(ts|tsx|mjs|json)$/, '');
  if (token.endsWith('/')) return i.target.startsWith(token) || (token.endsWith(':/') && i.spec.startsWith(token.slice(0, -1)));
  if (token === 'node:') return i.spec.startsWith('node:');
  if (!i.spec.startsWith('.')) return i.spec === token || i.spec.startsWith(`${token}/`);
  return bare(i.target) === bare(token);
}

const rooms = parseRoomTable(readFileSync(join(ROOT, 'README.md'), 'utf8'));

/** The row a file belongs to: the longest table path that holds it. */
function roomOf(file: string): Room | undefined {
  return rooms.filter((r) => file === r.path || file.startsWith(r.path.endsWith('/') ? r.path : `${r.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}

function allowed(room: Room, i: Import): boolean {
  const own = room.path.endsWith('/') ? i.target.startsWith(room.path) : i.target.replace(/\.ts$/, '') === room.path.replace(/\.ts$/, '');
  return own || room.allow.some((t) => covers(t, i)) || (i.typeOnly && room.allowTypes.some((t) => covers(t, i)));
}

describe('boundaries: the README table', () => {
  test('the table is read: every room of ARCHITECTURE.md has a row', () => {
    const paths = rooms.map((r) => r.path);
    for (const p of ['src/core/', 'src/data/', 'src/messages.ts', 'src/settings/', 'src/background/', 'src/ui/', 'src/options/', 'src/cli/', 'content-scripts/', 'popup/', 'scripts/']) {
      expect({ row: p, inTable: paths.includes(p) }).toEqual({ row: p, inTable: true });
    }
  });

  test('the scanner sees static, type-only, re-export and dynamic imports', () => {
    const src = `import { a } from '../core/validate';\nimport type { B } from '../core/types';\nexport * from './x';\nconst m = await import('preact');\nimport 'zod';`;
    expect(parseImports('content-scripts/adapters/y.ts', src).map((i) => [i.target, i.typeOnly])).toEqual([
      ['content-scripts/core/validate', false],
      ['content-scripts/core/types', true],
      ['content-scripts/adapters/x', false],
      ['zod', false],
      ['preact', false],
    ]);
    const cs = rooms.find((r) => r.path === 'content-scripts/')!;
    expect(allowed(cs, { spec: '../../src/core/validate', typeOnly: false, target: 'src/core/validate' })).toBe(false);
    expect(allowed(cs, { spec: '../../src/core/types', typeOnly: true, target: 'src/core/types' })).toBe(true);
    expect(allowed(cs, { spec: 'preact', typeOnly: false, target: 'preact' })).toBe(false);
  });

  test('every source file belongs to a row', () => {
    const homeless = CHECKED.flatMap(files).filter((f) => !roomOf(f));
    if (homeless.length) throw new Error(`These files are in no row of README.md's room table; add a row (folder | holds | may import) for their folder:\n${homeless.join('\n')}`);
  });

  test('every import is one its room may make', () => {
    const bad = CHECKED.flatMap(files).flatMap((f) => {
      const room = roomOf(f);
      return room ? imports(f).filter((i) => !allowed(room, i)).map((i) => `${f} -> ${i.spec}${i.typeOnly ? ' (type)' : ''}   [room ${room.path}]`) : [];
    });
    if (bad.length) {
      throw new Error(
        `Imports outside their room's "may import" cell in README.md's table:\n${bad.join('\n')}\n` +
          'Move the shared code to a leaf module the room may import (a plain const list, a core leaf), or - if the house really changed - ' +
          "widen the row in README.md and say why in ../shared/design/ARCHITECTURE.md's terms.",
      );
    }
  });

  test('shipped code uses zod/mini, never the 450 KB classic API', () => {
    const shipped = ['src', 'content-scripts', 'popup'].flatMap(files).filter((f) => !f.startsWith('src/cli/'));
    const bad = shipped.flatMap((f) => imports(f).filter((i) => i.spec === 'zod' || i.spec === 'zod/v4').map((i) => `${f} -> ${i.spec}`));
    if (bad.length) throw new Error(`Import 'zod/mini' instead (the extension bundles stay small):\n${bad.join('\n')}`);
  });
});

describe('boundaries: page-side invariants', () => {
  const grep = (dirs: string[], re: RegExp) =>
    dirs.flatMap(files).flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .map((line, n) => ({ f, n: n + 1, line }))
        .filter(({ line }) => re.test(line.replace(/\/\/.*$/, '')) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ f, n, line }) => `${f}:${n}: ${line.trim()}`),
    );

  test('there are content script sources to check', () => {
    expect(files('content-scripts').length).toBeGreaterThan(10);
  });
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
