// Conventions every rule keeps: a file named after its id, a docs page with the required sections and
// working examples, a table test, and messages in all three locales.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS } from '../../src/core/i18n';
import { docsPath } from '../../src/core/rule';
import { bundledCompiled } from '../../src/data/index';
import type { Bill } from '../../src/core/types';
import { RULE_IDS } from '../../src/core/rules/index';
import { RULES, validateBill } from '../../src/core/validate';

const ROOT = join(__dirname, '..', '..');
const RULE_DIR = join(ROOT, 'src/core/rules');
const SECTIONS = ['## What', '## Why', '## Source', '## Reading', '## Valid example', '## Invalid example'];
const ids = [...RULE_IDS];
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function example(doc: string, heading: string): Bill {
  const at = doc.indexOf(heading);
  const m = /```json\n([\s\S]*?)\n```/.exec(doc.slice(at));
  if (at < 0 || !m?.[1]) throw new Error(`no JSON under ${heading}`);
  return JSON.parse(m[1]) as Bill;
}

describe.each(ids.map((id) => [id]))('rule %s', (id) => {
  const rule = RULES.find((r) => r.meta.id === id);

  test('is in the registry with consistent meta', () => {
    expect(rule).toBeDefined();
    expect(rule?.meta.docs).toBe(docsPath(id));
    expect(['error', 'warning', 'info']).toContain(rule?.meta.defaultSeverity);
    expect(['never', 'documented']).toContain(rule?.meta.bypass);
    expect(rule?.meta.source.merknad ?? rule?.meta.source.regulation).toBeTruthy();
  });

  test('has its own file, named after the id, that defines it', () => {
    const file = join(RULE_DIR, `${id}.ts`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(`id: '${id}'`);
  });

  test('has a table test', () => {
    const file = `test/unit/rules/${id}.test.ts`;
    expect(existsSync(join(ROOT, file))).toBe(true);
    expect(read(file)).toContain(`ruleTable('${id}'`);
  });

  test('has a docs page with every section, and its examples behave as documented', () => {
    const file = docsPath(id);
    expect(existsSync(join(ROOT, file))).toBe(true);
    const doc = read(file);
    for (const s of SECTIONS) expect(doc).toContain(s);
    const options = { tariffs: bundledCompiled(), now: '2024-06-01T12:00' };
    const fired = (b: Bill) => validateBill(b, options).findings.filter((f) => f.rule === id);
    expect(fired(example(doc, '## Valid example'))).toEqual([]);
    expect(fired(example(doc, '## Invalid example')).length).toBeGreaterThan(0);
  });
});

describe('rule files and messages', () => {
  test('every file in src/core/rules is a registered rule (or the registry)', () => {
    const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  test('the rule id list is the registry, with no duplicate id', () => {
    expect(RULE_IDS).toEqual(RULES.map((r) => r.meta.id));
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  test('every rule_ key is in all three locales, and the declared messages are exactly the rule_ keys', () => {
    const nb = Object.keys(CATALOGS.nb).filter((k) => k.startsWith('rule_'));
    for (const locale of ['nn', 'en'] as const) expect(Object.keys(CATALOGS[locale]).filter((k) => k.startsWith('rule_')).sort()).toEqual(nb.sort());
    const declared = RULES.flatMap((r) => Object.values(r.meta.messages));
    // A declared key missing from the catalog would show the raw key; an undeclared catalog key is dead text.
    expect(declared.filter((k) => !nb.includes(k))).toEqual([]);
    expect(nb.filter((k) => !declared.includes(k)).sort()).toEqual([]);
  });

  test('rules report through meta.messages: no locale key spelled in a rule file', () => {
    const spelled = readdirSync(RULE_DIR).flatMap((f) =>
      [...readFileSync(join(RULE_DIR, f), 'utf8').matchAll(/report\(\{[^}]*'rule_[a-z0-9_]+'/g)].map((m) => `${f}: ${m[0]}`),
    );
    expect(spelled).toEqual([]);
  });

  test('placeholders agree between locales', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, entry] of Object.entries(CATALOGS.nb)) {
      if (!key.startsWith('rule_')) continue;
      expect([key, names(CATALOGS.nn[key]?.message ?? '')]).toEqual([key, names(entry.message)]);
      expect([key, names(CATALOGS.en[key]?.message ?? '')]).toEqual([key, names(entry.message)]);
    }
  });
});
