// Where a marker sits. For a field that is not a form control (a table cell, a chip, a summary line) the
// first choice is the field's own empty space after its text, at the field's far end: nothing of the
// page is covered, and the middle of the field (where a click edits a cell) stays free.
// Otherwise outside the field, at its right edge, vertically centred: the field's own text, caret and
// buttons stay uncovered, and the marker never sits in the field's padding, where a host's own icons
// (clear buttons, pickers) live. When that spot is taken by another control or by the page's text
// (the "Antall" field, the next table column), it tries the left edge, then above and below the field's
// right corner; when every side is taken (a 400 px window), inside the field's own trailing end, never
// over a neighbour. The chosen side is kept while scrolling; only coordinates follow the field.
import { OWN_HOSTS } from './host';

export type Side = 'after' | 'right' | 'left' | 'above' | 'below' | 'inside';
const SIDES: Side[] = ['right', 'left', 'above', 'below'];
const GAP = 4;
export const MARKER_HEIGHT = 18;

export interface Box {
  x: number;
  y: number;
}

/**
 * Top-left of a marker `w` wide (plus `offset` for the markers before it on the same field).
 * `textDx` is where the field's text ends, relative to its right edge (<= 0), for side `after`.
 */
export function spot(side: Side, r: DOMRect, w: number, offset: number, textDx = 0): Box {
  const midY = r.top + (r.height - MARKER_HEIGHT) / 2;
  switch (side) {
    case 'after':
      // At the field's far end, not against its text: the middle of a cell is where the doctor
      // clicks to edit it (antd's editable cell). chooseSide checks the text ends before this.
      return { x: r.right - 2 - w - offset, y: midY };
    case 'right':
      return { x: r.right + GAP + offset, y: midY };
    case 'left':
      return { x: r.left - GAP - w - offset, y: midY };
    case 'above':
      return { x: r.right - w - offset, y: r.top - MARKER_HEIGHT - 2 };
    case 'below':
      return { x: r.right - w - offset, y: r.bottom + 2 };
    case 'inside':
      // Last resort (a narrow screen, neighbours on every side): the field's own trailing end.
      return { x: r.right - w - 2 - offset, y: midY };
  }
}

/** The box moved inside the viewport (a narrow window, a field at its edge): a marker is never off screen. */
export function inViewport(b: Box, w: number): Box {
  const x = Math.min(Math.max(0, b.x), Math.max(0, innerWidth - Math.ceil(w)));
  const y = Math.min(Math.max(0, b.y), Math.max(0, innerHeight - MARKER_HEIGHT));
  return { x, y };
}

const FORM_CONTROL = 'input,select,textarea,[contenteditable]';

/** Where the text of a non-form-control field ends, relative to its right edge; null for form controls. */
export function textDxOf(field: Element, r: DOMRect): number | null {
  if (field.matches(FORM_CONTROL) || typeof document.createRange !== 'function') return null;
  // The text's own boxes, not the field's contents: a block inside the cell (antd's editable-cell
  // wrapper) spans the whole cell and left no room "after" the text, so the marker went above, into
  // the table's header row.
  const range = document.createRange();
  const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
  let right = -Infinity;
  for (let n = walker.nextNode(), seen = 0; n && seen < 20; n = walker.nextNode()) {
    if (!n.textContent?.trim()) continue;
    seen++;
    range.selectNodeContents(n);
    for (const t of Array.from(range.getClientRects())) if (t.width > 0) right = Math.max(right, t.right);
  }
  return right > -Infinity ? right - r.right : null;
}

const INTERACTIVE = 'input,select,textarea,button,a[href],label,[contenteditable],[role=button],[role=checkbox],[role=option],[tabindex]';

const overlaps = (a: DOMRect, b: Box, w: number) => a.right > b.x && a.left < b.x + w && a.bottom > b.y && a.top < b.y + MARKER_HEIGHT;

/** True when visible text of `el` itself (not of its descendants' own boxes) lies under the box. */
function coversText(el: Element, b: Box, w: number): boolean {
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType !== Node.TEXT_NODE || !n.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    if (Array.from(range.getClientRects()).some((rr) => overlaps(rr, b, w))) return true;
  }
  return false;
}

/**
 * True when the box would cover a control of the page, the page's text, another marker, or leave the
 * screen. Two hit tests (topmost element only: cheap even on a 2,000-line page); our hosts ignore the
 * pointer except on the marker itself, so a hit on one of ours means the spot is taken by another marker.
 */
function blocked(b: Box, w: number, self: Element): boolean {
  if (b.x < 0 || b.y < 0 || b.x + w > innerWidth || b.y + MARKER_HEIGHT > innerHeight) return true;
  if (typeof document.elementFromPoint !== 'function') return false;
  const y = b.y + MARKER_HEIGHT / 2;
  return [b.x + 3, b.x + w - 3].some((x) => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && hit !== self && (OWN_HOSTS.has(hit) || hit.closest(INTERACTIVE) !== null || coversText(hit, b, w));
  });
}

/**
 * The first side where a marker `w` wide fits without covering anything; `self` is the marker's own
 * host. `textDx` (from textDxOf) offers the field's own space after its text first.
 */
export function chooseSide(r: DOMRect, w: number, offset: number, self: Element, textDx: number | null = null): Side {
  if (textDx !== null && r.right + textDx + GAP + offset + w <= r.right - 2 && !blocked(spot('after', r, w, offset, textDx), w, self)) return 'after';
  return SIDES.find((s) => !blocked(spot(s, r, w, offset), w, self)) ?? 'inside';
}
