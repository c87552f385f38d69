// Which tariff year the lookup shows.
import type { Response } from '../src/messages';
import { useLocale, useT } from '../src/ui/i18n';
import { tariffName, tariffWithValidity } from '../src/core/i18n';

type Version = Response<'ui:tariffs'>['versions'][number];

export function TariffSwitch({ versions, value, onChange }: { versions: Version[]; value: string; onChange: (id: string) => void }) {
  const tr = useT();
  const locale = useLocale();
  return (
    <label class="tariff-switch">
      <span>{tr('popup_tariff_year')}</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {versions.map((v) => (
          // "Normaltariffen 2023-24" names the version; its validity is the tooltip.
          <option key={v.id} value={v.id} title={tariffWithValidity(locale, v)}>
            {tariffName(locale, v)}
            {v.bundled ? '' : ` (${tr('common_tariff_imported')})`}
          </option>
        ))}
      </select>
    </label>
  );
}
