// One marker: a small button beside the field holding an offending code, opening the finding card on
// hover, focus or click. Its host carries the test contract (data-takstvakt-code/-rule/-severity).
import type { ContentScriptContext } from '../context';
import { fillCard, type Finding, type RegionActions } from './card';
import { createHost, raise, type Host } from './host';
import { tr, type Strings } from './strings';

const ICON: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, info: 1 };

export function worst(findings: readonly Finding[]): Finding['severity'] {
  return findings.reduce<Finding['severity']>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info');
}

export class Marker {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly button: HTMLButtonElement;
  private readonly card: HTMLElement;
  private readonly icon: HTMLSpanElement;
  private readonly label: HTMLSpanElement;
  private readonly life = new AbortController();
  private pinned = false;
  /** True while we move focus back to the marker ourselves (closing must not reopen the card). */
  private refocusing = false;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** Width as last measured; markers on one field line up by it. */
  width = 0;
  findings: readonly Finding[] = [];

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly strings: Strings,
    readonly code: string,
    public field: Element,
    private readonly actions: RegionActions,
  ) {
    const h: Host = createHost('takstvakt-marker');
    this.host = h.host;
    this.root = h.root;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.button.setAttribute('aria-expanded', 'false');
    this.icon = document.createElement('span');
    this.icon.setAttribute('aria-hidden', 'true');
    this.label = document.createElement('span');
    this.label.textContent = code;
    this.button.append(this.icon, this.label);
    this.card = document.createElement('div');
    this.card.className = 'c';
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.root.append(this.button, this.card);
    this.wire();
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, this.ctx.safe(fn), { signal: this.life.signal });
  }

  private wire(): void {
    this.on(this.button, 'click', () => (this.pinned && !this.card.hidden ? this.close(true) : this.open(true)));
    this.on(this.host, 'mouseenter', () => this.open(false));
    this.on(this.host, 'mouseleave', () => this.closeSoon());
    this.on(this.button, 'focus', () => {
      if (!this.refocusing) this.open(false);
    });
    this.on(this.root, 'focusout', (e) => {
      const next = (e as FocusEvent).relatedTarget as Node | null;
      if (!next || !this.root.contains(next)) this.closeSoon();
    });
    this.on(this.root, 'keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key !== 'Escape' || this.card.hidden) return;
      // Our Esc closes our card only: not the host's dialog, not its shortcuts.
      k.preventDefault();
      k.stopPropagation();
      this.close(true);
    });
  }

  /** What the marker shows, to tell a repeated reply from a change. */
  private shown = '';

  /** New findings for the same code and field; false (and no DOM work) when they show the same. */
  update(findings: readonly Finding[]): boolean {
    const shown = findings.map((f) => `${f.rule}|${f.severity}|${f.codes.join(',')}|${f.message}|${f.fix ?? ''}`).join('\n');
    if (shown === this.shown) return false;
    this.shown = shown;
    this.findings = findings;
    const severity = worst(findings);
    const rules = [...new Set(findings.map((f) => f.rule))].join(' ');
    this.host.setAttribute('data-takstvakt-code', this.code);
    this.host.setAttribute('data-takstvakt-rule', rules);
    this.host.setAttribute('data-takstvakt-severity', severity);
    this.button.className = `m ${severity}`;
    this.icon.textContent = ICON[severity];
    const words = tr(this.strings, `severity_${severity}`);
    this.button.setAttribute('aria-label', tr(this.strings, 'marker_label', { severity: words, code: this.code, count: findings.length }));
    this.button.title = `${words}: ${findings[0]?.message ?? ''}`;
    fillCard(this.card, this.code, findings, this.strings, this.actions, this.life.signal, () => this.close(true));
    this.card.setAttribute('aria-label', tr(this.strings, 'card_title', { code: this.code }));
    return true;
  }

  open(pin: boolean): void {
    this.ctx.clearTimeout(this.hideTimer);
    this.pinned ||= pin;
    if (!this.card.hidden) return;
    // Open towards the side with room: the card must stay on screen.
    const r = this.host.getBoundingClientRect();
    this.card.classList.toggle('end', r.left + 340 > innerWidth);
    this.card.classList.toggle('up', r.bottom + 240 > innerHeight && r.top > 240);
    // Re-showing the popover loses focus inside it; put it back without reopening through 'focus'.
    const hadFocus = this.root.activeElement === this.button;
    raise(this.host);
    if (hadFocus && this.root.activeElement !== this.button) {
      this.refocusing = true;
      this.button.focus();
      this.refocusing = false;
    }
    this.card.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
  }

  close(refocus: boolean): void {
    this.ctx.clearTimeout(this.hideTimer);
    this.pinned = false;
    this.card.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) {
      this.refocusing = true;
      this.button.focus();
      this.refocusing = false;
    }
  }

  private closeSoon(): void {
    if (this.pinned) return;
    this.ctx.clearTimeout(this.hideTimer);
    this.hideTimer = this.ctx.setTimeout(() => {
      if (!this.pinned && !this.root.activeElement) this.close(false);
    }, 250);
  }

  remove(): void {
    this.life.abort();
    this.ctx.clearTimeout(this.hideTimer);
    this.host.remove();
  }
}
