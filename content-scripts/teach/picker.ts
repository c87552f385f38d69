// Teach mode's pointer: while teaching, the page must not act on the IT person's clicks (no focus, no
// navigation, no "slett linje"), so pointer and mouse events are swallowed in the capture phase at the
// window, before the page's own listeners; only trusted clicks pick a field (a page cannot pick for the
// user by dispatching one). Clicks on our own UI pass through to it.
import type { ContentScriptContext } from '../context';

const SWALLOW = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'touchstart', 'touchend'] as const;
const EDITABLE = 'input,textarea,select,[contenteditable]:not([contenteditable="false"]),[role="textbox"],[role="combobox"],[role="spinbutton"]';

/** The field a click means: the form control or editable root around the clicked node, else the node itself. */
export function fieldFor(target: Element): Element | null {
  const doc = target.ownerDocument;
  if (target === doc.documentElement || target === doc.body) return null;
  if (target.localName === 'label') return (target as HTMLLabelElement).control ?? target;
  let field = target.closest(EDITABLE) ?? target;
  // The outermost element of a contenteditable area, not the paragraph inside it.
  while (field.parentElement?.isContentEditable && field.parentElement !== doc.body) field = field.parentElement;
  return field;
}

/** Takstvakt's other hosts (markers, badge): never a field of the page, whatever they sit on. */
const isTakstvakt = (el: Element) => el.getAttributeNames().some((a) => a.startsWith('data-takstvakt'));

/** The clicked element in the page's own document tree (a closed or open shadow root's host stands for it). */
function pageTarget(e: Event): Element | null {
  for (const n of e.composedPath()) if (n instanceof Element && n.getRootNode() === document) return isTakstvakt(n) ? null : n;
  return null;
}

export interface PickerHooks {
  isOwn(e: Event): boolean;
  pick(field: Element): void;
  hover(field: Element | null): void;
  cancel(): void;
}

export function startPicker(ctx: ContentScriptContext, hooks: PickerHooks): () => void {
  const life = new AbortController();
  ctx.onInvalidated(() => life.abort());
  const opts = { capture: true, signal: life.signal };
  for (const type of SWALLOW) {
    window.addEventListener(
      type,
      ctx.safe((e: Event) => {
        if (hooks.isOwn(e)) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        if (type !== 'click' || !e.isTrusted) return;
        const t = pageTarget(e);
        const field = t && fieldFor(t);
        if (field) hooks.pick(field);
      }),
      opts,
    );
  }
  window.addEventListener(
    'mousemove',
    ctx.safe((e: Event) => {
      const t = hooks.isOwn(e) ? null : pageTarget(e);
      hooks.hover(t && fieldFor(t));
    }),
    { ...opts, passive: true },
  );
  window.addEventListener(
    'keydown',
    ctx.safe((e: Event) => {
      if ((e as KeyboardEvent).key !== 'Escape' || !e.isTrusted) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      hooks.cancel();
    }),
    opts,
  );
  return () => life.abort();
}
