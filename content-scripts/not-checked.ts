// Failures that stop checking are shown, not swallowed: errors never reach the page, but the doctor
// sees "Takstvakt: ikke kontrollert (feil: <code>)" on the page and the background is told (toolbar
// badge "?", popup), in both browsers. Reason codes are fixed words, never page text or error messages.
import type { ContentScriptContext } from './context';
import { createHost, mount } from './overlay/host';
import { tr, type Strings } from './overlay/strings';
import type { Sender } from './runtime';

/** start: the overlay or scanner could not start; config: no settings from the background; check: a check got no report. */
export type NotCheckedCode = 'start' | 'config' | 'check';

/** The region id the failure is reported under (a page-level state, not a billing region). */
export const FAILED_REGION = 'takstvakt:failed';

/** Bokmål, for when the localised strings never arrived (the failure may be that they did not). */
const FALLBACK = 'ikke kontrollert (feil: {code})';

export class NotChecked {
  private host: HTMLElement | null = null;
  private pill: HTMLElement | null = null;
  private code: NotCheckedCode | null = null;

  /** Set once the script can talk to the background. */
  send: Sender | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly strings: () => Strings | undefined,
  ) {
    ctx.onInvalidated(() => this.host?.remove());
  }

  show(code: NotCheckedCode): void {
    if (this.ctx.invalid || this.code === code) return;
    this.code = code;
    try {
      const host = this.host ?? this.createHost();
      host.setAttribute('data-takstvakt-reason', code);
      const s = this.strings();
      const text = s?.overlay_badge_failed ? tr(s, 'badge_failed', { code }) : FALLBACK.replace('{code}', code);
      if (this.pill) this.pill.textContent = `Takstvakt: ${text}`;
      mount(host, document.documentElement);
    } catch {
      // Even the notice failed: the background report below still reaches the toolbar and popup.
    }
    void this.send?.('cs:adapter-state', { regionId: FAILED_REGION, state: 'unreadable', reason: `failed:${code}`, lineCount: 0 });
  }

  /** Checking works again (a later check got its report). */
  clear(): void {
    if (this.code === null) return;
    this.code = null;
    this.host?.remove();
    void this.send?.('cs:adapter-state', { regionId: FAILED_REGION, state: 'checked', lineCount: 0 });
  }

  private createHost(): HTMLElement {
    let host: HTMLElement;
    let root: ShadowRoot;
    try {
      const h = createHost();
      ({ host, root } = h);
      // Above the page badge's place (bottom right), so both can show; set through the guard, which
      // reverts any other change to the host's inline style.
      for (const [k, v] of [['top', 'auto'], ['left', 'auto'], ['right', '12px'], ['bottom', '44px']] as const) h.set(k, v);
    } catch {
      // The overlay's host is what failed: a bare built-in one (a page cannot define or subclass a
      // <span>), closed shadow root, inline styles via CSSOM.
      host = document.createElement('span');
      for (const [k, v] of [['position', 'fixed'], ['z-index', '2147483647'], ['pointer-events', 'none'], ['right', '12px'], ['bottom', '44px']] as const)
        host.style.setProperty(k, v, 'important');
      root = host.attachShadow({ mode: 'closed' });
    }
    host.setAttribute('data-takstvakt-badge', '');
    host.setAttribute('data-takstvakt-state', 'failed');
    const pill = document.createElement('div');
    pill.setAttribute('role', 'status');
    pill.className = 'badge unreadable';
    root.append(pill);
    this.pill = pill;
    this.host = host;
    return host;
  }
}
