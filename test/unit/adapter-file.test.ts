// An EPJ's adapter file (issue 12 §6): what export writes, import reads back; a bad file is refused with
// its field named in the reader's language, and nothing of it is taken.
import { adapterFileName, adapterFileText, parseAdapterFile } from '../../src/options/adapter-file';

const adapter = { kind: 'custom' as const, region: '[data-testid="konsultasjon"]', code: '[data-testid="ytelse-kode"]', line: 'div.rad', count: '[data-testid="ytelse-antall"]' };

test('an exported file imports as the same adapter, with a BOM too', () => {
  const text = adapterFileText('https://epj.example.no', adapter);
  expect(JSON.parse(text)).toEqual({ format: 'takstvakt-adapter', version: 1, epj: 'https://epj.example.no', adapter });
  expect(parseAdapterFile(text, 'nb')).toEqual({ ok: true, adapter, epj: 'https://epj.example.no' });
  expect(parseAdapterFile(`\uFEFF${text}`, 'nb').ok).toBe(true);
  expect(adapterFileName('https://epj.example.no:8443')).toBe('takstvakt-adapter-epj.example.no-8443.json');
});

const file = (over: Record<string, unknown>, adapterOver: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'takstvakt-adapter', version: 1, ...over, adapter: { ...adapter, ...adapterOver } });

test.each([
  ['not JSON', '{"format": ', 'nb', [{ path: '(root)', field: null, message: 'filen er ikke gyldig JSON' }]],
  ['a settings file instead', JSON.stringify({ schemaVersion: 2, sites: [] }), 'nb', [{ path: 'format', field: 'format', message: 'må være en Takstvakt-adapterfil («format»: «takstvakt-adapter»)' }]],
  ['an empty code selector', file({}, { code: '' }), 'nb', [{ path: 'adapter.code', field: 'Takstfelt (selektor)', message: 'kan ikke være tom' }]],
  ['no region', file({}, { region: undefined }), 'nb', [{ path: 'adapter.region', field: 'Regningsområde (selektor)', message: 'mangler' }]],
  ['a count that is a number', file({}, { count: 3 }), 'nn', [{ path: 'adapter.count', field: 'Tal (selektor)', message: expect.stringMatching(/tekst/) }]],
  ['the generic adapter', file({}, { kind: 'generic' }), 'en', [{ path: 'adapter.kind', field: 'kind', message: 'is invalid' }]],
])('%s is refused, the field named', (_what, text, locale, issues) => {
  const r = parseAdapterFile(text, locale as 'nb');
  expect(r).toEqual({ ok: false, issues });
});
