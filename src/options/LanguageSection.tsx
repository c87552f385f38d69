// The language of the popup, the settings page and the warnings on the page.
import { useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { LockedNote } from './Locked';
import type { SettingsApi } from './OptionsApp';

export function LanguageSection({ api }: { api: SettingsApi }) {
  const tr = useT();
  const locked = isLocked(api.view, 'locale');
  return (
    <section class="card" aria-labelledby="lang-h">
      <h2 id="lang-h">{tr('options_lang_title')}</h2>
      <label class="field">
        <span>{tr('options_lang_label')}</span>
        <select
          value={api.view.settings.locale}
          disabled={locked}
          aria-describedby={locked ? 'lang-locked' : undefined}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            if (v === 'nb' || v === 'nn' || v === 'en') void api.save((s) => void (s.locale = v));
          }}
        >
          <option value="nb">Norsk bokmål</option>
          <option value="nn">Norsk nynorsk</option>
          <option value="en">English</option>
        </select>
        <LockedNote view={api.view} path="locale" id="lang-locked" />
      </label>
    </section>
  );
}
