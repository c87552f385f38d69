// ui:ignored-restore: forget one "ignore this once"; the tab is asked to check again so the marker returns.
import { send, type Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { ignoreKey, removeIgnored, withTabLock } from '../tab-state';

export function uiIgnoredRestore(ctx: BackgroundContext): Handler<'ui:ignored-restore'> {
  return async ({ tabId, frameId, regionId, rule, codes }) => {
    const session = ctx.api.storage.session;
    const restored = await withTabLock(tabId, () => removeIgnored(session, tabId, frameId, regionId, ignoreKey(rule, codes)));
    // A closed tab or a page without the content script simply does not answer.
    if (restored) await send((msg) => ctx.api.tabs.sendMessage(tabId, msg), 'bg:rescan', {});
    return { restored };
  };
}
