// Export and import of all settings as one JSON file. An invalid file is refused with its fields
// named, and the current settings stay untouched.
import { useState } from 'preact/hooks';
import { useClient } from '../ui/client';
import { useT } from '../ui/i18n';
import { downloadJson } from './download';
import { Issues } from './Issues';
import type { SettingsApi } from './OptionsApp';
import { readFileText } from './read-file';

type Issue = { path: string; message: string };

export function BackupSection({ api }: { api: SettingsApi }) {
  const tr = useT();
  const client = useClient();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState('');

  const exportFile = async () => {
    const r = await client.call('ui:settings-export', {});
    if (!r.ok) return setIssues([{ path: '(root)', message: r.error }]);
    downloadJson(r.value.json, r.value.fileName);
    setMessage(tr('options_backup_exported', { file: r.value.fileName }));
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setMessage('');
    const r = await client.call('ui:settings-import', { text: await readFileText(file) });
    input.value = '';
    if (!r.ok) return setIssues([{ path: '(root)', message: r.error }]);
    const left = api.accept(r.value);
    setIssues(left);
    if (!left.length) setMessage(tr('options_backup_imported', { file: file.name }));
  };

  return (
    <section class="card" aria-labelledby="backup-h">
      <h2 id="backup-h">{tr('options_backup_title')}</h2>
      <p class="hint">{tr('options_backup_intro')}</p>
      <button type="button" onClick={() => void exportFile()}>
        {tr('options_backup_export')}
      </button>
      <label class="field">
        <span>{tr('options_backup_import')}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
      </label>
      <p role="status" class="status">
        {message}
      </p>
      <Issues issues={issues} title={tr('options_backup_refused')} />
    </section>
  );
}
