// After a settings or tariff change, every page with Takstvakt asks again (bg:rescan), so markers in
// all tabs follow the clinic's new choices instead of waiting for the next edit.
import { send } from '../messages';
import type { Settings } from '../settings/schema';
import type { BackgroundApi } from './api';
import { allContentPatterns } from './content-scripts';

export async function rescanTabs(api: BackgroundApi, settings: Settings): Promise<number> {
  const patterns = await allContentPatterns(api, settings);
  if (!patterns.length) return 0;
  const tabs = await api.tabs.query({ url: patterns });
  const results = await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? null : send((msg) => api.tabs.sendMessage(tab.id!, msg), 'bg:rescan', {}))),
  );
  // A tab whose content script is gone (or never started) just does not answer.
  return results.filter((r) => r?.ok).length;
}
