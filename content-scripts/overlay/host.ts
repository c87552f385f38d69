// Host elements of our UI. Built-in <span>s created here, in the isolated world: a page can define
// custom elements for any tag name we might invent (its constructor would run on our createElement and
// reach a closed shadow root through ElementInternals), but it cannot define or subclass a built-in.
// Outside host content (on <html>, or first in an open modal <dialog>, whose outside is inert), in the
// top layer when the Popover API exists, with a closed shadow root so the page can neither style nor
// read them. Our inline styles are re-asserted whenever the page touches them (GuardedStyle).
import type { ContentScriptContext } from '../context';
import { adoptStyles } from './styles';

/** Every host we create, so the scanner ignores mutations of our own UI. */
export const OWN_HOSTS = new WeakSet<Node>();

/** The tag of every host: a built-in element that supports attachShadow and has no landmark role. */
export const HOST_TAG = 'span';

const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['position', 'fixed'],
  ['inset', 'auto'],
  ['top', '0px'],
  ['left', '0px'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['display', 'block'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['color-scheme', 'light'],
  // Whatever a page could use to hide our UI while it still takes clicks (clickjacking).
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['mix-blend-mode', 'normal'],
  ['transition', 'none'],
  ['animation', 'none'],
  ['scale', 'none'],
  ['rotate', 'none'],
  ['translate', 'none'],
  ['zoom', '1'],
  ['content-visibility', 'visible'],
];

/** Attributes of the host that are ours alone; a page setting them is tampering. */
const WATCHED = ['style', 'class', 'id', 'hidden', 'inert', 'dir', 'lang', 'popover'];

/** True while we show or hide a popover host ourselves (a page hiding one is tampering). */
let ownToggle = false;
function toggleOwn(fn: () => void): void {
  ownToggle = true;
  try {
    fn();
  } finally {
    ownToggle = false;
  }
}

export interface Host {
  host: HTMLElement;
  root: ShadowRoot;
  /** Sets one of our own style properties (kept across the page's tampering). */
  set(prop: string, value: string): void;
  /** How often the page changed our host's styles or attributes since it was created. */
  tampered(): number;
  /** Stops watching (the host is going away). */
  dispose(): void;
}

/**
 * Keeps the host's inline style exactly ours: a page that rewrites it (opacity 0, a transform that
 * moves a button under its own) gets it back at once, before the next frame is painted, and the
 * change is counted (a card action is refused while the page fights us).
 */
class GuardedStyle {
  tampered = 0;
  private ours = '';
  private readonly observer: MutationObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly own: Map<string, string>,
  ) {
    this.observer = new MutationObserver((records) => {
      if (this.foreign(records)) this.apply();
    });
    this.apply();
    this.observer.observe(host, { attributes: true, attributeFilter: WATCHED });
    // `popover` gives the page hidePopover() on our host: taking it out of the top layer is tampering too.
    host.addEventListener('beforetoggle', (e) => {
      if (ownToggle || (e as Event & { newState?: string }).newState !== 'closed') return;
      this.tampered++;
      queueMicrotask(() => {
        try {
          if (host.isConnected && !host.matches(':popover-open')) toggleOwn(() => host.showPopover());
        } catch {
          // Shown again by the next layout.
        }
      });
    });
  }

  /** Counts a change the page made (anything but our own last write) and undoes its attributes. */
  private foreign(records: MutationRecord[]): boolean {
    if (!records.some((r) => r.attributeName !== 'style' || this.host.getAttribute('style') !== this.ours)) return false;
    this.tampered++;
    for (const a of WATCHED) if (a !== 'style' && a !== 'popover') this.host.removeAttribute(a);
    if ('showPopover' in this.host && this.host.getAttribute('popover') !== 'manual') {
      this.host.setAttribute('popover', 'manual');
      try {
        if (this.host.isConnected) toggleOwn(() => this.host.showPopover());
      } catch {
        // Shown again by the next layout.
      }
    }
    return true;
  }

  set(prop: string, value: string): void {
    if (this.own.get(prop) === value) return;
    this.own.set(prop, value);
    // A change of the page's still queued is counted before our full rewrite replaces it.
    this.foreign(this.observer.takeRecords());
    this.apply();
  }

  /** Writes every property of ours again; what the attribute then reads is ours (the engine serialises it). */
  private apply(): void {
    this.host.removeAttribute('style');
    for (const [k, v] of this.own) this.host.style.setProperty(k, v, 'important');
    this.ours = this.host.getAttribute('style') ?? '';
    this.observer.takeRecords();
  }

  dispose(): void {
    this.observer.disconnect();
  }
}

export function createHost(): Host {
  const host = document.createElement(HOST_TAG);
  if ('showPopover' in host) host.setAttribute('popover', 'manual');
  const style = new GuardedStyle(host, new Map(FIXED));
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);
  OWN_HOSTS.add(host);
  return { host, root, set: (p, v) => style.set(p, v), tampered: () => style.tampered, dispose: () => style.dispose() };
}

