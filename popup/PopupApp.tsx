// The popup: takst lookup ("Søk") and the current tab's findings ("Denne siden"), with a tariff-year
// switch. The UI language follows the settings' `locale`.
import { mark } from '../src/ui/mark';
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../src/core/types';
import type { Response } from '../src/messages';
import { ClientContext, type Client } from '../src/ui/client';
import { LocaleContext } from '../src/ui/i18n';
import { toSettingsView } from '../src/ui/settings';
import { Tabs } from '../src/ui/Tabs';
import { t } from '../src/core/i18n';
import { SearchPanel } from './SearchPanel';
import { PagePanel } from './PagePanel';
import { TariffSwitch } from './TariffSwitch';
import { SiteBar, type PopupPermissions } from './SiteBar';

type Tariffs = Response<'ui:tariffs'>;

/** The version shown first: the chosen one, else the one in force today, else the newest. */
export function defaultTariffId(tariffs: Tariffs): string | null {
  const ids = tariffs.versions.map((v) => v.id);
  if (ids.includes(tariffs.active)) return tariffs.active;
  if (tariffs.inForce && ids.includes(tariffs.inForce)) return tariffs.inForce;
  const newest = [...tariffs.versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  return newest?.id ?? null;
}

export interface PopupProps {
  client: Client;
  tabId?: number | undefined;
  pageOrigin?: string | undefined;
  /** Opens the settings page (runtime.openOptionsPage); absent in tests. */
  openOptions?: (() => void) | undefined;
  /** The tab's URL, when the browser shows it (granted sites, or activeTab after a click on the icon). */
  pageUrl?: string | undefined;
  /** Host permission requests (chrome.permissions); with `pageUrl` they enable "Kontroller dette nettstedet". */
  permissions?: PopupPermissions | undefined;
  /** Opens the settings page at "Hent gjeldende takster"; absent in tests. */
  openFetch?: (() => void) | undefined;
}

export function PopupApp({ client, tabId, pageOrigin, openOptions, pageUrl, permissions, openFetch }: PopupProps) {
  const [locale, setLocale] = useState<Locale>('nb');
  const [tariffs, setTariffs] = useState<Tariffs | null>(null);
  const [tariffId, setTariffId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'search' | 'page'>('search');

  useEffect(() => {
    void client.call('ui:settings-get', {}).then((r) => {
      const view = r.ok ? toSettingsView(r.value) : null;
      if (view) setLocale(view.settings.locale);
    });
    void client.call('ui:tariffs', {}).then((r) => {
      mark('tariffs');
      if (!r.ok) return setError(r.error);
      setTariffs(r.value);
      setTariffId(defaultTariffId(r.value));
    });
  }, [client]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <ClientContext.Provider value={client}>
      <LocaleContext.Provider value={locale}>
        <main class="popup">
          <header class="popup-header">
            <h1>{t(locale, 'popup_title')}</h1>
            {tariffs && tariffId && <TariffSwitch versions={tariffs.versions} value={tariffId} onChange={setTariffId} />}
            {openOptions && (
              <button type="button" class="settings-link" onClick={openOptions}>
                {t(locale, 'popup_open_settings')}
              </button>
            )}
          </header>
          {pageUrl && permissions && <SiteBar pageUrl={pageUrl} permissions={permissions} tabId={tabId} />}
          {tariffs && (tariffs.officialToday === false || tariffs.notice?.kind === 'newer') && (
            <p class="tariff-offer" data-testid="tariff-offer">
              {t(locale, tariffs.notice?.kind === 'newer' ? 'popup_tariff_notice_newer' : 'popup_tariff_unofficial')}{' '}
              {openFetch && (
                <button type="button" onClick={openFetch}>
                  {t(locale, 'popup_tariff_fetch')}
                </button>
              )}
            </p>
          )}
          {error && (
            <p role="alert" class="error">
              {t(locale, 'popup_error_load', { error })}
            </p>
          )}
          <Tabs
            label={t(locale, 'popup_tabs_label')}
            value={tab}
            onChange={setTab}
            tabs={[
              { id: 'search', label: t(locale, 'popup_tab_search') },
              { id: 'page', label: t(locale, 'popup_tab_page') },
            ]}
          >
            {/* The search panel stays mounted (hidden) so its index, query and open takst survive a visit to
                the other tab; "Denne siden" is read afresh on every visit. */}
            <div hidden={tab !== 'search'}>
              <SearchPanel tariffId={tariffId} versions={tariffs?.versions ?? []} />
            </div>
            {tab === 'page' && <PagePanel tabId={tabId} origin={pageOrigin} />}
          </Tabs>
        </main>
      </LocaleContext.Provider>
    </ClientContext.Provider>
  );
}
