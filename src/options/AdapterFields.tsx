// Selectors of a custom adapter, for an EPJ screen the generic adapter cannot read.
import { CUSTOM_ADAPTER_FIELDS as FIELDS, isRequiredAdapterField, type CustomAdapterField } from '../settings/adapter-fields';
import { useT } from '../ui/i18n';

export type CustomDraft = Record<CustomAdapterField, string>;

export const emptyCustom = (): CustomDraft => Object.fromEntries(FIELDS.map((f) => [f, ''])) as CustomDraft;

export function AdapterFields({ value, onChange }: { value: CustomDraft; onChange: (v: CustomDraft) => void }) {
  const tr = useT();
  return (
    <div class="adapter-fields">
      {FIELDS.map((f) => (
        <label class="field" key={f}>
          <span>
            {tr(`options_adapter_field_${f}`)}
            {isRequiredAdapterField(f) ? ` (${tr('options_required')})` : ''}
          </span>
          <input
            type="text"
            spellcheck={false}
            required={isRequiredAdapterField(f)}
            value={value[f]}
            onInput={(e) => onChange({ ...value, [f]: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
      ))}
    </div>
  );
}
