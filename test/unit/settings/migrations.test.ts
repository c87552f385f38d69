import { migrate } from '../../../src/settings/migrations';
import { parseSettings } from '../../../src/settings/store';
import { SETTINGS_SCHEMA_VERSION } from '../../../src/settings/schema';

const v0 = {
  setting: 'legevakt',
  vakt: 'hjemmevakt',
  helligdagsaftenStart: '12:00',
  spesialist: true,
  turnus: false,
  language: 'nn',
  origins: ['https://epj.example.no', 'https://*.klinikk.no'],
  severities: { 'time-window': 'warning', 'diagnosis-required': 'off' },
  mutedRules: ['copayment-exemption'],
  activeTariff: 'fastlege-2023-2024',
};

describe('settings migrations', () => {
  test('version 1 -> 2: each site gets the clinic profile it was checked with; a site profile already there stays', () => {
    const v1 = {
      schemaVersion: 1,
      clinic: { setting: 'legevakt', onCall: 'presence' },
      sites: [{ origin: 'https://a.example.no' }, { origin: 'https://b.example.no', profile: { setting: 'fastlege', onCall: null } }],
    };
    const r = parseSettings(v1);
    expect(r.ok && r.settings.schemaVersion).toBe(2);
    expect(r.ok && r.settings.sites.map((s) => s.profile)).toEqual([{ setting: 'legevakt', onCall: 'presence' }, { setting: 'fastlege', onCall: null }]);
    // A v1 file without a clinic section: sites get the default profile.
    const bare = parseSettings({ schemaVersion: 1, sites: [{ origin: 'https://c.example.no' }] });
    expect(bare.ok && bare.settings.sites[0]?.profile).toEqual({ setting: 'fastlege', onCall: null });
  });

  test('version 0 (flat, Norwegian words) becomes the current shape with every value carried over', () => {
    const r = parseSettings(v0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      locale: 'nn',
      clinic: { setting: 'legevakt', onCall: 'home', holidayEveStart: '12:00' },
      user: { specialistGP: true, turnus: false },
      sites: [
        // Version 2 (issue 12): each site keeps the clinic profile it was checked with.
        { origin: 'https://epj.example.no', adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'legevakt', onCall: 'home' } },
        { origin: 'https://*.klinikk.no', adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'legevakt', onCall: 'home' } },
      ],
      rules: { severity: { 'time-window': 'warning', 'diagnosis-required': 'off' }, muted: ['copayment-exemption'] },
      tariff: { active: 'fastlege-2023-2024', endpoint: null, weeklyCheck: false },
    });
  });

  test('tilstedevakt maps to presence and an empty vakt to no on-call form', () => {
    const a = parseSettings({ vakt: 'tilstedevakt' });
    const b = parseSettings({ vakt: '', helligdagsaftenStart: '' });
    expect(a.ok && a.settings.clinic.onCall).toBe('presence');
    expect(b.ok && b.settings.clinic.onCall).toBeNull();
    expect(b.ok && b.settings.clinic.holidayEveStart).toBeNull();
  });

  test('an empty version-0 object gets the defaults', () => {
    const r = parseSettings({});
    expect(r.ok && r.settings.clinic.setting).toBe('fastlege');
    expect(r.ok && r.settings.tariff.active).toBe('by-date');
  });

  test('a wrong value in version 0 is named by its new field after migration', () => {
    const r = parseSettings({ ...v0, vakt: 'bakvakt' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^clinic\.onCall: /);
  });

  test('a version-0 object of the wrong shape is refused with its version named', () => {
    const r = migrate({ origins: 'https://epj.example.no' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^schemaVersion 0: /) });
  });

  test('the current version passes through unchanged; a newer or malformed version is refused', () => {
    const current = { schemaVersion: SETTINGS_SCHEMA_VERSION, locale: 'en' };
    expect(migrate(current)).toEqual({ ok: true, value: current, from: SETTINGS_SCHEMA_VERSION });
    expect(migrate({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1 })).toEqual({ ok: false, error: expect.stringMatching(/newer/) });
    expect(migrate({ schemaVersion: '1' })).toEqual({ ok: false, error: 'schemaVersion: must be a whole number' });
    expect(migrate([])).toEqual({ ok: false, error: '(root): must be an object' });
    expect(migrate(null)).toEqual({ ok: false, error: '(root): must be an object' });
  });
});
