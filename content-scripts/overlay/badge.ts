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
}

export class Badge {
  readonly host: HTMLElement;
  private readonly pill: HTMLElement;
  private last = '';

  constructor(
    private readonly strings: Strings,
    /** Opens the settings page's fetch section (the only pointer target of the badge). */
    private readonly openTariffFetch?: () => void,
  ) {
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

  /** `unofficialYears`: the years of the non-official version the bill was checked against ("2023-24"), else null. */
  show(counts: BadgeCounts, unofficialYears: string | null = null): void {
    const state = counts.unreadable > 0 ? 'unreadable' : 'checked';
    const key = `${state}:${counts.error}:${counts.warning}:${counts.info}:${counts.unreadable}:${unofficialYears ?? ''}`;
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
    const text = found ? tr(this.strings, 'badge_counts', { ...counts }) : tr(this.strings, 'badge_none');
    const against = unofficialYears ? ` · ${tr(this.strings, 'badge_checked_against', { years: unofficialYears })}` : '';
    this.pill.textContent = `Takstvakt: ${state === 'unreadable' ? `${tr(this.strings, 'badge_unreadable')} · ` : ''}${text}${against}`;
    if (unofficialYears) h.setAttribute('data-takstvakt-tariff', unofficialYears);
    else h.removeAttribute('data-takstvakt-tariff');
    if (unofficialYears && this.openTariffFetch) {
      const open = this.openTariffFetch;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'b gb';
      button.textContent = tr(this.strings, 'badge_fetch');
      // The root is closed: the page can neither reach nor click this button.
      button.addEventListener('click', () => open());
      this.pill.append(button);
    }
  }

  remove(): void {
    this.host.remove();
    this.last = '';
  }
}
