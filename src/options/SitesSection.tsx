// EPJ sites: the origins of the clinic's web journal. Adding one asks the browser for access right in
// the click (a user gesture is required), then the background stores it and registers the content
// scripts. Each site can be tested on its open tab.
import { useState } from 'preact/hooks';
import { OriginSchema, type Adapter } from '../settings/schema';
import { isGeckoUrl, sitePattern } from '../settings/site-pattern';
import { useClient } from '../ui/client';
import { useT } from '../ui/i18n';
import { isLocked } from '../ui/settings';
import { AdapterFields, emptyCustom, type CustomDraft } from './AdapterFields';
import { AdapterFile } from './AdapterFile';
import { Issues } from './Issues';
import { LockedNote } from './Locked';
import type { HostPermissions, SettingsApi } from './OptionsApp';
import { ProbePanel } from './ProbePanel';
import { SiteAccess, SiteProfileCell } from './SiteExtras';
import { OriginField } from './OriginField';

type Issue = { path: string; message: string };

/** Firefox: host permissions and match patterns there cannot name a port (src/settings/site-pattern.ts). */
const gecko = isGeckoUrl(location.href);

export function SitesSection({ api, permissions }: { api: SettingsApi; permissions: HostPermissions }) {
  const tr = useT();
  const client = useClient();
  const locked = isLocked(api.view, 'sites');
  const [origin, setOrigin] = useState('');
  const [kind, setKind] = useState<'generic' | 'custom'>('generic');
  const [custom, setCustom] = useState<CustomDraft>(emptyCustom());
  const [issues, setIssues] = useState<Issue[]>([]);
  const [probing, setProbing] = useState<string | null>(null);

  const adapter = (): Adapter => {
    if (kind === 'generic') return { kind: 'generic' };
    const optional = Object.fromEntries(Object.entries(custom).filter(([k, v]) => k !== 'region' && k !== 'code' && v.trim() !== ''));
    return { kind: 'custom', region: custom.region.trim(), code: custom.code.trim(), ...optional };
  };

  // Not async before permissions.request: the browser only grants it inside the click's own task.
  const add = () => {
    const o = OriginSchema.safeParse(origin.trim().replace(/\/+$/, ''));
    if (!o.success) {
      setIssues([{ path: 'origin', message: o.error.issues[0]?.message ?? 'invalid' }]);
      return;
    }
    const pattern = sitePattern(o.data, gecko);
    void permissions.request([pattern]).then(async (granted) => {
      if (!granted) return setIssues([{ path: 'origin', message: tr('options_sites_denied') }]);
      const r = await client.call('ui:site-add', { origin: o.data, adapter: adapter() });
      if (!r.ok) return setIssues([{ path: '(root)', message: r.error }]);
      const left = api.accept(r.value);
      setIssues(left);
      if (!left.length) {
        setOrigin('');
        setKind('generic');
        setCustom(emptyCustom());
      }
    });
  };

  const remove = (siteOrigin: string) => {
    void client.call('ui:site-remove', { origin: siteOrigin }).then(async (r) => {
      if (!r.ok) return setIssues([{ path: '(root)', message: r.error }]);
      if (api.accept(r.value).length) return;
      // In Firefox one host pattern serves every port of the host: keep it while another site uses it.
      const pattern = sitePattern(siteOrigin, gecko);
      const others = api.view.settings.sites.filter((x) => x.origin !== siteOrigin);
      if (!others.some((x) => sitePattern(x.origin, gecko) === pattern)) await permissions.remove([pattern]);
    });
  };

  const edit = (site: (typeof api.view.settings.sites)[number]) => {
    setOrigin(site.origin);
    setKind(site.adapter.kind);
    setCustom(site.adapter.kind === 'custom' ? { ...emptyCustom(), ...site.adapter } : emptyCustom());
  };

  const sites = api.view.settings.sites;
  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">{tr('options_sites_title')}</h2>
      <p class="hint">{tr('options_sites_intro')}</p>
      <LockedNote view={api.view} path="sites" />
      {sites.length === 0 ? (
        <p>{tr('options_sites_none')}</p>
      ) : (
        <table class="sites">
          <caption class="visually-hidden">{tr('options_sites_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('options_sites_origin')}</th>
              <th scope="col">{tr('options_sites_adapter')}</th>
              <th scope="col">{tr('options_sites_profile')}</th>
              <th scope="col">{tr('options_sites_access')}</th>
              <th scope="col">{tr('options_sites_enabled')}</th>
              <th scope="col">{tr('options_sites_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s, i) => (
              <tr key={s.origin}>
                <th scope="row">
                  <code>{s.origin}</code>
                </th>
                <td>
                  {tr(`options_adapter_${s.adapter.kind}`)} <AdapterFile site={s} index={i} api={api} locked={locked} />
                </td>
                <td>
                  <SiteProfileCell site={s} api={api} locked={locked} />
                </td>
                <td>
                  <SiteAccess origin={s.origin} permissions={permissions} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={tr('options_sites_enabled_for', { origin: s.origin })}
                    checked={s.enabled}
                    disabled={locked}
                    onChange={(e) => {
                      const v = (e.currentTarget as HTMLInputElement).checked;
                      void api.save((d) => {
                        const site = d.sites[i];
                        if (site) site.enabled = v;
                      });
                    }}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setProbing(s.origin)} aria-label={tr('options_sites_test_for', { origin: s.origin })}>
                    {tr('options_sites_test')}
                  </button>{' '}
                  <button type="button" disabled={locked} onClick={() => edit(s)} aria-label={tr('options_sites_edit_for', { origin: s.origin })}>
                    {tr('options_sites_edit')}
                  </button>{' '}
                  <button type="button" disabled={locked} onClick={() => remove(s.origin)} aria-label={tr('options_sites_remove_for', { origin: s.origin })}>
                    {tr('options_sites_remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* keyed by origin: a new site starts with an empty result, never the previous site's */}
      {probing && <ProbePanel key={probing} origin={probing} onClose={() => setProbing(null)} />}

      <fieldset disabled={locked}>
        <legend>{tr('options_sites_add_title')}</legend>
        <OriginField value={origin} onInput={setOrigin} hintId="origin-hint" />
        <fieldset>
          <legend>{tr('options_sites_adapter')}</legend>
          <label class="check">
            <input type="radio" name="adapter-kind" checked={kind === 'generic'} onChange={() => setKind('generic')} />
            {tr('options_adapter_generic')}
          </label>
          <label class="check">
            <input type="radio" name="adapter-kind" checked={kind === 'custom'} onChange={() => setKind('custom')} />
            {tr('options_adapter_custom')}
          </label>
          {kind === 'custom' && <AdapterFields value={custom} onChange={setCustom} />}
        </fieldset>
        <button type="button" onClick={add}>
          {tr('options_sites_add')}
        </button>
        <Issues issues={issues} title={tr('options_sites_add_failed')} />
      </fieldset>
    </section>
  );
}
