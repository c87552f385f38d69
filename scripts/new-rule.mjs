#!/usr/bin/env node
// A new rule in one step: `node scripts/new-rule.mjs <rule-id>` writes the rule file, its docs page,
// its table test and its locale keys (nb, nn, en), and registers it - everything the meta-tests
// (test/unit/meta-rules.test.ts) ask of a rule. The scaffold's check is a stand-in that fires on a
// count over 99 so the generated examples behave as documented; replace it with the real check, the
// texts and the examples, then add a bill that reaches its message to test/unit/finding-text.test.ts.
// `--root <dir>` writes into another checkout (the script's own test uses a temporary copy).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';


export const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
export const snake = (id) => id.replace(/-/g, '_');

/** The texts a new rule starts with, per locale; placeholders `{code}` and `{count}` as the check fills them. */
const TEXT = {
  nb: { message: '{code} er ført {count} ganger (ny regel {id}: skriv hva som er galt og hvorfor).', fix: 'Skriv hvordan regningen rettes.', name: 'Ny regel {id}', help: 'Ny regel {id}: skriv en kort forklaring for legen.' },
  nn: { message: '{code} er ført {count} gonger (ny regel {id}: skriv kva som er gale og kvifor).', fix: 'Skriv korleis rekninga blir retta.', name: 'Ny regel {id}', help: 'Ny regel {id}: skriv ei kort forklaring for legen.' },
  en: { message: '{code} is billed {count} times (new rule {id}: say what is wrong and why).', fix: 'Say how to correct the bill.', name: 'New rule {id}', help: 'New rule {id}: write a short explanation for the doctor.' },
};

/** Every catalog gets the new keys (the texts below are written for these three). */
const LOCALES = Object.keys(TEXT);

const ruleFile = (id) => `// ${id}: one line on what the rule checks and why (replace this scaffold of scripts/new-rule.mjs).
// Facts that change with the tariff year belong on the takst row (src/core/types.ts TakstRow), not here.
import { docsPath, HELFO_GUIDE, type Rule } from '../rule';

export const ${camel(id)}: Rule = {
  meta: {
    id: '${id}',
    defaultSeverity: 'warning',
    bypass: 'documented',
    source: { regulation: HELFO_GUIDE },
    docs: docsPath('${id}'),
    description: 'One English line for developers.',
    messages: { main: 'rule_${snake(id)}', fix: 'rule_${snake(id)}_fix' },
  },
  check(ctx) {
    // Stand-in condition: replace with the rule's own.
    for (const e of ctx.entries) {
      if (e.count > 99) ctx.report({ codes: [e.key], messageId: 'main', data: { code: e.key, count: e.count }, fixId: 'fix' });
    }
  },
};
`;

const testFile = (id) => `import { ruleTable } from './helpers';

describe('${id}', () => {
  ruleTable('${id}', [
    { name: 'a usual count', bill: { codes: '2ad' }, want: [] },
    { name: 'a count over 99', bill: { codes: '2ad x100' }, want: ['rule_${snake(id)}'] },
  ]);
});
`;

const exampleBill = (count) =>
  JSON.stringify({ at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], lines: [{ code: '2ad', count }] }, null, 2);

const docsFile = (id) => `# ${id}

| default severity | bypass | source |
|---|---|---|
| \`warning\` | \`documented\` | Helfo: Takstar og regelverk for legar |

## What

What the rule finds on a bill, in one or two sentences.

## Why

Why Helfo or the regulation refuses it, or why it needs documentation.

## Source

- The merknad or regulation, with its address when there is one.

## Reading

Where the source can be read two ways: the reading chosen, and why.

## Valid example

\`\`\`json
${exampleBill(1)}
\`\`\`

## Invalid example

\`\`\`json
${exampleBill(100)}
\`\`\`

## Configuration

A clinic may change the severity or turn the rule off (\`rules.severity["${id}"]\`), or mute it from a marker (\`rules.muted\`).
`;

