import { SETTINGS_SCHEMA_VERSION } from '../../../src/settings/schema';
import { defaultSettings } from '../../../src/settings/defaults';
import {
  KEY_PREFIX,
  LEGACY_KEY,
  exportSettings,
  importSettings,
  loadSettings,
  loadUserSettings,
  saveSettings,
  updateSettings,
} from '../../../src/settings/store';
import { fakeBrowser } from '../background/fake-browser';

function areas() {
  const b = fakeBrowser();
  return { sync: b.fake.sync, managed: b.fake.managed };
}

describe('settings storage', () => {
  test('a fresh profile loads the defaults and writes nothing', async () => {
    const { sync, managed } = areas();
    const loaded = await loadSettings(sync, managed);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.locked).toEqual([]);
    expect(sync.writes).toBe(0);
  });

  test('save stores one key per section and load returns the same settings', async () => {
    const { sync } = areas();
    const s = defaultSettings();
    s.clinic.setting = 'legevakt';
    s.clinic.onCall = 'presence';
    s.sites.push({ origin: 'https://epj.example.no', adapter: { kind: 'custom', region: '#regning', code: '.takst' }, enabled: true });
    const r = await saveSettings(sync, s);
    expect(r.ok).toBe(true);
    expect([...sync.data.keys()].sort()).toEqual(['clinic', 'locale', 'rules', 'schemaVersion', 'sites', 'tariff', 'user'].map((k) => KEY_PREFIX + k).sort());
    expect(await loadUserSettings(sync)).toEqual(s);
  });

  test('an invalid save names the field and writes nothing', async () => {
    const { sync } = areas();
    const good = defaultSettings();
    good.user.turnus = true;
    await saveSettings(sync, good);
    const writes = sync.writes;
    const bad = { ...defaultSettings(), clinic: { setting: 'sykehus', onCall: null, holidayEveStart: null } };
    const r = await saveSettings(sync, bad);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^clinic\.setting: must be fastlege, legevakt or spesialist/) });
    expect(sync.writes).toBe(writes);
    expect((await loadUserSettings(sync)).user.turnus).toBe(true);
  });

  test('a bad origin in sites is named with its index', async () => {
    const { sync } = areas();
    const r = await saveSettings(sync, { ...defaultSettings(), sites: [{ origin: 'epj.example.no/path' }] });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^sites\.0\.origin: must be an origin/) });
  });

  test('version-0 settings under the legacy key are migrated once and rewritten in the new layout', async () => {
    const { sync } = areas();
    await sync.set({ [LEGACY_KEY]: { setting: 'legevakt', vakt: 'tilstedevakt', mutedRules: ['duration'] } });
    const s = await loadUserSettings(sync);
    expect(s.clinic).toEqual({ setting: 'legevakt', onCall: 'presence', holidayEveStart: null });
    expect(s.rules.muted).toEqual(['duration']);
    expect(sync.data.has(LEGACY_KEY)).toBe(false);
    expect(sync.data.get(`${KEY_PREFIX}schemaVersion`)).toBe(SETTINGS_SCHEMA_VERSION);
    expect(await loadUserSettings(sync)).toEqual(s);
  });

  test('updateSettings is a read-modify-write that validates', async () => {
    const { sync } = areas();
    expect((await updateSettings(sync, (s) => s.rules.muted.push('duration'))).ok).toBe(true);
    expect((await loadUserSettings(sync)).rules.muted).toEqual(['duration']);
    const r = await updateSettings(sync, (s) => {
      (s.clinic as { holidayEveStart: string | null }).holidayEveStart = '25:00';
    });
    expect(r).toEqual({ ok: false, error: 'clinic.holidayEveStart: must be HH:MM' });
    expect((await loadUserSettings(sync)).clinic.holidayEveStart).toBeNull();
  });

  test('export then import on another profile gives the same settings', async () => {
    const a = areas();
    await updateSettings(a.sync, (s) => {
      s.locale = 'en';
      s.rules.severity['time-window'] = 'error';
    });
    const json = await exportSettings(a.sync);
    expect(JSON.parse(json)).toMatchObject({ schemaVersion: SETTINGS_SCHEMA_VERSION, locale: 'en' });
    const b = areas();
    expect((await importSettings(b.sync, json)).ok).toBe(true);
    expect(await loadUserSettings(b.sync)).toEqual(await loadUserSettings(a.sync));
  });

  test('an import that is not JSON, or has a bad field, changes nothing', async () => {
    const { sync } = areas();
    await updateSettings(sync, (s) => void (s.locale = 'nn'));
    const writes = sync.writes;
    expect(await importSettings(sync, '{ not json')).toEqual({ ok: false, error: expect.stringMatching(/^\(root\): not valid JSON/) });
    expect(await importSettings(sync, JSON.stringify({ schemaVersion: 1, locale: 'sv' }))).toEqual({ ok: false, error: 'locale: must be nb, nn or en' });
    expect(sync.writes).toBe(writes);
    expect((await loadUserSettings(sync)).locale).toBe('nn');
  });

  test('an old exported file (version 0) imports through the migration', async () => {
    const { sync } = areas();
    const r = await importSettings(sync, JSON.stringify({ setting: 'spesialist', spesialist: true }));
    expect(r.ok).toBe(true);
    expect((await loadUserSettings(sync)).clinic.setting).toBe('spesialist');
  });

  test('stored settings that no longer validate fall back to defaults instead of breaking', async () => {
    const { sync } = areas();
    await sync.set({ [`${KEY_PREFIX}schemaVersion`]: 1, [`${KEY_PREFIX}locale`]: 'xx' });
    expect(await loadUserSettings(sync)).toEqual(defaultSettings());
  });
});
