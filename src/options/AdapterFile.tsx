// "Eksporter" and "Importer" of one EPJ site's adapter (issue 12 §6), beside the site's other actions:
// one small JSON file (./adapter-file.ts) one clinic shares with the next. An import is checked before
// anything changes; a refused file names its field in the reader's language and the site keeps its
// adapter. A site list pushed by policy can be exported but not imported over.
import { useRef, useState } from 'preact/hooks';
import type { Site } from '../settings/schema';
import { useLocale, useT } from '../ui/i18n';
import { issueText } from '../ui/issue-text';
import { adapterFileName, adapterFileText, parseAdapterFile, type FileIssue } from './adapter-file';
import { downloadJson } from './download';
import type { SettingsApi } from './OptionsApp';
import { readFileText } from './read-file';

export function AdapterFile({ site, index, api, locked }: { site: Site; index: number; api: SettingsApi; locked: boolean }) {
  const tr = useT();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [issues, setIssues] = useState<FileIssue[]>([]);
  const [message, setMessage] = useState('');

  const importFile = async (el: HTMLInputElement) => {
    const file = el.files?.[0];
    if (!file) return;
    setMessage('');
    const text = await readFileText(file);
    el.value = '';
    const parsed = parseAdapterFile(text, locale);
    if (!parsed.ok) return setIssues(parsed.issues);
    // Saved like any settings change: the background compiles every selector and refuses with the field named.
    const left = await api.save((d) => {
      const s = d.sites[index];
      if (s) s.adapter = parsed.adapter;
    });
    setIssues(left.map((i) => ({ path: i.path, field: null, message: i.message })));
    if (!left.length) setMessage(tr('options_adapter_imported', { origin: site.origin }));
  };

  return (
    <div class="adapter-file">
      <button
        type="button"
        disabled={site.adapter.kind !== 'custom'}
        aria-label={tr('options_adapter_export_for', { origin: site.origin })}
        onClick={() => site.adapter.kind === 'custom' && downloadJson(adapterFileText(site.origin, site.adapter), adapterFileName(site.origin))}
      >
        {tr('options_adapter_export')}
      </button>{' '}
      <button type="button" disabled={locked} aria-label={tr('options_adapter_import_for', { origin: site.origin })} onClick={() => input.current?.click()}>
        {tr('options_adapter_import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        tabIndex={-1}
        aria-label={tr('options_adapter_import_for', { origin: site.origin })}
        onChange={(e) => void importFile(e.currentTarget)} />
      {message && (
        <span role="status" class="status">
          {' '}
          {message}
        </span>
      )}
      {issues.length > 0 && (
        <div class="issues" role="alert">
          <strong>{tr('options_adapter_import_failed')}</strong>
          <ul>
            {issues.map((i) => {
              const x = issueText(locale, i);
              return (
                <li key={`${i.path}:${i.message}`}>
                  {i.field ?? x.field ?? tr('issue_field_file')} (<code>{i.path}</code>): {x.message}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
