// The page badge: counts of findings, or "ikke kontrollert" when a billing region's codes cannot be
// read; "1 regel dempet" while rules are muted; a clear note when this tab's findings are too many to
// keep for the popup. Purely a status (role=status, no pointer events): it never blocks the host.
import { createHost, mount, retire, type Host } from './host';
import { tr, type Strings } from './strings';

export interface BadgeCounts {
  error: number;
  warning: number;
  info: number;
  /** Billing regions whose codes could not be read. */
  unreadable: number;
  /** Lines read of lines declared, when a virtualised grid renders only some ("delvis kontrollert"). */
  partial?: { read: number; total: number };
}

/** Page-wide facts from the background, beside the counts (see Overlay.setStatus). */
export interface PageStatus {
  /** Rules muted in settings (shown as "1 regel dempet"). */
  muted: number;
  /** This tab's stored state reached its size cap: the popup and toolbar no longer show everything. */
  full: boolean;
  /** Years of the non-official tariff the bill was checked against ("2023-24"): "kontrollert mot 2023-24". */
  unofficialYears?: string | null;
}

export class Badge {
  readonly host: HTMLElement;
  private readonly h: Host;
  private readonly pill: HTMLElement;
  private last = '';

  constructor(
    private readonly strings: Strings,
    /** Opens the settings page's fetch section (the only pointer target of the badge). */
    private readonly openTariffFetch?: () => void,
  ) {
    this.h = createHost();
    this.host = this.h.host;
    this.host.setAttribute('data-takstvakt-badge', '');
    this.h.set('top', 'auto');
    this.h.set('left', 'auto');
    this.h.set('right', '12px');
    this.h.set('bottom', '12px');
    this.pill = document.createElement('div');
    this.pill.setAttribute('role', 'status');
    this.h.root.append(this.pill);
  }

  show(counts: BadgeCounts, status: PageStatus): void {
    const state = counts.unreadable > 0 ? 'unreadable' : counts.partial ? 'partial' : 'checked';
    // The profile the page is checked with (issue 12 §3), from cs:get-config; refreshed on bg:rescan.
    const profile = this.strings.overlay_profile ?? '';
    const unofficialYears = status.unofficialYears ?? null;
    const key = `${state}:${counts.error}:${counts.warning}:${counts.info}:${counts.unreadable}:${counts.partial?.read}:${counts.partial?.total}:${status.muted}:${status.full}:${profile}:${unofficialYears ?? ''}`;
    // Back in its root, the pill keeps a retiring badge on the page (retire).
    if (this.pill.parentNode !== this.h.root) this.h.root.append(this.pill);
    if (!this.host.isConnected) mount(this.host, document.documentElement);
    if (key === this.last) return;
    this.last = key;
    const h = this.host;
    h.setAttribute('data-takstvakt-state', state);
    h.setAttribute('data-takstvakt-errors', String(counts.error));
    h.setAttribute('data-takstvakt-warnings', String(counts.warning));
    h.setAttribute('data-takstvakt-infos', String(counts.info));
    h.setAttribute('data-takstvakt-unreadable', String(counts.unreadable));
    h.setAttribute('data-takstvakt-muted', String(status.muted));
    if (status.full) h.setAttribute('data-takstvakt-full', '');
    else h.removeAttribute('data-takstvakt-full');
    this.pill.className = `badge ${state}${status.full ? ' full' : ''}`;
    const found = counts.error + counts.warning + counts.info;
    const { error, warning, info, unreadable } = counts;
    const parts = [found ? tr(this.strings, 'badge_counts', { error, warning, info, unreadable }) : tr(this.strings, 'badge_none')];
    if (state === 'unreadable') parts.unshift(tr(this.strings, 'badge_unreadable'));
    else if (state === 'partial') parts.unshift(tr(this.strings, 'badge_partial', { ...counts.partial }));
    if (status.muted > 0) parts.push(tr(this.strings, status.muted === 1 ? 'badge_muted_one' : 'badge_muted', { count: status.muted }));
    if (status.full) parts.push(tr(this.strings, 'badge_full'));
    if (unofficialYears) parts.push(tr(this.strings, 'badge_checked_against', { years: unofficialYears }));
    if (profile) h.setAttribute('data-takstvakt-profile', profile);
    this.pill.textContent = `Takstvakt${profile ? ` (${profile})` : ''}: ${parts.join(' · ')}`;
    if (unofficialYears) h.setAttribute('data-takstvakt-tariff', unofficialYears);
    else h.removeAttribute('data-takstvakt-tariff');
    if (unofficialYears && this.openTariffFetch) {
      const open = this.openTariffFetch;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'action badge-button';
      button.textContent = tr(this.strings, 'badge_fetch');
      // The root is closed, so the page cannot reach this button; a script-made click is still refused.
      button.addEventListener('click', (e) => {
        if (e.isTrusted) open();
      });
      this.pill.append(button);
    }
  }

  /** Goes at once when `now` (the extension is going away), else emptied now and removed after the next frame (retire). */
  remove(now = false): void {
    this.last = '';
    if (now || !this.host.isConnected) this.host.remove();
    else retire(this.h, this.pill);
  }
}
