// Where a marker sits. Outside the field, at its right edge, vertically centred: the field's own text,
// caret and buttons stay uncovered, and the marker never sits in the field's padding, where a host's
// own icons (clear buttons, pickers) live. When that spot is taken by another control (the "Antall"
// field right after a code), it tries the left edge, then above and below the field's right corner.
// The chosen side is kept while scrolling; only coordinates follow the field.

export type Side = 'right' | 'left' | 'above' | 'below';
const SIDES: Side[] = ['right', 'left', 'above', 'below'];
const GAP = 4;
export const MARKER_HEIGHT = 18;

export interface Box {
  x: number;
  y: number;
}

/** Top-left of a marker `w` wide (plus `offset` for the markers before it on the same field). */
export function spot(side: Side, r: DOMRect, w: number, offset: number): Box {
  const midY = r.top + (r.height - MARKER_HEIGHT) / 2;
  switch (side) {
    case 'right':
      return { x: r.right + GAP + offset, y: midY };
    case 'left':
      return { x: r.left - GAP - w - offset, y: midY };
    case 'above':
      return { x: r.right - w - offset, y: r.top - MARKER_HEIGHT - 2 };
    case 'below':
      return { x: r.right - w - offset, y: r.bottom + 2 };
  }
}

const INTERACTIVE = 'input,select,textarea,button,a[href],label,[contenteditable],[role=button],[role=checkbox],[role=option],[tabindex]';

/** True when the box would cover a control of the page (or go off screen). */
function blocked(b: Box, w: number, ownHosts: WeakSet<Node>): boolean {
  if (b.x < 0 || b.y < 0 || b.x + w > innerWidth || b.y + MARKER_HEIGHT > innerHeight) return true;
  if (typeof document.elementsFromPoint !== 'function') return false;
  const y = b.y + MARKER_HEIGHT / 2;
  for (const x of [b.x + 1, b.x + w / 2, b.x + w - 1]) {
    const hit = document.elementsFromPoint(x, y).find((e) => !ownHosts.has(e));
    if (hit?.closest(INTERACTIVE)) return true;
  }
  return false;
}

export function chooseSide(r: DOMRect, w: number, offset: number, ownHosts: WeakSet<Node>): Side {
  return SIDES.find((s) => !blocked(spot(s, r, w, offset), w, ownHosts)) ?? 'right';
}
