// Issue 12 §8: "Les mer" opens a short Norwegian help page per rule, built from docs/rules/*.md at build
// time: every rule page gets one per language, with the catalog's text, examples in words and sources.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { RULE_IDS } from '../../src/core/rules/index';

// scripts/lib/help.mjs is the build's plain ESM (jest's transform is for TypeScript): run it in node.
function viaNode<T>(call: string, args: unknown[]): T {
  const code = `import * as h from './scripts/lib/help.mjs'; process.stdout.write(JSON.stringify(h.${call}(...${JSON.stringify(args)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })) as T;
}
const helpPage = (id: string, md: string, locale: string) => viaNode<string>('helpPage', [id, md, locale]);
const helpPages = (dir: string, locales: string[]) => viaNode<Array<{ path: string; html: string }>>('helpPages', [dir, locales]);

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('one page per docs/rules page and language, named help/<locale>/<id>.html', () => {
  const ids = readdirSync('docs/rules').filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  const pages = helpPages('docs/rules', ['nb', 'nn', 'en']);
  expect(pages.map((p) => p.path).sort()).toEqual(ids.flatMap((id) => ['en', 'nb', 'nn'].map((l) => `help/${l}/${id}.html`)).sort());
});

test('every rule of the core has a short text of its own in nb, nn and en (write help_rule_<id> in _locales)', () => {
  for (const locale of ['nb', 'nn', 'en']) {
    const catalog = JSON.parse(readFileSync(`_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    expect({ locale, missing: RULE_IDS.filter((id) => !catalog[`help_rule_${id}`]) }).toEqual({ locale, missing: [] });
  }
});

test('the time-window page: Norwegian name and text, examples in words with Norwegian dates, sources, the developer page', () => {
  const html = helpPage('time-window', readFileSync('docs/rules/time-window.md', 'utf8'), 'nb');
  const t = text(html);
  expect(html).toContain('<html lang="nb">');
  expect(t).toContain('Brukt utenfor tidsrommet');
  expect(t).toContain('merknad D1');
  expect(t).toMatch(/Gir funn: takster 2fk · legevakt, hjemmevakt · 11\.03\.2024 kl\. 15:00/);
  expect(t).toMatch(/Godtas: takster 2fk · legevakt, hjemmevakt · 11\.03\.2024 kl\. 17:00/);
  expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(html).toMatch(/<a href="https:\/\/normaltariffen\.legeforeningen\.no[^"]*"/);
  expect(html).toContain('href="../../docs/rules/time-window.html"');
  expect(t).toContain('Vises som standard som: Feil');
});

test('a rule page without a catalog text still gets a page (a rule added later), saying so', () => {
  const t = text(helpPage('ny-regel', '# ny-regel\n\n## What\n\nSomething.\n', 'nn'));
  expect(t).toContain('ikkje skrive ei kort forklaring');
});

test('page text is escaped: markup in a docs page never becomes markup', () => {
  const html = helpPage('x', '# x\n\n## Source\n\n- <script>alert(1)</script>\n- [ok](javascript:alert(1))\n', 'nb');
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('href="javascript');
});
