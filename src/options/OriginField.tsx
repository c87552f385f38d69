// The EPJ site's address (origin) field, shared by the settings page and the first-run setup.
import { useT } from '../ui/i18n';

export function OriginField({ value, onInput, id, hintId }: { value: string; onInput: (v: string) => void; id?: string; hintId: string }) {
  const tr = useT();
  return (
    <label class="field">
      <span>{tr('options_sites_origin')}</span>
      <input id={id} type="url" placeholder="https://epj.klinikk.no" value={value} aria-describedby={hintId} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
      <span id={hintId} class="hint">
        {tr('options_sites_origin_hint')}
      </span>
    </label>
  );
}
