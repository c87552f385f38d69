// ui:site-add: after the settings page got the host permission (permissions.request needs the click
// itself), store the site, register the content scripts for it at once and start them in its open tabs.
import type { Handler } from '../../messages';
import { isLocked } from '../../settings/managed';
import { AdapterSchema, OriginSchema } from '../../settings/schema';
import { updateSettings } from '../../settings/store';
import { describeZodError } from '../../core/bill';
import { t } from '../../core/i18n';
import { adapterIssues } from '../settings-import';
import { injectIntoOpenTabs, originPattern, patternCovers, syncContentScripts } from '../content-scripts';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { changeReply, settingsState } from '../settings-state';

/** Does a granted match pattern (`http://127.0.0.1/*` covers every port) cover this origin? */
export function grantCovers(pattern: string, origin: string): boolean {
  return pattern === originPattern(origin) || patternCovers(pattern, `${origin}/`);
}

export function uiSiteAdd(ctx: BackgroundContext): Handler<'ui:site-add'> {
  return async ({ origin, adapter }) => {
    const refuse = async (path: string, message: string) => ({ state: await settingsState(ctx), issues: [{ path, message }] });
    const { settings, locked } = await currentSettings(ctx.api);
    const o = OriginSchema.safeParse(origin.trim().replace(/\/+$/, ''));
    if (!o.success) return refuse('origin', describeZodError(o.error).replace(/^\(root\): /, ''));
    // One exact site: a wildcard (https://*.no) would let Takstvakt read every matching site.
    if (o.data.includes('*')) return refuse('origin', t(settings.locale, 'settings_err_wildcard'));
    const a = AdapterSchema.safeParse(adapter ?? { kind: 'generic' });
    if (!a.success) return refuse('adapter', describeZodError(a.error));
    // A selector the browser would reject would silently stop checking on the EPJ page: refuse it here.
    const [bad] = adapterIssues(settings.locale, a.data, 'adapter');
    if (bad) return refuse(bad.path, bad.message);
    if (isLocked(locked, 'sites')) return refuse('sites', 'set by the clinic policy');
    const granted = (await ctx.api.permissions.getAll()).origins ?? [];
    if (!granted.some((p) => grantCovers(p, o.data))) return refuse('origin', 'the browser has not granted access to this origin');
    const saved = await updateSettings(ctx.api.storage.sync, (s) => {
      const site = { origin: o.data, adapter: a.data, enabled: true };
      const i = s.sites.findIndex((x) => x.origin === o.data);
      if (i >= 0) s.sites[i] = site;
      else s.sites.push(site);
    });
    const reply = await changeReply(ctx, saved);
    if (saved.ok) {
      await syncContentScripts(ctx.api, saved.settings);
      // The clinic's EPJ is usually open already: check it without a reload (also when the host was
      // granted before, e.g. another port of it in Firefox, so permissions.onAdded did not fire).
      await injectIntoOpenTabs(ctx.api, [originPattern(o.data)], saved.settings);
    }
    return reply;
  };
}
