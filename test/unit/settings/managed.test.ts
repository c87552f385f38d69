import { defaultSettings } from '../../../src/settings/defaults';
import { isLocked, mergeManaged } from '../../../src/settings/managed';
import { loadSettings, saveSettings } from '../../../src/settings/store';
import { fakeBrowser } from '../background/fake-browser';
import managedSchema from '../../../managed_schema.json';

describe('managed (policy) settings', () => {
  test('managed values win over the user and are reported as locked', () => {
    const user = defaultSettings();
    user.clinic.setting = 'fastlege';
    user.user.turnus = true;
    user.rules.severity['duration'] = 'info';
    const r = mergeManaged(user, {
      clinic: { setting: 'legevakt', onCall: 'none', holidayEveStart: '12:00' },
      rules: { severity: { 'time-window': 'error' } },
      tariff: { active: 'fastlege-2023-2024' },
    });
    expect(r.settings.clinic).toEqual({ setting: 'legevakt', onCall: null, holidayEveStart: '12:00' });
    expect(r.settings.user.turnus).toBe(true);
    expect(r.settings.rules.severity).toEqual({ duration: 'info', 'time-window': 'error' });
    expect(r.locked.sort()).toEqual(['clinic.holidayEveStart', 'clinic.onCall', 'clinic.setting', 'rules.severity.time-window', 'tariff.active']);
    expect(r.managedErrors).toEqual([]);
    // The user's object is not changed by the merge.
    expect(user.clinic.setting).toBe('fastlege');
  });

  test('a managed value that does not validate is ignored and named, the rest still applies', () => {
    const r = mergeManaged(defaultSettings(), { locale: 'sv', user: { specialistGP: true }, rules: { severity: { duration: 'loud' } } });
    expect(r.settings.locale).toBe('nb');
    expect(r.settings.user.specialistGP).toBe(true);
    expect(r.locked).toEqual(['user.specialistGP']);
    expect(r.managedErrors).toEqual([expect.stringMatching(/^locale: /), expect.stringMatching(/^rules\.severity\.duration: /)]);
  });

  test('managed sites replace the list and lock every path under it', () => {
    const r = mergeManaged(defaultSettings(), { sites: [{ origin: 'https://epj.example.no' }] });
    expect(r.settings.sites).toEqual([{ origin: 'https://epj.example.no', adapter: { kind: 'generic' }, enabled: true }]);
    expect(isLocked(r.locked, 'sites.0.origin')).toBe(true);
    expect(isLocked(r.locked, 'siteskeeper')).toBe(false);
    expect(isLocked(r.locked, 'locale')).toBe(false);
  });

  test('loadSettings merges storage.managed; a browser without a policy store locks nothing', async () => {
    const b = fakeBrowser();
    const user = defaultSettings();
    user.locale = 'en';
    await saveSettings(b.fake.sync, user);
    expect((await loadSettings(b.fake.sync, b.fake.managed)).locked).toEqual([]);
    b.fake.managed.policy = { locale: 'nn' };
    const r = await loadSettings(b.fake.sync, b.fake.managed);
    expect(r.settings.locale).toBe('nn');
    expect(r.locked).toEqual(['locale']);
  });

  test('managed_schema.json describes every section the merge reads', () => {
    const props = (managedSchema as { properties: Record<string, { properties?: Record<string, unknown> }> }).properties;
    expect(Object.keys(props).sort()).toEqual(['clinic', 'locale', 'rules', 'sites', 'tariff', 'user']);
    expect(Object.keys(props.clinic!.properties!).sort()).toEqual(['holidayEveStart', 'onCall', 'setting']);
    expect(Object.keys(props.user!.properties!).sort()).toEqual(['specialistGP', 'turnus']);
    expect(Object.keys(props.rules!.properties!).sort()).toEqual(['muted', 'severity']);
  });
});
