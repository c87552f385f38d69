// The profile a page is checked with (issue 12 §3): practice type and on-call form of the EPJ site the
// page belongs to, else the clinic profile. A legevakt system and a fastlege system in one browser each
// get their own, so 2ak at 22:05 is checked as legevakt there without touching settings.
import { t } from '../core/i18n';
import type { Settings, Site, SiteProfile } from '../settings/schema';
import { originMatches } from './handlers/cs-get-config';

/** The enabled site a page URL belongs to (the most specific one when a wildcard site also matches). */
export function siteFor(settings: Settings, pageUrl: string | undefined): Site | undefined {
  if (!pageUrl) return undefined;
  const matching = settings.sites.filter((s) => s.enabled && originMatches(s.origin, pageUrl));
  return matching.find((s) => !s.origin.includes('*')) ?? matching[0];
}

export function profileFor(settings: Settings, pageUrl: string | undefined): SiteProfile {
  return siteFor(settings, pageUrl)?.profile ?? { setting: settings.clinic.setting, onCall: settings.clinic.onCall };
}

/** Settings as the rule core should see them for this page: the site's profile in place of the clinic's. */
export function withSiteProfile(settings: Settings, pageUrl: string | undefined): Settings {
  const p = profileFor(settings, pageUrl);
  if (p.setting === settings.clinic.setting && p.onCall === settings.clinic.onCall) return settings;
  return { ...settings, clinic: { ...settings.clinic, setting: p.setting, onCall: p.onCall } };
}

/** "legevakt, tilstedevakt", "fastlege": the profile as the page badge and the popup name it. */
export function profileLabel(locale: Settings['locale'], p: SiteProfile): string {
  const setting = t(locale, `common_setting_${p.setting}`);
  return p.onCall ? t(locale, 'common_profile_with_oncall', { setting, onCall: t(locale, `common_oncall_${p.onCall}`) }) : setting;
}
