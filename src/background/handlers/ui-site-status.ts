// ui:site-status: what the popup needs about its tab's site (issue 12 §2, §3): is it an EPJ site in
// settings, has the browser granted it, and which profile its pages are checked with.
import type { Handler } from '../../messages';
import { isLocked } from '../../settings/managed';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { profileFor, profileLabel, siteFor } from '../site-profile';
import { grantCovers } from './ui-site-add';

/** The origin of a page Takstvakt could check (http or https), else null. */
export function checkableOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function uiSiteStatus(ctx: BackgroundContext): Handler<'ui:site-status'> {
  return async ({ url }) => {
    const { settings, locked } = await currentSettings(ctx.api);
    const origin = checkableOrigin(url);
    const site = origin ? siteFor(settings, url) : undefined;
    const granted = origin ? ((await ctx.api.permissions.getAll()).origins ?? []).some((p) => grantCovers(p, origin)) : false;
    const profile = profileFor(settings, origin ? url : undefined);
    return {
      origin,
      site: site?.origin ?? null,
      granted,
      profile,
      own: !!site?.profile,
      locked: !!site && isLocked(locked, 'sites'),
      label: profileLabel(settings.locale, profile),
    };
  };
}
