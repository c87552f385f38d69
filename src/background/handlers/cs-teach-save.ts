// cs:teach-save: teach mode's "Lagre" (issue 12 §6). Only selectors arrive (never page values); they are
// held to the settings schema and must compile, the tab must be one the popup started teaching for this
// origin, and a policy-locked site list is never changed. Then the tab is checked with them at once.
import { describeZodError } from '../../core/bill';
import type { Handler } from '../../messages';
import { isLocked } from '../../settings/managed';
import { CustomAdapterSchema } from '../../settings/schema';
import { updateSettings } from '../../settings/store';
import { injectMain } from '../content-scripts';
import type { BackgroundContext } from '../context';
import { adapterIssues } from '../settings-import';
import { currentSettings } from '../settings-cache';
import { siteFor } from '../site-profile';
import { endTeaching } from '../teach-sessions';
import { contentSender } from '../content-sender';
import { checkableOrigin } from './ui-site-status';

export function csTeachSave(ctx: BackgroundContext): Handler<'cs:teach-save'> {
  return async (payload, sender) => {
    const { tabId, frameId } = contentSender(sender);
    const refuse = (path: string, message: string) => ({ saved: false, issues: [{ path, message }] });
    const origin = sender.url ? checkableOrigin(sender.url) : null;
    if (frameId !== 0 || !(await endTeaching(ctx.api, tabId, origin, Date.now()))) return refuse('(root)', 'teach mode was not started from the popup for this tab');
    const parsed = CustomAdapterSchema.safeParse(payload);
    if (!parsed.success) return refuse('adapter', describeZodError(parsed.error));
    const { settings, locked } = await currentSettings(ctx.api);
    if (isLocked(locked, 'sites')) return refuse('sites', 'set by the clinic policy');
    const issues = adapterIssues(settings.locale, parsed.data, 'adapter');
    if (issues.length) return { saved: false, issues };
    const site = siteFor(settings, sender.url)?.origin;
    const saved = await updateSettings(ctx.api.storage.sync, (s) => {
      const target = s.sites.find((x) => x.origin === site);
      if (target) target.adapter = parsed.data;
    });
    if (!site || !saved.ok) return refuse('sites', saved.ok ? 'is not among the EPJ sites in settings' : saved.error);
    // Pages of a custom-adapter site get the full script at once (cs:boot); this open one too.
    await injectMain(ctx.api, tabId).catch(() => undefined);
    return { saved: true, issues: [] };
  };
}
