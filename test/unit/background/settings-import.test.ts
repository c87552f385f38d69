// Settings files as the settings page imports them: every refusal names its field, in the user's
// language; a BOM is fine; selectors, rule ids, tariff versions and origins are held to what works.
import { checkSettingsFile, sizeIssues, storageMessage } from '../../../src/background/settings-import';
import { defaultSettings } from '../../../src/settings/defaults';

const TARIFFS = ['fastlege-2023-2024'];
const file = (patch: Record<string, unknown>) => JSON.stringify({ ...defaultSettings(), ...patch });
const site = (adapter: Record<string, unknown>, origin = 'https://epj.example.no') => ({ sites: [{ origin, adapter, enabled: true }] });

test('a valid file with a byte order mark is accepted', () => {
  const r = checkSettingsFile(`\uFEFF${file({ locale: 'nn' })}`, 'nb', TARIFFS);
  expect(r.ok && r.settings.locale).toBe('nn');
});

test.each([
  ['a selector the browser rejects', site({ kind: 'custom', region: 'form[[', code: '.kode' }), 'sites.0.adapter.region', /CSS-velgeren «form\[\[» er ugyldig/],
  ['an unknown pseudo-class', site({ kind: 'custom', region: '#regning', code: 'input:takst' }), 'sites.0.adapter.code', /:takst/],
  ['a pseudo-element (never matches)', site({ kind: 'custom', region: '#regning', code: '.kode', count: 'td::before' }), 'sites.0.adapter.count', /::before/],
  ['a wildcard origin', site({ kind: 'generic' }, 'https://*.no'), 'sites.0.origin', /jokertegn/],
  ['an unknown rule id (severity)', { rules: { severity: { 'no-such-rule': 'off' }, muted: [] } }, 'rules.severity.no-such-rule', /ukjent regel «no-such-rule»/],
  ['an unknown rule id (muted)', { rules: { severity: {}, muted: ['time-window', 'nope'] } }, 'rules.muted.1', /ukjent regel «nope»/],
  ['an unknown tariff version', { tariff: { active: 'fastlege-2031-2032' } }, 'tariff.active', /ukjent takstversjon «fastlege-2031-2032»/],
  ['a wrong enum', { clinic: { setting: 'sykehus', onCall: null, holidayEveStart: null } }, 'clinic.setting', /^må være en av: fastlege, legevakt, spesialist$/],
  ['a wrong type', { user: { specialistGP: 'ja', turnus: false } }, 'user.specialistGP', /^må være true eller false$/],
])('%s is refused with the field named, in Norwegian', (_what, patch, path, message) => {
  const r = checkSettingsFile(file(patch), 'nb', TARIFFS);
  expect(r.ok).toBe(false);
  const issue = !r.ok ? r.issues.find((i) => i.path === path) : undefined;
  expect(issue?.message).toMatch(message);
});

test('messages follow the locale (nynorsk, English)', () => {
  const bad = file({ tariff: { active: 'x' } });
  const nn = checkSettingsFile(bad, 'nn', TARIFFS);
  const en = checkSettingsFile(bad, 'en', TARIFFS);
  expect(!nn.ok && nn.issues[0]?.message).toMatch(/^ukjend takstversjon «x»/);
  expect(!en.ok && en.issues[0]?.message).toMatch(/^unknown tariff version “x”/);
  expect(checkSettingsFile('{', 'nb', TARIFFS)).toEqual({ ok: false, issues: [{ path: '(root)', message: expect.stringMatching(/^filen er ikke gyldig JSON/) }] });
  expect(checkSettingsFile('[]', 'nb', TARIFFS)).toEqual({ ok: false, issues: [{ path: '(root)', message: 'filen må inneholde ett JSON-objekt med innstillinger' }] });
});

test('a section too large for sync storage is named before anything is written; quota errors are Norwegian', () => {
  const s = defaultSettings();
  for (let i = 0; i < 50; i++) s.sites.push({ origin: `https://epj${i}.example.no`, adapter: { kind: 'custom', region: `#regning-${'x'.repeat(150)}`, code: '.kode' }, enabled: true });
  expect(sizeIssues('nb', s)).toEqual([{ path: 'sites', message: expect.stringMatching(/^for stor til å lagres i nettleseren \(\d+ byte, høyst 8192 per del\)$/) }]);
  expect(storageMessage('nb', 'QUOTA_BYTES_PER_ITEM quota exceeded')).toMatch(/lagringskvoten er brukt opp/);
});

test('the settings form cannot save a custom adapter whose selector does not compile', async () => {
  const { fakeBrowser } = await import('./fake-browser');
  const { uiSettingsSave } = await import('../../../src/background/handlers/ui-settings-save');
  const { invalidateSettings } = await import('../../../src/background/settings-cache');
  invalidateSettings();
  const b = fakeBrowser();
  const s = { ...defaultSettings(), ...site({ kind: 'custom', region: '#regning', code: 'td:nth-child(x)' }) };
  const r = await uiSettingsSave({ api: b, now: () => new Date() })({ settings: s }, { fromExtensionPage: true });
  expect(r.issues).toEqual([{ path: 'sites.0.adapter.code', message: expect.stringMatching(/^CSS-velgeren «td:nth-child\(x\)» er ugyldig/) }]);
  expect(b.fake.sync.writes).toBe(0);
});
