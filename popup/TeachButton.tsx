// "Lær Takstvakt denne skjermen" (issue 12 §6): on a site Takstvakt checks, starts teach mode in the tab
// (the background injects content-teach.js); the IT person then clicks the fields on the page itself.
import { useState } from 'preact/hooks';
import { useClient } from '../src/ui/client';
import { useT } from '../src/ui/i18n';

export function TeachButton({ tabId }: { tabId: number }) {
  const tr = useT();
  const client = useClient();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const start = () =>
    void client.call('ui:teach-start', { tabId }).then((r) => {
      if (r.ok && r.value.started) return setMessage({ text: tr('popup_teach_started'), error: false });
      setMessage({ text: r.ok ? tr(`popup_teach_error_${r.value.error ?? 'inject'}`) : r.error, error: true });
    });
  return (
    <div class="teach">
      <p class="hint">{tr('popup_teach_hint')}</p>
      <button type="button" onClick={start}>
        {tr('popup_teach_start')}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