/** The catalog's text with `key` added after the last key that starts with `group` (new keys at the end of their group; nothing reformatted). */
export function addKey(text, group, key, message, description) {
  const lines = text.split('\n');
  if (lines.some((l) => l.startsWith(`  ${JSON.stringify(key)}:`))) throw new Error(`locale key ${key} exists already`);
  const entry = `  ${JSON.stringify(key)}: {"message": ${JSON.stringify(message)}${description ? `, "description": ${JSON.stringify(description)}` : ''}}`;
  let at = -1;
  lines.forEach((l, i) => {
    if (l.startsWith(`  "${group}`)) at = i;
  });
  if (at < 0) at = lines.findLastIndex((l) => l.startsWith('  "'));
  const last = at === lines.findLastIndex((l) => l.startsWith('  "'));
  if (last) lines[at] = `${lines[at]},`;
  lines.splice(at + 1, 0, last ? entry : `${entry},`);
  return lines.join('\n');
}

/** The registry with the rule imported (imports stay sorted) and appended to RULES. */
export function register(text, id) {
  const name = camel(id);
  const imp = `import { ${name} } from './${id}';`;
  if (text.includes(imp)) throw new Error(`${id} is registered already`);
  const lines = text.split('\n');
  const imports = lines.map((l, i) => [l, i]).filter(([l]) => /^import \{ \w+ \} from '\.\/[a-z0-9-]+';$/.test(l));
  const after = imports.filter(([l]) => l.slice(l.indexOf("'")) < `'./${id}';`).pop() ?? imports[0];
  lines.splice(after[1] + (after[0].slice(after[0].indexOf("'")) < `'./${id}';` ? 1 : 0), 0, imp);
  const end = lines.findIndex((l, i) => l === '];' && lines.slice(0, i).some((x) => x.startsWith('export const RULES')));
  lines.splice(end, 0, `  ${name},`);
  return lines.join('\n');
}

export function newRule(id, root = '.') {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id) || id.length > 64) throw new Error(`rule id must be kebab-case (a-z, 0-9, -), at most 64 characters: ${id}`);
  const files = {
    [`src/core/rules/${id}.ts`]: ruleFile(id),
    [`test/unit/rules/${id}.test.ts`]: testFile(id),
    [`docs/rules/${id}.md`]: docsFile(id),
  };
  for (const f of Object.keys(files)) if (existsSync(join(root, f))) throw new Error(`${f} exists already`);
  const registry = join(root, 'src/core/rules/index.ts');
  const catalogs = Object.fromEntries(LOCALES.map((l) => [l, join(root, '_locales', l, 'messages.json')]));
  const updated = { [registry]: register(readFileSync(registry, 'utf8'), id) };
  for (const l of LOCALES) {
    const fill = (s) => s.replace('{id}', id);
    let text = readFileSync(catalogs[l], 'utf8');
    text = addKey(text, 'rule_', `rule_${snake(id)}`, fill(TEXT[l].message));
    text = addKey(text, 'rule_', `rule_${snake(id)}_fix`, fill(TEXT[l].fix));
    text = addKey(text, 'options_rule_', `options_rule_${id}`, fill(TEXT[l].name), 'Rule name in the settings page');
    text = addKey(text, 'help_rule_', `help_rule_${id}`, fill(TEXT[l].help));
    JSON.parse(text); // never leave a catalog the browser cannot read
    updated[catalogs[l]] = text;
  }
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), text);
  }
  for (const [f, text] of Object.entries(updated)) writeFileSync(f, text);
  return [...Object.keys(files), 'src/core/rules/index.ts', ...LOCALES.map((l) => `_locales/${l}/messages.json`)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const r = args.indexOf('--root');
  const root = r >= 0 ? args.splice(r, 2)[1] : '.';
  const [id] = args;
  if (!id) {
    console.error('usage: node scripts/new-rule.mjs <rule-id> [--root <dir>]');
    process.exit(2);
  }
  try {
    const written = newRule(id, root);
    console.log(`new-rule: ${id}\n${written.map((f) => `  ${f}`).join('\n')}`);
    console.log(
      'next: write the check, the meta (severity, bypass, source) and the texts; make the docs examples the real ones;\n' +
        `add a bill reaching rule_${snake(id)} to CORPUS in test/unit/finding-text.test.ts; then npx jest test/unit/meta-rules.test.ts test/unit/rules/${id}.test.ts`,
    );
  } catch (e) {
    console.error(`new-rule: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
