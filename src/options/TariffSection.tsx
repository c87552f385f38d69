// Tariff versions: the bundled one and imported official takstkoder files, and which one is active
// (a fixed version, or "by the bill's date"). A bad file changes nothing and lists its bad rows.
import { useEffect, useState } from 'preact/hooks';
import type { Response } from '../messages';
import { useClient } from '../ui/client';
import { useLocale, useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { LockedNote } from './Locked';
import type { SettingsApi } from './OptionsApp';
import { readFileText } from './read-file';
import { tariffName, tariffWithValidity } from '../core/i18n';
import { issueText } from '../ui/issue-text';

type Tariffs = Response<'ui:tariffs'>;
type ImportError = Response<'ui:tariff-import'>['errors'][number];

export function TariffSection({ api }: { api: SettingsApi }) {
  const tr = useT();
  const locale = useLocale();
  const client = useClient();
  const [tariffs, setTariffs] = useState<Tariffs | null>(null);
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [message, setMessage] = useState('');
  const [makeActive, setMakeActive] = useState(true);
  const locked = isLocked(api.view, 'tariff.active');
  const active = api.view.settings.tariff.active;

  const reload = () => void client.call('ui:tariffs', {}).then((r) => r.ok && setTariffs(r.value));
  useEffect(reload, [client]);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setMessage('');
    setErrors([]);
    const r = await client.call('ui:tariff-import', { text: await readFileText(file), fileName: file.name });
    input.value = '';
    if (!r.ok) return setErrors([{ row: null, code: null, field: '(file)', message: r.error }]);
    if (!r.value.imported) return setErrors(r.value.errors);
    const imported = r.value.imported;
    if (makeActive && !locked) await api.save((d) => void (d.tariff.active = imported.id));
    setMessage(tr('options_tariff_imported', { label: tariffName(locale, imported), count: imported.takstCount }));
    reload();
  };

  const remove = async (id: string) => {
    const r = await client.call('ui:tariff-remove', { id });
    if (!r.ok) return setErrors([{ row: null, code: null, field: '(file)', message: r.error }]);
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

      <h3>{tr('options_tariff_import_title')}</h3>
      <p class="hint">{tr('options_tariff_import_hint')}</p>
      <label class="check">
        <input type="checkbox" checked={makeActive} disabled={locked} onChange={(e) => setMakeActive((e.currentTarget as HTMLInputElement).checked)} />
        {tr('options_tariff_make_active')}
      </label>
      <label class="field">
        <span>{tr('options_tariff_file')}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
      </label>
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
