// cs:mute-rule: "mute this rule" from a marker, kept in settings (the options page lists it with a
// way back). Refused when the clinic's policy fixes the muted list.
import type { Handler } from '../../messages';
import { isLocked } from '../../settings/managed';
import { updateSettings } from '../../settings/store';
import { updateBadge } from '../badge';
import type { BackgroundContext } from '../context';
import { currentSettings, invalidateSettings } from '../settings-cache';
import { updateTabRegions, withTabLock } from '../tab-state';
import { contentSender } from './sender';

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function csMuteRule(ctx: BackgroundContext): Handler<'cs:mute-rule'> {
  return async ({ rule }, sender) => {
    const { tabId } = contentSender(sender);
    if (!RULE_ID.test(rule)) throw new Error('rule: must be a rule id like time-window');
    const { locked } = await currentSettings(ctx.api);
    if (isLocked(locked, 'rules.muted')) throw new Error('rules.muted: set by the clinic policy and cannot be changed here');
    const saved = await updateSettings(ctx.api.storage.sync, (s) => {
      if (!s.rules.muted.includes(rule)) s.rules.muted.push(rule);
    });
    if (!saved.ok) throw new Error(saved.error);
    invalidateSettings();
    // The marker's tab shows the change at once; other tabs catch up on their next check.
    await withTabLock(tabId, async () => {
      await updateTabRegions(ctx.api.storage.session, tabId, (region) =>
        region.findings.some((f) => f.rule === rule) ? { ...region, findings: region.findings.filter((f) => f.rule !== rule) } : region,
      );
      await updateBadge(ctx.api, tabId);
    });
    return { ok: true as const };
  };
}
