// The on-call forms as <option>s (value `none` = not on call), for every on-call select.
import { useT } from './i18n';

export function OnCallOptions() {
  const tr = useT();
  return (
    <>
      <option value="none">{tr('options_clinic_oncall_none')}</option>
      <option value="presence">{tr('options_clinic_oncall_presence')}</option>
      <option value="home">{tr('options_clinic_oncall_home')}</option>
    </>
  );
}
