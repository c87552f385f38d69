// One marker: a small button beside the field holding an offending code, opening the finding card on
// the doctor's own click or Enter (never on hover or focus: a page can fake those, and tabbing onto a
// marker must not land on an action). Its host carries the test contract (data-takstvakt-code/-rule/
// -severity). Every card action passes guard(): a trusted click, on the visible card, not too soon.
import type { ContentScriptContext } from '../context';
import { fillCard, type Finding, type RegionActions } from './card';
import { createHost, raise, retire, visibleAt, type Host } from './host';
import { tr, type Strings } from './strings';

const ICON: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, info: 1 };

export function worst(findings: readonly Finding[]): Finding['severity'] {
  return findings.reduce<Finding['severity']>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info');
}

/**
 * What a marker is about, when not a takst code: the diagnosis field (a whole-bill diagnosis finding)
 * or the bill itself (the banner). Sets the visible text, the names and the host's test contract.
 */
export interface MarkerView {
  kind: 'diagnosis' | 'bill';
  /** Visible text of the button. */
  text(findings: readonly Finding[]): string;
  /** Screen-reader name of the button. */
  ariaLabel(severityWords: string, count: number): string;
  /** Title of the card (also its section headers' subject). */
  cardTitle: string;
  subject: string;
  /** The host's test contract: the attribute naming what it marks, and the one listing its rule ids. */
  contract: { mark: readonly [string, string]; rulesAttribute: string };
  /** Content shown under the button while the card is closed (the banner's list), or null. */
  body?(findings: readonly Finding[]): HTMLElement | null;
}

/** A card action this soon after the card opened is refused: a double click aimed at the page must not land on it. */
const ACTION_DELAY_MS = 300;

export class Marker {
  readonly host: HTMLElement;
  private readonly h: Host;
  private readonly root: ShadowRoot;
  private readonly button: HTMLButtonElement;
  private readonly card: HTMLElement;
  private readonly icon: HTMLSpanElement;
  private readonly label: HTMLSpanElement;
  /** The banner's always visible list (empty for a code marker). */
  private readonly body: HTMLDivElement = document.createElement('div');
  private readonly life = new AbortController();
  /** When the card opened, and the page's tampering count then (see guard). */
  private openedAt = 0;
  private tamperAtOpen = 0;
  /** Width as last measured; markers on one field line up by it. */
  width = 0;
  findings: readonly Finding[] = [];

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly strings: Strings,
    readonly code: string,
    public field: Element,
    private readonly actions: RegionActions,
    readonly view: MarkerView | null = null,
  ) {
    const h: Host = createHost();
    this.h = h;
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
    this.card.className = view ? `card ${view.kind}` : 'card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.root.append(this.button, this.body, this.card);
    this.wire();
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, this.ctx.safe(fn), { signal: this.life.signal });
  }

  private wire(): void {
    this.on(this.button, 'click', (e) => {
      const m = e as MouseEvent;
      if (!m.isTrusted || !this.hitOwn(m)) return;
      if (this.card.hidden) this.open();
      else this.close(true);
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

  /** The doctor's click (or Enter: no pointer position, so the button's centre) hit our visible host. */
  private hitOwn(e: MouseEvent): boolean {
    const target = e.currentTarget instanceof Element ? e.currentTarget : this.button;
    if (e.detail > 0 || e.clientX !== 0 || e.clientY !== 0) return visibleAt(this.host, e.clientX, e.clientY);
    const r = target.getBoundingClientRect();
    return visibleAt(this.host, r.left + r.width / 2, r.top + r.height / 2);
  }

  /**
   * Runs a card action only for a trusted click on the card as the doctor sees it: no script-made
   * event, no click on a card the page made transparent, moved or covered, none while the page is
   * rewriting our host's styles (the card closes instead), none in the first moments after opening.
   */
  private guard(e: MouseEvent, act: () => void): void {
    if (!e.isTrusted || this.card.hidden) return;
    if (this.h.tampered() !== this.tamperAtOpen) {
      this.close(false);
      return;
    }
    if (performance.now() - this.openedAt < ACTION_DELAY_MS || !this.hitOwn(e)) return;
    act();
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
    const words = tr(this.strings, `severity_${severity}`);
    const v = this.view;
    const { mark, rulesAttribute } = v?.contract ?? { mark: ['data-takstvakt-code', this.code], rulesAttribute: 'data-takstvakt-rule' };
    this.host.setAttribute(...mark);
    this.host.setAttribute(rulesAttribute, rules);
    this.host.setAttribute('data-takstvakt-severity', severity);
    this.button.className = `marker ${severity}${v ? ` ${v.kind}` : ''}`;
    this.icon.textContent = ICON[severity];
    if (v) this.label.textContent = v.text(findings);
    this.button.setAttribute('aria-label', v ? v.ariaLabel(words, findings.length) : tr(this.strings, 'marker_label', { severity: words, code: this.code, count: findings.length }));
    this.button.title = `${words}: ${findings[0]?.message ?? ''}`;
    const body = v?.body?.(findings) ?? null;
    this.body.replaceChildren(...(body ? [body] : []));
    const title = v ? v.cardTitle : tr(this.strings, 'card_title', { code: this.code });
    fillCard(this.card, v ? v.subject : this.code, findings, this.strings, this.actions, this.life.signal, (e, act) => this.guard(e, act), () => this.close(true), title);
    this.card.setAttribute('aria-label', title);
    return true;
  }

  open(): void {
    if (!this.card.hidden) return;
    // Open towards the side with room: the card must stay on screen.
    const r = this.host.getBoundingClientRect();
    this.card.classList.toggle('end', r.left + 340 > innerWidth);
    this.card.classList.toggle('up', r.bottom + 240 > innerHeight && r.top > 240);
    // Re-showing the popover loses focus inside it; put it back.
    const hadFocus = this.root.activeElement === this.button;
    raise(this.host);
    if (hadFocus && this.root.activeElement !== this.button) this.button.focus();
    this.card.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.openedAt = performance.now();
    this.tamperAtOpen = this.h.tampered();
  }

  /** Keyboard focus on the marker's button (the card stays closed: it opens on Enter). */
  focus(): void {
    this.button.focus();
  }

  close(refocus: boolean): void {
    this.card.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
  }

  /** Sets one of the host's own style properties (placement); the page cannot override them. */
  style(prop: string, value: string): void {
    this.h.set(prop, value);
  }

  /** Goes at once when `now` (the extension is going away), else after the next frame (retire). */
  remove(now = false): void {
    this.life.abort();
    this.h.dispose();
    if (now) this.host.remove();
    else retire(this.h);
  }
}
