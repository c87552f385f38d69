// "Hent gjeldende takster": asks for the takstkoder API's origin only on the click (never at install,
// never from a content script), then the worker fetches the date's takster; the answer goes to the
// preview, and nothing is used before the clinic says so. Also the endpoint and the weekly check.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Response } from '../messages';
import { useClient } from '../ui/client';
import { useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { Outcome } from '../ui/Outcome';
import type { HostPermissions, SettingsApi } from './OptionsApp';

type Tariffs = Response<'ui:tariffs'>;

/** `origin/*` for each endpoint, the host permissions a fetch needs. */
export function fetchOrigins(endpoints: readonly string[]): string[] {
  return [...new Set(endpoints.flatMap((e) => { try { return [`${new URL(e).origin}/*`]; } catch { return []; } }))];
}

/** Today in local time, and the next 1 July after it. */
function dates(now: Date): { today: string; nextJuly: string; year: number } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const year = now.getMonth() + 1 >= 7 ? now.getFullYear() + 1 : now.getFullYear();
  return { today, nextJuly: `${year}-07-01`, year };
}

export function TariffFetch(props: {
  api: SettingsApi;
  permissions: HostPermissions;
  tariffs: Tariffs | null;
  /** A fetched answer for `asOf`, handed to the preview. */
  onFetched(text: string, asOf: string, url: string): void;
  reload(): void;
}) {
  const tr = useT();
  const client = useClient();
  const { api, permissions, tariffs } = props;
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [endpoint, setEndpoint] = useState(api.view.settings.tariff.endpoint ?? '');
  const first = useRef<HTMLButtonElement>(null);
  const endpoints = tariffs?.endpoints ?? [];
  const origins = fetchOrigins(endpoints);
  const { today, nextJuly, year } = dates(new Date());

  // The page badge's "hent takster" opens the settings at #tariff-fetch.
  useEffect(() => {
    if (location.hash === '#tariff-fetch' && tariffs) first.current?.focus();
  }, [tariffs]);

  // Not async before permissions.request: the browser only grants it inside the click's own task.
  const fetchFor = (date: string) => {
    setError('');
    setStatus(tr('options_tariff_fetch_busy'));
    setBusy(true);
    void permissions
      .request(origins)
      .then(async (granted) => {
        if (!granted) return setError(tr('options_tariff_fetch_denied', { origins: origins.join(', ') }));
        const r = await client.call('ui:tariff-fetch', { date });
        if (!r.ok) return setError(tr('options_tariff_fetch_failed', { error: r.error }));
        if (r.value.text === null) return setError(tr('options_tariff_fetch_failed', { error: r.value.error ?? '' }));
        props.onFetched(r.value.text, date, r.value.url ?? '');
      })
      .finally(() => {
        setBusy(false);
        setStatus('');
      });
  };

  const setWeekly = (on: boolean) => {
    // Turning it on asks for the origins now, in the click, so the weekly check can reach the API.
    const ask = on ? permissions.request(origins) : Promise.resolve(true);
    void ask.then((granted) => {
      if (!granted) return setError(tr('options_tariff_fetch_denied', { origins: origins.join(', ') }));
      void api.save((d) => void (d.tariff.weeklyCheck = on));
    });
  };

  const saveEndpoint = () => void api.save((d) => void (d.tariff.endpoint = endpoint.trim() === '' ? null : endpoint.trim())).then((issues) => issues.length === 0 && props.reload());

  const notice = tariffs?.notice;
  return (
    <div id="tariff-fetch">
      <h3>{tr('options_tariff_fetch_title')}</h3>
      <p class="hint">{tr('options_tariff_fetch_hint', { origins: origins.map((o) => o.replace(/\/\*$/, '')).join(', ') })}</p>
      {notice && (
        <p class="notice" data-testid="tariff-notice">
          {tr(`options_tariff_notice_${notice.kind}`, { date: notice.checkedAt.slice(0, 10), detail: notice.detail })}
        </p>
      )}
      <div class="actions">
        <button type="button" ref={first} disabled={busy || origins.length === 0} onClick={() => fetchFor(today)}>
          {tr('options_tariff_fetch_today')}
        </button>
        <button type="button" disabled={busy || origins.length === 0} onClick={() => fetchFor(nextJuly)}>
          {tr('options_tariff_fetch_next', { year })}
        </button>
      </div>
      <Outcome status={status} error={error} />
      <label class="check">
        <input type="checkbox" checked={api.view.settings.tariff.weeklyCheck} disabled={isLocked(api.view, 'tariff.weeklyCheck')} onChange={(e) => setWeekly((e.currentTarget as HTMLInputElement).checked)} />
        {tr('options_tariff_weekly')}
      </label>
      <label class="field">
        <span>{tr('options_tariff_endpoint')}</span>
        <input type="url" value={endpoint} placeholder={endpoints[0] ?? ''} disabled={isLocked(api.view, 'tariff.endpoint')} onInput={(e) => setEndpoint((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="button" disabled={isLocked(api.view, 'tariff.endpoint')} onClick={saveEndpoint}>
        {tr('options_tariff_endpoint_save')}
      </button>
    </div>
  );
}
