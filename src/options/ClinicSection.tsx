// Clinic profile (setting, on-call form, when the legevakt starts on days before holidays) and the
// clinician (specialist in general practice, turnus doctor): the context the rules need.
import { useEffect, useState } from 'preact/hooks';
import { ClinicSchema, type Settings } from '../settings/schema';
import { useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { LockedNote } from './Locked';
import type { SettingsApi } from './OptionsApp';
import { OnCallOptions } from '../ui/OnCallOptions';

import { isOnCall, SETTINGS } from '../core/types';

/** True when the practice type was chosen: by the doctor (any non-default, or fastlege marked) or by policy. */
export function clinicSettingChosen(clinic: Settings['clinic'], locked: boolean): boolean {
  return locked || clinic.settingChosen === true || clinic.setting !== 'fastlege';
}

/** Stores a chosen practice type; only fastlege (the default) needs the mark that it was chosen. */
export function chooseClinicSetting(clinic: Settings['clinic'], setting: Settings['clinic']['setting']): void {
  clinic.setting = setting;
  if (setting === 'fastlege') clinic.settingChosen = true;
  else delete clinic.settingChosen;
}

export function ClinicSection({ api }: { api: SettingsApi }) {
  const tr = useT();
  const { settings } = api.view;
  const lockedAt = (p: string) => isLocked(api.view, p);
  // Nothing is preselected until the practice type was really chosen (clinicSettingChosen).
  const chosen = clinicSettingChosen(settings.clinic, lockedAt('clinic.setting'));
  const [eve, setEve] = useState(settings.clinic.holidayEveStart ?? '');
  const [eveError, setEveError] = useState<string | null>(null);
  useEffect(() => setEve(settings.clinic.holidayEveStart ?? ''), [settings.clinic.holidayEveStart]);

  const saveEve = () => {
    const v = eve.trim();
    if (v !== '' && !ClinicSchema.shape.holidayEveStart.safeParse(v).success) return setEveError(tr('options_clinic_eve_invalid'));
    setEveError(null);
    if (v === (settings.clinic.holidayEveStart ?? '')) return;
    void api.save((s) => void (s.clinic.holidayEveStart = v === '' ? null : v));
  };

  return (
    <section class="card" aria-labelledby="clinic-h">
      <h2 id="clinic-h">{tr('options_clinic_title')}</h2>
      <fieldset disabled={lockedAt('clinic.setting')}>
        <legend>{tr('options_clinic_setting')}</legend>
        {SETTINGS.map((s) => (
          <label class="check" key={s}>
            <input
              type="radio"
              name="clinic-setting"
              value={s}
              checked={chosen && settings.clinic.setting === s}
              onChange={() => void api.save((d) => chooseClinicSetting(d.clinic, s))}
            />
            {tr(`common_setting_${s}`)}
          </label>
        ))}
        {!chosen && <p class="hint">{tr('options_clinic_setting_unchosen')}</p>}
        <LockedNote view={api.view} path="clinic.setting" />
      </fieldset>

      <label class="field">
        <span>{tr('options_clinic_oncall')}</span>
        <select
          value={settings.clinic.onCall ?? 'none'}
          disabled={lockedAt('clinic.onCall')}
          aria-describedby="oncall-hint"
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            void api.save((d) => void (d.clinic.onCall = isOnCall(v) ? v : null));
          }}
        >
          <OnCallOptions />
        </select>
        <span id="oncall-hint" class="hint">
          {tr('options_clinic_oncall_hint')}
        </span>
        <LockedNote view={api.view} path="clinic.onCall" />
      </label>

      <label class="field">
        <span>{tr('options_clinic_eve')}</span>
        <input
          type="text"
          inputMode="numeric"
          placeholder="12:00"
          value={eve}
          disabled={lockedAt('clinic.holidayEveStart')}
          aria-invalid={eveError ? true : undefined}
          aria-describedby="eve-hint eve-error"
          onInput={(e) => setEve((e.currentTarget as HTMLInputElement).value)}
          onBlur={saveEve}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveEve();
          }}
        />
        <span id="eve-hint" class="hint">
          {tr('options_clinic_eve_hint')}
        </span>
        <span id="eve-error" class="error">
          {eveError ?? ''}
        </span>
        <LockedNote view={api.view} path="clinic.holidayEveStart" />
      </label>

      <fieldset>
        <legend>{tr('options_user_title')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.user.specialistGP}
            disabled={lockedAt('user.specialistGP')}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).checked;
              void api.save((d) => void (d.user.specialistGP = v));
            }}
          />
          {tr('options_user_specialist')}
          <LockedNote view={api.view} path="user.specialistGP" />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.user.turnus}
            disabled={lockedAt('user.turnus')}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).checked;
              void api.save((d) => void (d.user.turnus = v));
            }}
          />
          {tr('options_user_turnus')}
          <LockedNote view={api.view} path="user.turnus" />
        </label>
        <p class="hint">{tr('options_user_hint')}</p>
      </fieldset>
    </section>
  );
}
