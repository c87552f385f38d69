// Practice type and on-call form of one EPJ site (issue 12 §3): the popup's quick switch and the
// settings page's site table. `clinic` offers "as the clinic profile" (the site has no profile of its own).
import type { SiteProfile } from '../settings/schema';
import { useT } from './i18n';
import { OnCallOptions } from './OnCallOptions';

import { isOnCall, SETTINGS } from '../core/types';

export function ProfileFields(props: {
  /** null = the site uses the clinic profile. */
  value: SiteProfile | null;
  /** The clinic profile, shown as the default choice; absent = no such choice. */
  clinicLabel?: string | undefined;
  onChange: (p: SiteProfile | null) => void;
  disabled?: boolean | undefined;
  /** Names the site for screen readers ("Profil for https://epj.example.no"). */
  label: string;
  idPrefix: string;
}) {
  const tr = useT();
  const { value } = props;
  return (
    <fieldset class="profile-fields" disabled={props.disabled}>
      <legend>{props.label}</legend>
      <label class="field inline">
        <span>{tr('common_profile_setting')}</span>
        <select
          id={`${props.idPrefix}-setting`}
          value={value?.setting ?? 'clinic'}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            const s = SETTINGS.find((x) => x === v);
            props.onChange(s ? { setting: s, onCall: s === 'legevakt' ? (value?.onCall ?? null) : null } : null);
          }}
        >
          {props.clinicLabel !== undefined && <option value="clinic">{tr('common_profile_as_clinic', { profile: props.clinicLabel })}</option>}
          {SETTINGS.map((s) => (
            <option key={s} value={s}>
              {tr(`common_setting_${s}`)}
            </option>
          ))}
        </select>
      </label>
      {value?.setting === 'legevakt' && (
        <label class="field inline">
          <span>{tr('common_profile_oncall')}</span>
          <select
            id={`${props.idPrefix}-oncall`}
            value={value.onCall ?? 'none'}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              props.onChange({ setting: value.setting, onCall: isOnCall(v) ? v : null });
            }}
          >
            <OnCallOptions />
          </select>
        </label>
      )}
    </fieldset>
  );
}
