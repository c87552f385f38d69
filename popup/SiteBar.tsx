// The popup's tab site (issue 12 §2, §3): on a site Takstvakt does not check yet, "Kontroller dette
// nettstedet" (the browser's permission request comes from that click, then the site is added as the
// settings page adds it); on a site it checks, the quick switch of the site's profile (legevakt system vs
// fastlege system); on a site the browser has not granted (e.g. pushed by policy), a button to grant it.
import { useEffect, useState } from 'preact/hooks';
import type { Response } from '../src/messages';
import { SiteProfileSchema, type SiteProfile } from '../src/settings/schema';
import { useClient } from '../src/ui/client';
import { useLocale, useT } from '../src/ui/i18n';
import { issueText } from '../src/ui/issue-text';
import { ProfileFields } from '../src/ui/ProfileFields';
import { Outcome } from '../src/ui/Outcome';
import { isGeckoUrl, sitePattern } from '../src/settings/site-pattern';
import { TeachButton } from './TeachButton';

type Status = Response<'ui:site-status'>;

export interface PopupPermissions {
  request(origins: string[]): Promise<boolean>;
}

export function SiteBar({ pageUrl, permissions, onChanged, tabId }: { pageUrl: string; permissions: PopupPermissions; onChanged?: () => void; tabId?: number | undefined }) {
  const tr = useT();
  const locale = useLocale();
  const client = useClient();
  const problemText = (issue: { path: string; message: string }) => {
    const x = issueText(locale, issue);
    return `${x.field ?? x.path}: ${x.message}`;
  };
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const load = () => void client.call('ui:site-status', { url: pageUrl }).then((r) => r.ok && setStatus(r.value));
  useEffect(load, [client, pageUrl]);

  if (!status?.origin) return null;
  const origin = status.origin;

  // Not async before permissions.request: the browser grants only inside the click's own task.
  const addSite = () => {
    setProblem(null);
    // The prompt may close the popup before this code goes on: the background then adds the site on the grant.
    if (!status.site) void client.call('ui:site-pending', { origin });
    void permissions.request([sitePattern(origin, isGeckoUrl(location.href))]).then(async (granted) => {
      if (!granted) return setProblem(tr('options_sites_denied'));
      if (!status.site) {
        const r = await client.call('ui:site-add', { origin });
        const issue = r.ok ? r.value.issues[0] : { path: '(root)', message: r.error };
        if (issue) return setProblem(problemText(issue));
      }
      setMessage(tr('popup_site_added', { origin }));
      load();
      onChanged?.();
    });
  };

  const setProfile = (p: SiteProfile | null) => {
    if (!status.site) return;
    void client.call('ui:site-profile', { site: status.site, profile: p }).then((r) => {
      const issue = r.ok ? r.value.issues[0] : { path: '(root)', message: r.error };
      if (issue) return setProblem(problemText(issue));
      setProblem(null);
      load();
      onChanged?.();
    });
  };

  const parsed = SiteProfileSchema.safeParse(status.profile);
  return (
    <section class="site-bar" aria-label={tr('popup_site_title', { origin })}>
      {!status.site || !status.granted ? (
        <>
          <p>{status.site ? tr('popup_site_not_granted', { origin }) : tr('popup_site_not_checked', { origin })}</p>
          <button type="button" class="primary" onClick={addSite}>
            {status.site ? tr('popup_site_grant') : tr('popup_site_add')}
          </button>
        </>
      ) : (
        parsed.success && (
          <>
            <ProfileFields
              idPrefix="site-profile"
              label={tr('popup_site_profile', { origin: status.site })}
              value={status.own ? parsed.data : null}
              clinicLabel={status.own ? undefined : status.label}
              disabled={status.locked}
              onChange={setProfile}
            />
            {status.locked && <p class="locked">🔒 {tr('options_locked')}</p>}
            <p class="profile-now" data-profile={status.label}>
              {tr('popup_site_profile_now', { profile: status.label })}
            </p>
            {tabId !== undefined && !status.locked && <TeachButton tabId={tabId} />}
          </>
        )
      )}
      <Outcome status={message} error={problem} />
    </section>
  );
}
