// Selectors of a custom adapter, for an EPJ screen the generic adapter cannot read.
import { useT } from '../ui/i18n';

export interface CustomDraft {
  region: string;
  code: string;
  line: string;
  count: string;
  date: string;
  time: string;
  diagnosis: string;
  age: string;
}

export const emptyCustom = (): CustomDraft => ({ region: '', code: '', line: '', count: '', date: '', time: '', diagnosis: '', age: '' });

const FIELDS: ReadonlyArray<keyof CustomDraft> = ['region', 'code', 'line', 'count', 'date', 'time', 'diagnosis', 'age'];

export function AdapterFields({ value, onChange }: { value: CustomDraft; onChange: (v: CustomDraft) => void }) {
  const tr = useT();
  return (
    <div class="adapter-fields">
      {FIELDS.map((f) => (
        <label class="field" key={f}>
          <span>
            {tr(`options_adapter_field_${f}`)}
            {f === 'region' || f === 'code' ? ` (${tr('options_required')})` : ''}
          </span>
          <input
            type="text"
            spellcheck={false}
            required={f === 'region' || f === 'code'}
            value={value[f]}
            onInput={(e) => onChange({ ...value, [f]: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
      ))}
    </div>
  );
}
