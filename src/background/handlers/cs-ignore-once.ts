// cs:ignore-once: hide one finding in this tab's region until the tab closes or loads a new page.
import type { Handler } from '../../messages';
import { updateBadge } from '../badge';
import type { BackgroundContext } from '../context';
import { addIgnored, ignoreKey, readRegion, withTabLock, writeRegion } from '../tab-state';
import { contentSender } from '../content-sender';

export function csIgnoreOnce(ctx: BackgroundContext): Handler<'cs:ignore-once'> {
  return async ({ regionId, rule, codes }, sender) => {
    const { tabId, frameId } = contentSender(sender);
    const session = ctx.api.storage.session;
    const key = ignoreKey(rule, codes);
    await withTabLock(tabId, async () => {
      await addIgnored(session, tabId, frameId, regionId, key);
      const region = await readRegion(session, tabId, frameId, regionId);
      const findings = region.findings.filter((f) => ignoreKey(f.rule, f.codes) !== key);
      await writeRegion(session, tabId, frameId, regionId, { ...region, findings });
      await updateBadge(ctx.api, tabId);
    });
    return { ok: true as const };
  };
}
