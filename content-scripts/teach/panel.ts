// Teach mode's panel and outlines, in a closed shadow root of our own top-layer host (overlay/host.ts):
// which step, what was picked, then what Takstvakt now reads and "Lagre". Built from DOM nodes and
// textContent only; page text is shown here and nowhere else (never stored, never logged).
import { createHost, mount, visibleAt, type Host } from '../overlay/host';
import { addStyleSheet } from '../overlay/styles';
import { tr, type Strings } from '../overlay/strings';

const CSS = `
.teach-panel{pointer-events:auto;position:fixed;right:16px;bottom:16px;box-sizing:border-box;width:360px;max-width:calc(100vw - 32px);max-height:70vh;overflow:auto;background:#fff;color:#1a1a1a;border:2px solid #24405f;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.35);padding:12px 14px;font:13px/1.45 system-ui,sans-serif;text-align:left}
.teach-panel h2{font-size:15px;margin:0 0 6px}
.teach-panel p{margin:0 0 6px}
.teach-panel .step{font-weight:700}
.teach-panel dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:6px 0}
.teach-panel dt{font-weight:600}
.teach-panel dd{margin:0;overflow-wrap:anywhere}
.teach-panel code{font:12px ui-monospace,monospace;overflow-wrap:anywhere}
.teach-panel .primary{font-weight:700;border-color:#24405f}
.teach-panel summary{cursor:pointer}
.teach-panel .err{color:#b3261e;font-weight:600}
.teach-panel .ok{color:#1e6b34;font-weight:600}
.outline{position:fixed;box-sizing:border-box;border:2px solid #1d5fa8;background:rgba(29,95,168,.12);border-radius:3px;pointer-events:none}
.outline.hover{border-style:dashed;background:transparent}
`;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class TeachPanel {
  readonly h: Host;
  private readonly panel = el('div', 'teach-panel');
  private readonly outlines = el('div', '');
  private readonly hoverBox = el('div', 'outline hover');
  private readonly tamperAtStart: number;

  constructor(
    readonly strings: Strings,
    private readonly signal: AbortSignal,
  ) {
    this.h = createHost();
    this.h.host.setAttribute('data-takstvakt-teach', '');
    addStyleSheet(this.h.root, CSS);
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-label', tr(strings, 'teach_title'));
    this.hoverBox.hidden = true;
    this.h.root.append(this.outlines, this.hoverBox, this.panel);
    mount(this.h.host, document.documentElement);
    this.tamperAtStart = this.h.tampered();
  }

  /** True for events on our own UI (they go to our buttons, not to the picker). */
  isOwn(e: Event): boolean {
    return e.composedPath().includes(this.h.host);
  }

  /** A button that acts only on the user's own click on our visible panel (or Enter/Space on it). */
  button(text: string, act: () => void, primary = false): HTMLButtonElement {
    const b = el('button', primary ? 'b primary' : 'b', text);
    b.type = 'button';
    b.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted || this.h.tampered() !== this.tamperAtStart) return;
        const r = b.getBoundingClientRect();
        const [x, y] = e.detail > 0 || e.clientX !== 0 || e.clientY !== 0 ? [e.clientX, e.clientY] : [r.left + r.width / 2, r.top + r.height / 2];
        if (visibleAt(this.h.host, x, y)) act();
      },
      { signal: this.signal },
    );
    return b;
  }

  show(...children: Node[]): void {
    this.panel.replaceChildren(el('h2', '', tr(this.strings, 'teach_title')), ...children);
    if (!this.h.host.isConnected) mount(this.h.host, document.documentElement);
  }

  /** Outlines the picked fields and the one under the pointer (viewport positions, redrawn on scroll). */
  outline(picked: readonly Element[], hover: Element | null): void {
    const place = (box: HTMLElement, target: Element) => {
      const r = target.getBoundingClientRect();
      box.style.cssText = `left:${r.left - 2}px;top:${r.top - 2}px;width:${r.width + 4}px;height:${r.height + 4}px`;
    };
    this.outlines.replaceChildren(
      ...picked.map((p) => {
        const box = el('div', 'outline');
        place(box, p);
        return box;
      }),
    );
    this.hoverBox.hidden = !hover;
    if (hover) place(this.hoverBox, hover);
  }

  /** The step on the host (`data-takstvakt-teach`), a test contract like the markers' attributes. */
  setStep(step: string): void {
    this.h.host.setAttribute('data-takstvakt-teach', step);
  }

  focusFirst(): void {
    this.panel.querySelector('button')?.focus();
  }

  dispose(): void {
    this.h.dispose();
    this.h.host.remove();
  }
}
