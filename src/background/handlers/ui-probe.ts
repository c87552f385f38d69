// ui:probe: "test on the open tab" in the settings page. Finds an open tab of a site and asks its
// content script (bg:probe) what it reads there: codes, counts, context, and where.
import { send } from '../../messages';
import type { Handler } from '../../messages';
import { originPattern } from '../content-scripts';
import type { BackgroundContext } from '../context';

export function uiProbe(ctx: BackgroundContext): Handler<'ui:probe'> {
  return async ({ origin }) => {
    let found: Array<{ id?: number; url?: string }>;
    try {
      found = await ctx.api.tabs.query({ url: [originPattern(origin)] });
    } catch (e) {
      return { tabId: null, result: null, error: `origin: ${e instanceof Error ? e.message : String(e)}` };
    }
    const tabId = found.find((t) => t.id !== undefined)?.id;
    if (tabId === undefined) return { tabId: null, result: null, error: 'no-tab' };
    // To every frame: each frame's own content script reads its document, so a bill inside an iframe
    // answers from there; the top frame answers "nothing here" only after the others had their chance.
    const r = await send((msg) => ctx.api.tabs.sendMessage(tabId, msg), 'bg:probe', {});
    return r.ok ? { tabId, result: r.value } : { tabId, result: null, error: r.error };
  };
}