/** The open modal dialog holding `el`, if any: content outside it is inert while it is open. */
export function modalOf(el: Element): HTMLDialogElement | null {
  const d = el.closest('dialog');
  if (!d) return null;
  try {
    return d.matches(':modal') ? (d as HTMLDialogElement) : null;
  } catch {
    return (d as HTMLDialogElement).open ? (d as HTMLDialogElement) : null;
  }
}

/** The open modal dialog of the document, if any: fields outside it are covered and inert. */
export function openModal(): Element | null {
  try {
    return document.querySelector('dialog:modal');
  } catch {
    return null;
  }
}

/**
 * openModal() kept between layouts: the query matches `:modal` on every element (1 ms per layout on
 * the 2,000-line screen). A dialog turns modal only by showModal(), which sets its `open` attribute, so
 * the document is queried again only after an `open` attribute changed; the dialog found is re-checked
 * on each call (closed or removed).
 */
export class ModalWatch {
  private stale = true;
  private modal: Element | null = null;

  constructor(ctx: ContentScriptContext) {
    ctx.mutationObserver(() => {
      this.stale = true;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['open'] });
  }

  current(): Element | null {
    if (this.modal && !modalOf(this.modal)) this.stale = true;
    if (this.stale) {
      this.stale = false;
      this.modal = openModal();
    }
    return this.modal;
  }
}

/**
 * Puts the host where it belongs (again, when a dialog opened or closed) and into the top layer.
 * In a modal dialog the host must be one of its flat-tree descendants (anything else is inert, even
 * in the top layer: measured in Chromium 156); it goes first, so the dialog's `:last-child` rules keep
 * applying to its own last child, and being fixed and in the top layer it takes no room in the dialog.
 */
export function mount(host: HTMLElement, container: Element): void {
  if (host.parentNode !== container) {
    if (container instanceof HTMLDialogElement) container.prepend(host);
    else container.append(host);
  }
  try {
    if ('showPopover' in host && !host.matches(':popover-open')) toggleOwn(() => host.showPopover());
  } catch {
    // Not in a document that allows popovers (e.g. detached): stays a fixed element.
  }
}

/**
 * Takes a host out of the page: emptied at once inside its closed root (which no page observer sees;
 * only `content` when given), removed after the next frame. Removing a host that was still rendered, or
 * hiding it by its attributes or style, made Chromium 156 lay out and paint the whole page (55-90 ms on
 * the 2,000-line screen) whenever the page's own MutationObserver was told of it, as many web apps'
 * document observers are. A host whose `content` is back in its root by then (shown again) stays.
 */
export function retire(h: Pick<Host, 'host' | 'root'>, content?: Element): void {
  // `content` alone when the host may come back: the root keeps its <style> where sheets cannot be adopted.
  if (content) content.remove();
  else h.root.replaceChildren();
  const remove = (): void => {
    if (retiring.delete(remove) && content?.parentNode !== h.root) h.host.remove();
  };
  retiring.add(remove);
  // No frame comes in a hidden tab (the timer removes it there), nor without requestAnimationFrame.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(remove));
  else setTimeout(remove);
  setTimeout(remove, 1000);
}

const retiring = new Set<() => void>();

/** Removes every retiring host now: the extension is going away. */
export function removeRetiring(): void {
  for (const remove of Array.from(retiring)) remove();
}

/**
 * Moves an open popover host to the top of the top layer (re-showing it), so a marker's opened card is
 * never drawn under a neighbouring marker shown later. Focus inside is kept by the caller.
 */
export function raise(host: HTMLElement): void {
  try {
    if ('showPopover' in host && host.matches(':popover-open')) {
      toggleOwn(() => {
        host.hidePopover();
        host.showPopover();
      });
    }
  } catch {
    // Not a popover here: z-order follows document order, nothing to do.
  }
}

/**
 * True when a top-layer element of the page's (an open popover or modal dialog, perhaps shown after
 * ours and `pointer-events: none`, so elementFromPoint passes through it) lies over (x, y): it may be
 * drawn above our card, showing the doctor something else where our button is.
 */
function coveredInTopLayer(host: HTMLElement, x: number, y: number): boolean {
  let open: Element[];
  try {
    open = Array.from(document.querySelectorAll(':popover-open, dialog:modal'));
  } catch {
    return false;
  }
  return open.some((el) => {
    if (OWN_HOSTS.has(el) || el.contains(host)) return false;
    const r = el.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  });
}

/**
 * True when a click at (x, y) really hit our visible host, as password managers check their inline
 * menus: the topmost element there is the host, and neither the host nor an ancestor is transparent,
 * hidden or filtered. A page cannot make the doctor press a button of ours that is invisible, moved
 * under its own button, or covered by its own element.
 */
export function visibleAt(host: HTMLElement, x: number, y: number): boolean {
  if (!host.isConnected || document.elementFromPoint(x, y) !== host || coveredInTopLayer(host, x, y)) return false;
  for (let el: Element | null = host; el; el = el.parentElement) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || Number(s.opacity) < 0.95) return false;
    if (el === host && (s.visibility !== 'visible' || s.filter !== 'none' || s.clipPath !== 'none')) return false;
  }
  return true;
}
