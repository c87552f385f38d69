// Which tariff year the lookup shows.
import type { Response } from '../src/messages';
import { useT } from '../src/ui/i18n';

type Version = Response<'ui:tariffs'>['versions'][number];

export function TariffSwitch({ versions, value, onChange }: { versions: Version[]; value: string; onChange: (id: string) => void }) {
  const tr = useT();
  return (
    <label class="tariff-switch">
      <span>{tr('popup_tariff_year')}</span>
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {versions.map((v) => (
          // The popup is narrow: the tariff year names the version; the full label is the tooltip.
          <option key={v.id} value={v.id} title={tr('common_tariff_option', { label: v.label, from: v.validFrom, to: v.validTo })}>
            {`${v.validFrom.slice(0, 4)}–${v.validTo.slice(0, 4)}`}
            {v.bundled ? '' : ` (${tr('common_tariff_imported')})`}
          </option>
        ))}
      </select>
    </label>
  );
}
