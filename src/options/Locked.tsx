// Marks a control whose value the clinic's IT set by browser policy.
import { useT } from '../ui/i18n';
import { isLocked, type SettingsView } from '../ui/settings';

export function LockedNote({ view, path, id }: { view: SettingsView; path: string; id?: string }) {
  const tr = useT();
  if (!isLocked(view, path)) return null;
  return (
    <span class="locked" id={id}>
      🔒 {tr('options_locked')}
    </span>
  );
}
