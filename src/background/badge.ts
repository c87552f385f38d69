// The toolbar badge per tab: number of findings, coloured by the worst severity; `?` when a billing
// region was found but could not be read ("ikke kontrollert").
import type { BackgroundApi } from './api';
import { readTab } from './tab-state';

const COLORS = { error: '#b91c1c', warning: '#b45309', info: '#1d4ed8', unreadable: '#6b7280' } as const;

export interface BadgeView {
  text: string;
  color: string;
}

export function badgeView(findings: ReadonlyArray<{ severity: 'error' | 'warning' | 'info' }>, unreadable: boolean): BadgeView {
  if (findings.length === 0) return unreadable ? { text: '?', color: COLORS.unreadable } : { text: '', color: COLORS.info };
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
  return { text: findings.length > 99 ? '99+' : String(findings.length), color: COLORS[worst] };
}

export async function updateBadge(api: BackgroundApi, tabId: number): Promise<BadgeView> {
  const regions = await readTab(api.storage.session, tabId);
  const view = badgeView(
    regions.flatMap((r) => r.findings),
    regions.some((r) => r.adapter?.state === 'unreadable'),
  );
  try {
    await api.action.setBadgeBackgroundColor({ tabId, color: view.color });
    await api.action.setBadgeText({ tabId, text: view.text });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
  return view;
}
