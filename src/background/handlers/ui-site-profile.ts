// ui:site-profile: the popup's quick switch (issue 12 §3) sets one site's practice type and on-call form,
// or clears it so the clinic profile applies. A site pushed by policy keeps the policy's.
import type { Handler } from '../../messages';
import { describeZodError } from '../../core/bill';
import { isLocked } from '../../settings/managed';
import { SiteProfileSchema } from '../../settings/schema';
import { updateSettings } from '../../settings/store';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { changeReply, settingsState } from '../settings-state';

export function uiSiteProfile(ctx: BackgroundContext): Handler<'ui:site-profile'> {
  return async ({ site, profile }) => {
    const refuse = async (path: string, message: string) => ({ state: await settingsState(ctx), issues: [{ path, message }] });
    const p = profile === null ? null : SiteProfileSchema.safeParse(profile);
    if (p && !p.success) return refuse('profile', describeZodError(p.error));
    const { locked } = await currentSettings(ctx.api);
    if (isLocked(locked, 'sites')) return refuse('sites', 'set by the clinic policy');
    let found = false;
    const saved = await updateSettings(ctx.api.storage.sync, (s) => {
      const target = s.sites.find((x) => x.origin === site);
      if (!target) return;
      found = true;
      if (p) target.profile = p.data;
      else delete target.profile;
    });
    if (!found) return refuse('site', 'is not among the EPJ sites in settings');
    return changeReply(ctx, saved);
  };
}
