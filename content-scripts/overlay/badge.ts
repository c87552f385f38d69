// The page badge: counts of findings, or "ikke kontrollert" when a billing region's codes cannot be
// read. Purely a status (role=status, no pointer events), so it never blocks the host's buttons.
import { createHost, mount } from './host';
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

export class Badge {
  readonly host: HTMLElement;
  private readonly pill: HTMLElement;
  private last = '';

  constructor(private readonly strings: Strings) {
    const { host, root } = createHost('takstvakt-badge');
    this.host = host;
    host.setAttribute('data-takstvakt-badge', '');
    host.style.setProperty('top', 'auto', 'important');
    host.style.setProperty('left', 'auto', 'important');
    host.style.setProperty('right', '12px', 'important');
    host.style.setProperty('bottom', '12px', 'important');
    this.pill = document.createElement('div');
    this.pill.setAttribute('role', 'status');
    root.append(this.pill);
  }

  show(counts: BadgeCounts): void {
    const state = counts.unreadable > 0 ? 'unreadable' : counts.partial ? 'partial' : 'checked';
    const key = `${state}:${counts.error}:${counts.warning}:${counts.info}:${counts.unreadable}:${counts.partial?.read}:${counts.partial?.total}`;
    if (!this.host.isConnected) mount(this.host, document.documentElement);
    if (key === this.last) return;
    this.last = key;
    const h = this.host;
    h.setAttribute('data-takstvakt-state', state);
    h.setAttribute('data-takstvakt-errors', String(counts.error));
    h.setAttribute('data-takstvakt-warnings', String(counts.warning));
    h.setAttribute('data-takstvakt-infos', String(counts.info));
    h.setAttribute('data-takstvakt-unreadable', String(counts.unreadable));
    this.pill.className = `g ${state}`;
    const found = counts.error + counts.warning + counts.info;
    const { error, warning, info, unreadable } = counts;
    const text = found ? tr(this.strings, 'badge_counts', { error, warning, info, unreadable }) : tr(this.strings, 'badge_none');
    const prefix = state === 'unreadable' ? tr(this.strings, 'badge_unreadable') : state === 'partial' ? tr(this.strings, 'badge_partial', { ...counts.partial }) : '';
    this.pill.textContent = `Takstvakt: ${prefix ? `${prefix} · ` : ''}${text}`;
  }

  remove(): void {
    this.host.remove();
    this.last = '';
  }
}
