// First-run setup (issue 12 §2), opened once on install: the practice type (nothing preselected, so it
// is really chosen), the on-call form, the EPJ site with the browser's permission asked in the click,
// and "test on the open tab". Everything lands in the same settings the settings page edits.
import { useState } from 'preact/hooks';
import { t } from '../core/i18n';
import type { SiteProfile } from '../settings/schema';
import { ClientContext, type Client } from '../ui/client';
import { LocaleContext } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { Issues } from './Issues';
import { LockedNote } from './Locked';
import { useSettingsApi, type HostPermissions } from './OptionsApp';
import { ProbePanel } from './ProbePanel';
import { chooseClinicSetting } from './ClinicSection';
import { OriginSchema } from '../settings/schema';
import { OnCallOptions } from '../ui/OnCallOptions';
import { OriginField } from './OriginField';
import { SiteAccess } from './SiteExtras';
import { isGeckoUrl, sitePattern } from '../settings/site-pattern';

import { isOnCall, SETTINGS } from '../core/types';
type Issue = { path: string; message: string };

export function SetupApp({ client, permissions, openOptions }: { client: Client; permissions: HostPermissions; openOptions?: () => void }) {
  const { view, loadError, issues, locale, save, accept } = useSettingsApi(client, 'setup_title');
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  // Nothing is preselected: the stored default ("fastlege") is not a choice the doctor made.
  const [chosen, setChosen] = useState<SiteProfile['setting'] | null>(null);
  const [onCall, setOnCall] = useState<SiteProfile['onCall']>(null);
  const [origin, setOrigin] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [siteIssues, setSiteIssues] = useState<Issue[]>([]);
  const [probing, setProbing] = useState(false);

  const settingLocked = !!view && isLocked(view, 'clinic.setting');
  const practice = settingLocked ? view.settings.clinic.setting : chosen;
  const profile: SiteProfile | null = practice ? { setting: practice, onCall: practice === 'legevakt' ? onCall : null } : null;

  const siteProfile = async (site: string, p: SiteProfile) => {
    const r = await client.call('ui:site-profile', { site, profile: p });
    if (r.ok) accept(r.value);
  };

  /** The chosen profile becomes the clinic's and, once a site is added, that site's own. */
  const apply = async (p: SiteProfile) => {
    await save((d) => {
      if (!isLocked(view!, 'clinic.setting')) chooseClinicSetting(d.clinic, p.setting);
      if (!isLocked(view!, 'clinic.onCall')) d.clinic.onCall = p.onCall;
    });
    if (added) await siteProfile(added, p);
  };

  const choose = (s: SiteProfile['setting']) => {
    setChosen(s);
    void apply({ setting: s, onCall: s === 'legevakt' ? onCall : null });
  };

  // Not async before permissions.request: the browser grants only inside the click's own task.
  const addSite = () => {
    const o = OriginSchema.safeParse(origin.trim().replace(/\/+$/, ''));
    if (!o.success) return setSiteIssues([{ path: 'origin', message: tr('setup_site_invalid') }]);
    void permissions.request([sitePattern(o.data, isGeckoUrl(location.href))]).then(async (granted) => {
      if (!granted) return setSiteIssues([{ path: 'origin', message: tr('options_sites_denied') }]);
      const r = await client.call('ui:site-add', { origin: o.data });
      if (!r.ok) return setSiteIssues([{ path: '(root)', message: r.error }]);
      const left = accept(r.value);
      setSiteIssues(left);
      if (left.length) return;
      setAdded(o.data);
      // Only the site's profile here: this callback's `save` would write the settings as they were before the site.
      if (profile) await siteProfile(o.data, profile);
    });
  };

  const profileWords = profile
    ? profile.onCall
      ? tr('common_profile_with_oncall', { setting: tr(`common_setting_${profile.setting}`), onCall: tr(`common_oncall_${profile.onCall}`) })
      : tr(`common_setting_${profile.setting}`)
    : null;

  return (
    <ClientContext.Provider value={client}>
      <LocaleContext.Provider value={locale}>
        <main class="options setup">
          <h1>{tr('setup_title')}</h1>
          <p>{tr('setup_intro')}</p>
          {loadError && (
            <p role="alert" class="error">
              {tr('options_error_load', { error: loadError })}
            </p>
          )}
          <Issues issues={issues} />
          {view && (
            <>
              <section class="card" aria-labelledby="setup-practice-h">
                <h2 id="setup-practice-h">{tr('setup_practice_title')}</h2>
                <fieldset disabled={settingLocked} aria-describedby="setup-practice-hint">
                  <legend>{tr('common_profile_setting')}</legend>
                  {SETTINGS.map((s) => (
                    <label class="check" key={s}>
                      <input type="radio" name="setup-setting" value={s} checked={practice === s} onChange={() => choose(s)} />
                      {tr(`common_setting_${s}`)}
                    </label>
                  ))}
                  <LockedNote view={view} path="clinic.setting" />
                </fieldset>
                <p id="setup-practice-hint" class="hint">
                  {tr('setup_practice_hint')}
                </p>
                {practice === 'legevakt' && (
                  <label class="field">
                    <span>{tr('options_clinic_oncall')}</span>
                    <select
                      id="setup-oncall"
                      value={onCall ?? 'none'}
                      disabled={isLocked(view, 'clinic.onCall')}
                      onChange={(e) => {
                        const v = (e.currentTarget as HTMLSelectElement).value;
                        const next = isOnCall(v) ? v : null;
                        setOnCall(next);
                        void apply({ setting: 'legevakt', onCall: next });
                      }}
                    >
                      <OnCallOptions />
                    </select>
                    <span class="hint">{tr('options_clinic_oncall_hint')}</span>
                  </label>
                )}
              </section>

              <section class="card" aria-labelledby="setup-site-h">
                <h2 id="setup-site-h">{tr('setup_site_title')}</h2>
                <p class="hint">{tr('options_sites_intro')}</p>
                <fieldset disabled={isLocked(view, 'sites')}>
                  <legend>{tr('setup_site_legend')}</legend>
                  <OriginField id="setup-origin" value={origin} onInput={setOrigin} hintId="setup-origin-hint" />
                  <button type="button" onClick={addSite}>
                    {tr('setup_site_add')}
                  </button>
                </fieldset>
                <LockedNote view={view} path="sites" />
                {/* Sites the clinic's IT pushed: whether the browser has granted each, with a button to grant it. */}
                {isLocked(view, 'sites') && view.settings.sites.length > 0 && (
                  <ul class="policy-sites">
                    {view.settings.sites.map((s) => (
                      <li key={s.origin}>
                        <code>{s.origin}</code> <SiteAccess origin={s.origin} permissions={permissions} />
                      </li>
                    ))}
                  </ul>
                )}
                <Issues issues={siteIssues} title={tr('options_sites_add_failed')} />
                <p role="status" class="status" id="setup-site-status">
                  {added ? tr('setup_site_added', { origin: added, profile: profileWords ?? tr('setup_profile_unset') }) : ''}
                </p>
              </section>

              <section class="card" aria-labelledby="setup-test-h">
                <h2 id="setup-test-h">{tr('setup_test_title')}</h2>
                <p class="hint">{tr('setup_test_hint')}</p>
                <button type="button" disabled={!added} onClick={() => setProbing(true)}>
                  {tr('options_sites_test')}
                </button>
                {probing && added && <ProbePanel key={added} origin={added} onClose={() => setProbing(false)} />}
              </section>

              <p>
                {tr('setup_done')}{' '}
                {openOptions && (
                  <button type="button" onClick={openOptions}>
                    {tr('setup_open_options')}
                  </button>
                )}
              </p>
            </>
          )}
        </main>
      </LocaleContext.Provider>
    </ClientContext.Provider>
  );
}
