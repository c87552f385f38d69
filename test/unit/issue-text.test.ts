// Issue 12 §8: every settings and import message reaches the reader in Norwegian (nn and en by locale),
// naming the field. Messages are made in English by the checks; src/ui/issue-text.ts maps them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueText } from '../../src/ui/issue-text';
import { parseSettings } from '../../src/settings/store';
import { toIssues } from '../../src/background/settings-state';
import { importTakstkoder } from '../../src/data/import/takstkoder';

test('a wrong practice type in a settings file: field by name, Norwegian message, path kept', () => {
  const r = parseSettings({ schemaVersion: 2, clinic: { setting: 'sykehus', holidayEveStart: '25:00' }, user: { turnus: 'ja' } });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const shown = toIssues(r.error).map((i) => issueText('nb', i));
  expect(shown).toEqual(
    expect.arrayContaining([
      { field: 'Arbeidssted', path: 'clinic.setting', message: 'må være fastlege, legevakt eller spesialist' },
      { field: 'Legevaktstart før søn- og helligdager', path: 'clinic.holidayEveStart', message: 'må være et klokkeslett som TT:MM, f.eks. 12:00' },
      { field: 'Turnuslege / LIS1', path: 'user.turnus', message: 'må være true eller false' },
    ]),
  );
  expect(issueText('nn', { path: 'clinic.setting', message: 'Invalid input' }).message).toBe('må vere fastlege, legevakt eller spesialist');
  expect(issueText('en', { path: 'clinic.holidayEveStart', message: 'must be HH:MM' }).message).toBe('must be a time as HH:MM, e.g. 12:00');
});

test('import messages with values ("must be a number") name the value in Norwegian', () => {
  expect(issueText('nb', { path: 'honorar', message: 'must be a number, got "abc"' }).message).toBe('må være et tall (fikk "abc")');
  expect(issueText('nn', { path: 'gyldig_fra', message: 'must be a date YYYY-MM-DD, got "13.03.2024"' }).message).toBe('må vere ein dato ÅÅÅÅ-MM-DD (fekk "13.03.2024")');
  expect(issueText('nb', { path: '(file)', message: 'not valid JSON: Unexpected token' })).toEqual({ field: 'Filen', path: '(file)', message: 'filen er ikke gyldig JSON' });
  expect(issueText('nb', { path: 'adapter', message: 'region: must name the billing region' }).message).toBe('region: må angi regningsområdet (CSS-selektor)');
  expect(issueText('nb', { path: 'sites.1.profile.onCall', message: 'Invalid input' })).toEqual({ field: 'Nettsted 2: vaktform', path: 'sites.1.profile.onCall', message: 'må være presence (tilstedevakt), home (hjemmevakt) eller null' });
});

test('a real takstkoder file with bad rows: every message is Norwegian', () => {
  const text = readFileSync('test/fixtures/takstkoder/bad-rows.json', 'utf8');
  const r = importTakstkoder(JSON.parse(text));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  for (const e of r.errors) {
    const m = issueText('nb', { path: e.field, message: e.message }).message;
    expect({ english: e.message, shown: m }).not.toEqual({ english: e.message, shown: e.message });
  }
});

/** `'must be …'` literals (and template strings) in the code that checks settings and imports. */
function englishMessages(): string[] {
  const dirs = ['src/settings', 'src/data/import', 'src/background/handlers'];
  const out: string[] = [];
  for (const d of dirs) {
    for (const f of readdirSync(d).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(d, f), 'utf8');
      for (const m of src.matchAll(/['`]((?:must|is |holds|appears|set by|the browser has|the file must|at most)[^'`]*)['`]/g)) out.push(m[1]!.replace(/\$\{[^}]+\}/g, '7'));
    }
  }
  return [...new Set(out)];
}

test('every English settings/import message in the code has a Norwegian text (add it to src/ui/issue-text.ts)', () => {
  const messages = englishMessages();
  expect(messages.length).toBeGreaterThan(15);
  const untranslated = messages.filter((m) => issueText('nb', { path: 'x', message: m }).message === m);
  expect(untranslated).toEqual([]);
});
