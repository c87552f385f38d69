// cs:adapter-state: whether a billing region's codes could be read ("ikke kontrollert" otherwise).
import type { Handler } from '../../messages';
import { updateBadge } from '../badge';
import type { BackgroundContext } from '../context';
import { readRegion, withTabLock, writeRegion } from '../tab-state';
import { contentSender } from '../content-sender';

export function csAdapterState(ctx: BackgroundContext): Handler<'cs:adapter-state'> {
  return async (state, sender) => {
    const { tabId, frameId } = contentSender(sender);
    const session = ctx.api.storage.session;
    await withTabLock(tabId, async () => {
      const previous = await readRegion(session, tabId, frameId, state.regionId);
      // The findings stay: they are those of the codes that were read (cs:check-bill keeps them
      // current). An unreadable part of a region must not wipe what the page shows as markers.
      await writeRegion(session, tabId, frameId, state.regionId, { findings: previous.findings, adapter: state });
      await updateBadge(ctx.api, tabId);
    });
    return { ok: true as const };
  };
}
