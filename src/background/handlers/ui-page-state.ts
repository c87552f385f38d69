// ui:page-state: the "Denne siden" view: per billing region of a tab, its adapter state and findings,
// read from storage.session (the content script never reads it; the popup asks the background).
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { readTab } from '../tab-state';

export function uiPageState(ctx: BackgroundContext): Handler<'ui:page-state'> {
  return async ({ tabId }) => {
    if (tabId === undefined) return { tabId: null, regions: [] };
    const records = await readTab(ctx.api.storage.session, tabId);
    const regions = records.flatMap((r, i) => {
      // A region known only from its findings (no adapter report yet) was still read and checked.
      const adapter = r.adapter;
      if (!adapter && r.findings.length === 0) return [];
      return [
        {
          regionId: adapter?.regionId ?? `region-${i}`,
          state: adapter?.state ?? ('checked' as const),
          ...(adapter?.reason ? { reason: adapter.reason } : {}),
          lineCount: adapter?.lineCount ?? 0,
          findings: r.findings,
          ...(adapter?.partial ? { partial: adapter.partial } : {}),
        },
      ];
    });
    return { tabId, regions };
  };
}
