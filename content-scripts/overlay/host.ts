// Host elements of our UI: outside host content (on <html>, or on an open modal <dialog> so they are
// not inert), in the top layer when the Popover API exists (above the page's z-indexes and above a
// dialog shown before them), with a closed shadow root so the page can neither style nor read them.
import { adoptStyles } from './styles';

/** Every host we create, so the scanner ignores mutations of our own UI. */
export const OWN_HOSTS = new WeakSet<Node>();

const FIXED: Array<[string, string]> = [
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
];

export interface Host {
  host: HTMLElement;
  root: ShadowRoot;
}

export function createHost(tag: string): Host {
  const host = document.createElement(tag);
  // Inline !important beats any page rule aimed at our tag; set through CSSOM, which CSP allows.
  for (const [k, v] of FIXED) host.style.setProperty(k, v, 'important');
  if ('showPopover' in host) host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);
  OWN_HOSTS.add(host);
  return { host, root };
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

/** Puts the host where it belongs (again, when a dialog opened or closed) and into the top layer. */
export function mount(host: HTMLElement, container: Element): void {
  if (host.parentNode !== container) {
    container.append(host);
  }
  try {
    if ('showPopover' in host && !host.matches(':popover-open')) host.showPopover();
  } catch {
    // Not in a document that allows popovers (e.g. detached): stays a fixed element.
  }
}

/**
 * Moves an open popover host to the top of the top layer (re-showing it), so a marker's opened card is
 * never drawn under a neighbouring marker shown later. Focus inside is kept by the caller.
 */
export function raise(host: HTMLElement): void {
  try {
    if ('showPopover' in host && host.matches(':popover-open')) {
      host.hidePopover();
      host.showPopover();
    }
  } catch {
    // Not a popover here: z-order follows document order, nothing to do.
  }
}
