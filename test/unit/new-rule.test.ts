// scripts/new-rule.mjs writes a whole rule in one step. Run into a temporary copy of the files it edits
// (the registry and the catalogs), so the test never touches the checkout. The full check - the demo
// rule passing meta-rules.test.ts untouched - was run by hand when the script was written (issue 13).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-rule-'));
  cpSync(join(ROOT, 'src/core/rules/index.ts'), join(dir, 'src/core/rules/index.ts'));
  for (const l of ['nb', 'nn', 'en']) cpSync(join(ROOT, `_locales/${l}/messages.json`), join(dir, `_locales/${l}/messages.json`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'scripts/new-rule.mjs'), ...args, '--root', dir], { encoding: 'utf8', stdio: 'pipe' });

test('writes the rule, its docs page, table test and locale keys, and registers it', () => {
  run('demo-rule');
  for (const f of ['src/core/rules/demo-rule.ts', 'docs/rules/demo-rule.md', 'test/unit/rules/demo-rule.test.ts']) expect([f, existsSync(join(dir, f))]).toEqual([f, true]);
  expect(readFileSync(join(dir, 'src/core/rules/demo-rule.ts'), 'utf8')).toContain("id: 'demo-rule'");
  expect(readFileSync(join(dir, 'test/unit/rules/demo-rule.test.ts'), 'utf8')).toContain("ruleTable('demo-rule'");
  const docs = readFileSync(join(dir, 'docs/rules/demo-rule.md'), 'utf8');
  for (const s of ['## What', '## Why', '## Source', '## Reading', '## Valid example', '## Invalid example']) expect(docs).toContain(s);
  const registry = readFileSync(join(dir, 'src/core/rules/index.ts'), 'utf8');
  expect(registry).toContain("import { demoRule } from './demo-rule';");
  expect(registry).toMatch(/ {2}demoRule,\n\];/);
  for (const l of ['nb', 'nn', 'en']) {
    const text = readFileSync(join(dir, `_locales/${l}/messages.json`), 'utf8');
    const catalog = JSON.parse(text) as Record<string, { message: string }>;
    for (const k of ['rule_demo_rule', 'rule_demo_rule_fix', 'options_rule_demo-rule', 'help_rule_demo-rule']) expect([l, k, typeof catalog[k]?.message]).toEqual([l, k, 'string']);
    // Existing keys keep their lines: only the four new ones are added.
    const before = readFileSync(join(ROOT, `_locales/${l}/messages.json`), 'utf8').split('\n');
    const after = text.split('\n');
    expect(after.length - before.length).toBe(4);
    expect(before.filter((line) => !after.includes(line) && !after.includes(`${line},`))).toEqual([]);
  }
});

test('refuses an id that is not kebab-case, or a rule that exists', () => {
  expect(() => run('Demo_Rule')).toThrow(/kebab-case/);
  expect(() => run('demo-rule')).toThrow(/exists already/);
});
