// The EPJ site's address (origin) field, shared by the settings page and the first-run setup.
import { useT } from '../ui/i18n';
import { isGeckoUrl, withoutPort } from '../settings/site-pattern';

// Firefox ignores the port in a match pattern: the clinic is told that access covers every port.
const gecko = isGeckoUrl(location.href);

export function OriginField({ value, onInput, id, hintId }: { value: string; onInput: (v: string) => void; id?: string; hintId: string }) {
  const tr = useT();
  return (
    <label class="field">
      <span>{tr('options_sites_origin')}</span>
      <input id={id} type="url" placeholder="https://epj.klinikk.no" value={value} aria-describedby={hintId} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
      <span id={hintId} class="hint">
        {tr('options_sites_origin_hint')}
      </span>
      {gecko && withoutPort(value.trim()) !== value.trim().replace(/\/+$/, '') && (
        <span class="hint" role="note" data-hint="port-firefox">
          {tr('options_sites_port_firefox')}
        </span>
      )}
    </label>
  );
}
