// cs:get-config: what a content script needs before reading a page: locale, the custom adapter for
// its origin (or null for the generic one) and the overlay's strings, already localised.
import { CATALOGS, t } from '../../core/i18n';
import type { Handler } from '../../messages';
import type { Settings } from '../../settings/schema';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { profileFor, profileLabel } from '../site-profile';

/** Does a site's origin (possibly `https://*.example.no`) cover this page URL? */
export function originMatches(siteOrigin: string, pageUrl: string): boolean {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  const m = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\d+))?$/i.exec(siteOrigin);
  if (!m) return false;
  const [, scheme, wildcard, host, port] = m;
  if (`${scheme!.toLowerCase()}:` !== page.protocol) return false;
  if (port !== undefined && port !== page.port) return false;
  const h = host!.toLowerCase();
  return wildcard ? page.hostname === h || page.hostname.endsWith(`.${h}`) : page.hostname === h;
}

export function adapterFor(settings: Settings, pageUrl: string | undefined): Settings['sites'][number]['adapter'] | null {
  if (!pageUrl) return null;
  const site = settings.sites.find((s) => s.enabled && originMatches(s.origin, pageUrl));
  return site && site.adapter.kind === 'custom' ? site.adapter : null;
}

const OVERLAY_PREFIX = 'overlay_';

export function overlayStrings(locale: Settings['locale']): Record<string, string> {
  const keys = Object.keys(CATALOGS.nb).filter((k) => k.startsWith(OVERLAY_PREFIX));
  return Object.fromEntries(keys.map((k) => [k, t(locale, k)]));
}

export function csGetConfig(ctx: BackgroundContext): Handler<'cs:get-config'> {
  return async (_payload, sender) => {
    const { settings } = await currentSettings(ctx.api);
    return {
      locale: settings.locale,
      adapter: adapterFor(settings, sender.url),
      strings: overlayStrings(settings.locale),
      muted: settings.rules.muted.length,
      profile: profileLabel(settings.locale, profileFor(settings, sender.url)),
    };
  };
}
