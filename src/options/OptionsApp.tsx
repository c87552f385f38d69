// The settings page: clinic profile, EPJ sites, rules, tariff versions, backup. Every change is saved at
// once through `ui:settings-save`; a refused change names its fields and leaves the settings as they were.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import type { Response } from '../messages';
import type { Settings } from '../settings/schema';
import { ClientContext, type Client } from '../ui/client';
import { LocaleContext } from '../ui/i18n';
import { toSettingsView, type SettingsView } from '../ui/settings';
import { BackupSection } from './BackupSection';
import { ClinicSection } from './ClinicSection';
import { Issues } from './Issues';
import { LanguageSection } from './LanguageSection';
import { RulesSection } from './RulesSection';
import { SitesSection } from './SitesSection';
import { TariffSection } from './TariffSection';

export interface HostPermissions {
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  /** Whether the browser has granted these origins (the site table shows it; policy can push ungranted sites). */
  contains?(origins: string[]): Promise<boolean>;
}

type Issue = Response<'ui:settings-save'>['issues'][number];

export interface SettingsApi {
  view: SettingsView;
  /** Applies `change` to a copy of the settings and saves it; resolves to the issues (empty = saved). */
  save(change: (draft: Settings) => void): Promise<Issue[]>;
  /** Takes a settings reply from any `ui:` settings message (import, site add/remove). */
  accept(reply: Response<'ui:settings-save'>): Issue[];
}

/**
 * Settings as a page edits them (the settings page and the first-run setup): loaded once, every change
 * saved at once through `ui:settings-save`; a refused change leaves `issues` and the settings as they were.
 */
export function useSettingsApi(client: Client, titleKey: string) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void client.call('ui:settings-get', {}).then((r) => {
      const v = r.ok ? toSettingsView(r.value) : null;
      if (v) setView(v);
      else setLoadError(r.ok ? 'settings' : r.error);
    });
  }, [client]);

  const locale = view?.settings.locale ?? 'nb';
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(locale, titleKey);
  }, [locale]);

  const accept = useCallback(
    (reply: Response<'ui:settings-save'>): Issue[] => {
      const next = toSettingsView(reply.state);
      if (next) setView(next);
      setStatus(reply.issues.length ? '' : t(next?.settings.locale ?? locale, 'options_saved'));
      return reply.issues;
    },
    [locale],
  );

  const save = useCallback(
    async (change: (draft: Settings) => void): Promise<Issue[]> => {
      if (!view) return [];
      const draft = structuredClone(view.settings);
      change(draft);
      const r = await client.call('ui:settings-save', { settings: draft });
      if (!r.ok) {
        const failed = [{ path: '(root)', message: r.error }];
        setIssues(failed);
        return failed;
      }
      const left = accept(r.value);
      setIssues(left);
      return left;
    },
    [client, view, accept],
  );

  return { view, loadError, issues, status, locale, save, accept };
}

export function OptionsApp({ client, permissions }: { client: Client; permissions: HostPermissions }) {
  const { view, loadError, issues, status, locale, save, accept } = useSettingsApi(client, 'options_title');

  return (
    <ClientContext.Provider value={client}>
      <LocaleContext.Provider value={locale}>
        <main class="options">
          <h1>{t(locale, 'options_title')}</h1>
          {loadError && (
            <p role="alert" class="error">
              {t(locale, 'options_error_load', { error: loadError })}
            </p>
          )}
          <Issues issues={issues} />
          <p class="status" role="status" aria-live="polite">
            {status}
          </p>
          {view && (
            <>
              <LanguageSection api={{ view, save, accept }} />
              <ClinicSection api={{ view, save, accept }} />
              <SitesSection api={{ view, save, accept }} permissions={permissions} />
              <RulesSection api={{ view, save, accept }} />
              <TariffSection api={{ view, save, accept }} permissions={permissions} />
              <BackupSection api={{ view, save, accept }} />
            </>
          )}
        </main>
      </LocaleContext.Provider>
    </ClientContext.Provider>
  );
}
