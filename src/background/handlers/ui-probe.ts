// ui:probe: "test on the open tab" in the settings page. Finds an open tab of a site and asks its
// content script (bg:probe) what it reads there: codes, counts, context, and where.
import { send } from '../../messages';
import type { Handler } from '../../messages';
import { injectMain, originPattern, patternCovers } from '../content-scripts';
import type { BackgroundContext } from '../context';

const RETRIES = 20;
const RETRY_MS = 100;

export function uiProbe(ctx: BackgroundContext): Handler<'ui:probe'> {
  return async ({ origin }) => {
    let found: Array<{ id?: number; url?: string; lastAccessed?: number }>;
    try {
      // Filtered here: tabs.query({ url }) finds nothing in Firefox for a pattern with a port.
      const pattern = originPattern(origin);
      found = (await ctx.api.tabs.query({})).filter((t) => t.url !== undefined && patternCovers(pattern, t.url));
    } catch (e) {
      return { tabId: null, result: null, error: `origin: ${e instanceof Error ? e.message : String(e)}` };
    }
    // The site's most recently used tab: the screen the IT person just looked at, not an older tab of it.
    const tabId = found
      .filter((t) => t.id !== undefined)
      .reduce<(typeof found)[number] | undefined>((best, t) => (!best || (t.lastAccessed ?? 0) > (best.lastAccessed ?? 0) ? t : best), undefined)?.id;
    if (tabId === undefined) return { tabId: null, result: null, error: 'no-tab' };
    // To every frame: each frame's own content script reads its document, so a bill inside an iframe
    // answers from there; the top frame answers "nothing here" only after the others had their chance.
    const probe = () => send((msg) => ctx.api.tabs.sendMessage(tabId, msg), 'bg:probe', {});
    let r = await probe();
    if (!r.ok) {
      // No frame runs the full script yet (the boot script saw no takst field): the user asked to see
      // what Takstvakt reads here, so load it in every frame and ask again once it is listening.
      try {
        await injectMain(ctx.api, tabId);
      } catch (e) {
        return { tabId, result: null, error: e instanceof Error ? e.message : String(e) };
      }
      for (let i = 0; i < RETRIES && !r.ok; i++) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        r = await probe();
      }
    }
    return r.ok ? { tabId, result: r.value } : { tabId, result: null, error: r.error };
  };
}
