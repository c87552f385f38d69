// ui:teach-start: the popup's "Lær Takstvakt denne skjermen" (issue 12 §6). Teach mode is a script of its
// own (content-teach.js), injected into the tab's top frame only on this click: pages never carry it.
import type { Handler } from '../../messages';
import { isLocked } from '../../settings/managed';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { siteFor } from '../site-profile';
import { startTeaching } from '../teach-sessions';

export const CONTENT_TEACH_FILE = 'content-teach.js';

export function uiTeachStart(ctx: BackgroundContext): Handler<'ui:teach-start'> {
  return async ({ tabId }) => {
    const tab = (await ctx.api.tabs.query({})).find((t) => t.id === tabId);
    if (!tab?.url) return { started: false, error: 'no-tab' as const };
    const { settings, locked } = await currentSettings(ctx.api);
    if (!siteFor(settings, tab.url)) return { started: false, error: 'no-site' as const };
    // A site pushed by policy keeps the policy's adapter.
    if (isLocked(locked, 'sites')) return { started: false, error: 'locked' as const };
    await startTeaching(ctx.api, tabId, new URL(tab.url).origin, Date.now());
    try {
      await ctx.api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_TEACH_FILE] });
    } catch {
      return { started: false, error: 'inject' as const };
    }
    return { started: true };
  };
}
