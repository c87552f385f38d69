// Conventions every rule keeps: a file named after its id, a docs page with the required sections and
// working examples, a table test, and messages in all three locales.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS } from '../../src/core/i18n';
import { docsPath } from '../../src/core/rule';
import { bundledCompiled } from '../../src/data/index';
import { SEVERITIES, type Bill } from '../../src/core/types';
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
  if (at < 0 || !m?.[1]) throw new Error(`add a \`\`\`json bill under ${heading} in the docs page`);
  return JSON.parse(m[1]) as Bill;
}

/** A convention check whose failure says what to do (refined-github style), not a bare toBe(true). */
function must(ok: unknown, todo: string): void {
  if (!ok) throw new Error(`${todo}\n(node scripts/new-rule.mjs <id> writes a rule that keeps every convention; see README "Rules")`);
}

describe.each(ids.map((id) => [id]))('rule %s', (id) => {
  const rule = RULES.find((r) => r.meta.id === id);

  test('is in the registry with consistent meta', () => {
    must(rule, `register ${id}: import it and add it to RULES in src/core/rules/index.ts`);
    must(rule?.meta.docs === docsPath(id), `${id}: set meta.docs to docsPath('${id}')`);
    must((SEVERITIES as readonly string[]).includes(rule?.meta.defaultSeverity ?? ''), `${id}: meta.defaultSeverity must be one of ${SEVERITIES.join(', ')}`);
    must(['never', 'documented'].includes(rule?.meta.bypass ?? ''), `${id}: meta.bypass must be 'never' or 'documented'`);
    must(rule?.meta.source.merknad ?? rule?.meta.source.regulation, `${id}: give meta.source a merknad or a regulation (in Norwegian)`);
  });

  test('has its own file, named after the id, that defines it', () => {
    const file = join(RULE_DIR, `${id}.ts`);
    must(existsSync(file), `move the rule ${id} into src/core/rules/${id}.ts (the file name is the id)`);
    must(readFileSync(file, 'utf8').includes(`id: '${id}'`), `src/core/rules/${id}.ts must define the rule with id: '${id}'`);
  });

  test('has a table test', () => {
    const file = `test/unit/rules/${id}.test.ts`;
    must(existsSync(join(ROOT, file)), `add ${file} with ruleTable('${id}', [...]): valid rows (want: []) and invalid rows (want: ['rule_...'])`);
    must(read(file).includes(`ruleTable('${id}'`), `${file} must call ruleTable('${id}', [...]) with valid and invalid rows`);
  });

  test('has a docs page with every section, and its examples behave as documented', () => {
    const file = docsPath(id);
    must(existsSync(join(ROOT, file)), `add ${file} with sections ${SECTIONS.join(', ')} (examples as JSON bills)`);
    const doc = read(file);
    const missing = SECTIONS.filter((s) => !doc.includes(s));
    must(missing.length === 0, `${file}: add the sections ${missing.join(', ')}`);
    const options = { tariffs: bundledCompiled(), now: '2024-06-01T12:00' };
    const fired = (b: Bill) => validateBill(b, options).findings.filter((f) => f.rule === id);
    const valid = fired(example(doc, '## Valid example'));
    must(valid.length === 0, `${file}: the bill under "## Valid example" gives ${valid.map((f) => f.key).join(', ')}; make it a bill the rule accepts (bundled tariff, now 2024-06-01)`);
    must(fired(example(doc, '## Invalid example')).length > 0, `${file}: the bill under "## Invalid example" gives no ${id} finding; make it one the rule reports (bundled tariff, now 2024-06-01)`);
  });
});

describe('rule files and messages', () => {
  test('every file in src/core/rules is a registered rule (or the registry)', () => {
    const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
    const unregistered = files.filter((f) => !RULE_IDS.includes(f));
    must(unregistered.length === 0, `register ${unregistered.join(', ')} in src/core/rules/index.ts (RULES), or move the helper out of src/core/rules/ (only rules live there)`);
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
