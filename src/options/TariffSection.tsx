// Tariff versions: the bundled one and official takstkoder versions (fetched or imported), which one
// applies (by the bill's date, or one pinned by hand), fetching and importing. A file or fetched
// answer is previewed first (coverage, merge or replace, changes) and used only on "Ta i bruk"; a
// bad file changes nothing and lists its bad rows. Importing never pins a version.
import { useEffect, useState } from 'preact/hooks';
import type { Response } from '../messages';
import { useClient } from '../ui/client';
import { useLocale, useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { LockedNote } from './Locked';
import type { HostPermissions, SettingsApi } from './OptionsApp';
import { readFileText } from './read-file';
import { tariffName, tariffWithValidity } from '../core/i18n';
import { issueText } from '../ui/issue-text';
import { TariffFetch } from './TariffFetch';
import { TariffPreview } from './TariffPreview';

type Tariffs = Response<'ui:tariffs'>;
type ImportError = Response<'ui:tariff-import'>['errors'][number];
type Preview = NonNullable<Response<'ui:tariff-preview'>['preview']>;
type Mode = 'merge' | 'replace';
interface Pending {
  text: string;
  fileName: string;
  asOf?: string;
  mode: Mode;
  preview: Preview;
}

export function TariffSection({ api, permissions }: { api: SettingsApi; permissions: HostPermissions }) {
  const tr = useT();
  const locale = useLocale();
  const client = useClient();
  const [tariffs, setTariffs] = useState<Tariffs | null>(null);
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = isLocked(api.view, 'tariff.active');
  const active = api.view.settings.tariff.active;

  const reload = () => void client.call('ui:tariffs', {}).then((r) => r.ok && setTariffs(r.value));
  useEffect(reload, [client]);

  const fail = (error: string) => setErrors([{ row: null, code: null, field: '(file)', message: error }]);

  /** Previews a file or fetched answer; nothing is stored. */
  const preview = async (text: string, fileName: string, mode: Mode, asOf?: string) => {
    setMessage('');
    setErrors([]);
    setBusy(true);
    const r = await client.call('ui:tariff-preview', { text, mode, ...(asOf ? { asOf } : {}) });
    setBusy(false);
    if (!r.ok) return fail(r.error);
    if (!r.value.preview) {
      setPending(null);
      return setErrors(r.value.errors);
    }
    setPending({ text, fileName, mode, preview: r.value.preview, ...(asOf ? { asOf } : {}) });
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await readFileText(file);
    input.value = '';
    await preview(text, file.name, 'merge');
  };

  const use = async () => {
    if (!pending) return;
    setBusy(true);
    const { text, fileName, mode, asOf } = pending;
    const r = await client.call('ui:tariff-import', { text, fileName, mode, ...(asOf ? { asOf } : {}) });
    setBusy(false);
    if (!r.ok) return fail(r.error);
    if (!r.value.imported) return setErrors(r.value.errors);
    setPending(null);
    setMessage(tr('options_tariff_imported', { label: tariffName(locale, r.value.imported), count: r.value.imported.takstCount }));
    reload();
  };

  const remove = async (id: string) => {
    const r = await client.call('ui:tariff-remove', { id });
    if (!r.ok) return fail(r.error);
    if (active === id && !locked) await api.save((d) => void (d.tariff.active = 'by-date'));
    reload();
  };

  return (
    <section class="card" aria-labelledby="tariff-h">
      <h2 id="tariff-h">{tr('options_tariff_title')}</h2>
      <fieldset disabled={locked}>
        <legend>{tr('options_tariff_active')}</legend>
        <label class="check">
          <input type="radio" name="tariff-active" checked={active === 'by-date'} onChange={() => void api.save((d) => void (d.tariff.active = 'by-date'))} />
          {tr('options_tariff_by_date')}
        </label>
        {tariffs?.versions.map((v) => (
          <label class="check" key={v.id}>
            <input type="radio" name="tariff-active" checked={active === v.id} onChange={() => void api.save((d) => void (d.tariff.active = v.id))} />
            {tariffWithValidity(locale, v)} –{' '}
            {v.bundled ? tr('options_tariff_bundled') : tr('common_tariff_imported')}, {tr('options_tariff_count', { count: v.takstCount })},{' '}
            {tr('options_tariff_source', { source: v.source.source })} ({v.source.verified ? tr('common_verified') : tr('common_unverified')})
          </label>
        ))}
        <p class="hint">{tr('options_tariff_by_date_hint')}</p>
        <LockedNote view={api.view} path="tariff.active" />
      </fieldset>

      {tariffs?.versions.some((v) => !v.bundled) && (
        <ul>
          {tariffs.versions
            .filter((v) => !v.bundled)
            .map((v) => (
              <li key={v.id}>
                {v.label}{' '}
                <button type="button" onClick={() => void remove(v.id)} aria-label={tr('options_tariff_remove_for', { label: v.label })}>
                  {tr('options_tariff_remove')}
                </button>
              </li>
            ))}
        </ul>
      )}

      <TariffFetch api={api} permissions={permissions} tariffs={tariffs} reload={reload} onFetched={(text, asOf, url) => void preview(text, url, 'merge', asOf)} />

      <h3>{tr('options_tariff_import_title')}</h3>
      <p class="hint">{tr('options_tariff_import_hint')}</p>
      <label class="field">
        <span>{tr('options_tariff_file')}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
      </label>
      {pending && (
        <TariffPreview
          preview={pending.preview}
          mode={pending.mode}
          busy={busy}
          onMode={(mode) => void preview(pending.text, pending.fileName, mode, pending.asOf)}
          onUse={() => void use()}
          onCancel={() => setPending(null)}
        />
      )}
      <p role="status" class="status">
        {message}
      </p>
      {errors.length > 0 && (
        <div role="alert" class="issues">
          <p>
            <strong>{tr('options_tariff_import_failed', { count: errors.length })}</strong>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr('options_tariff_err_row')}</th>
                <th scope="col">{tr('options_tariff_err_code')}</th>
                <th scope="col">{tr('options_tariff_err_field')}</th>
                <th scope="col">{tr('options_tariff_err_message')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row ?? '–'}</td>
                  <td>{e.code ?? '–'}</td>
                  <td>
                    <code>{e.field}</code>
                  </td>
                  <td>{issueText(locale, { path: e.field, message: e.message }).message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
