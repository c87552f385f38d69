// cs:region-gone: a billing region left the page (the content script's scanner saw it go). Its findings
// are cleared, so the popup's list and the badge count only bills still on the page.
import type { Handler } from '../../messages';
import { contentSender } from '../content-sender';
import type { BackgroundContext } from '../context';
import { storeRegionFindings } from '../region-findings';

export function csRegionGone(ctx: BackgroundContext): Handler<'cs:region-gone'> {
  return async ({ regionId }, sender) => {
    const { tabId, frameId } = contentSender(sender);
    await storeRegionFindings(ctx, tabId, frameId, regionId, () => []);
    return { ok: true as const };
  };
}
