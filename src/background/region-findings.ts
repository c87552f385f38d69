// One region's findings into the tab's state in storage.session, and the badge after them: shared by
// cs:check-bill (a new report) and cs:region-gone (the region left the page).
import { updateBadge } from './badge';
import type { BackgroundContext } from './context';
import { readRegionAndIgnored, sameFindings, withTabLock, writeRegion, type StoredFinding } from './tab-state';

/**
 * Stores a region's findings and refreshes the badge (the tab's record is read from the worker's cache
 * or its one key); while the doctor types, findings mostly stay the same, and then nothing is written
 * and the badge is left alone. A failed write never costs the page its reply (writeRegion never throws).
 */
export async function storeRegionFindings(
  ctx: BackgroundContext,
  tabId: number,
  frameId: number,
  regionId: string,
  findingsFor: (ignored: ReadonlySet<string>) => StoredFinding[],
): Promise<{ findings: StoredFinding[]; full: boolean }> {
  const session = ctx.api.storage.session;
  return withTabLock(tabId, async () => {
    const { region, ignored, full } = await readRegionAndIgnored(session, tabId, frameId, regionId);
    const findings = findingsFor(ignored);
    if (sameFindings(region.findings, findings)) return { findings, full };
    const nowFull = await writeRegion(session, tabId, frameId, regionId, { findings, adapter: region.adapter });
    await updateBadge(ctx.api, tabId);
    return { findings, full: nowFull };
  });
}
