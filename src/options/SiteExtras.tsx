// Two cells of the settings page's site table (issue 12): whether the browser has granted the site
// (policy-pushed sites are added without the browser's grant) with a button to grant it, and the site's
// own profile (practice type, on-call form) or the clinic profile.
import { useEffect, useState } from 'preact/hooks';
import type { Site } from '../settings/schema';
import { useClient } from '../ui/client';
import { useT } from '../ui/i18n';
import { ProfileFields } from '../ui/ProfileFields';
import type { HostPermissions, SettingsApi } from './OptionsApp';
import { isGeckoUrl, sitePattern } from '../settings/site-pattern';

export function SiteAccess({ origin, permissions }: { origin: string; permissions: HostPermissions }) {
  const tr = useT();
  const pattern = sitePattern(origin, isGeckoUrl(location.href));
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void permissions.contains?.([pattern]).then((g) => live && setGranted(g));
    return () => {
      live = false;
    };
  }, [pattern, permissions]);
  if (granted === null) return null;
  if (granted) return <span class="access granted">{tr('options_sites_access_granted')}</span>;
  return (
    <span class="access missing">
      {tr('options_sites_access_missing')}{' '}
      <button
        type="button"
        aria-label={tr('options_sites_access_grant_for', { origin })}
        // In the click itself: the browser grants only from a user gesture.
        onClick={() => void permissions.request([pattern]).then(setGranted)}
      >
        {tr('popup_site_grant')}
      </button>
    </span>
  );
}

export function SiteProfileCell({ site, api, locked }: { site: Site; api: SettingsApi; locked: boolean }) {
  const tr = useT();
  const client = useClient();
  const clinic = api.view.settings.clinic;
  const clinicLabel = clinic.onCall
    ? tr('common_profile_with_oncall', { setting: tr(`common_setting_${clinic.setting}`), onCall: tr(`common_oncall_${clinic.onCall}`) })
    : tr(`common_setting_${clinic.setting}`);
  return (
    <ProfileFields
      idPrefix={`profile-${site.origin.replace(/[^a-z0-9]/gi, '-')}`}
      label={tr('popup_site_profile', { origin: site.origin })}
      value={site.profile ?? null}
      clinicLabel={clinicLabel}
      disabled={locked}
      onChange={(profile) => void client.call('ui:site-profile', { site: site.origin, profile }).then((r) => r.ok && api.accept(r.value))}
    />
  );
}
