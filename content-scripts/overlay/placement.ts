// Where a marker sits. Outside the field, at its right edge, vertically centred: the field's own text,
// caret and buttons stay uncovered, and the marker never sits in the field's padding, where a host's
// own icons (clear buttons, pickers) live. When that spot is taken by another control (the "Antall"
// field right after a code), it tries the left edge, then above and below the field's right corner.
// The chosen side is kept while scrolling; only coordinates follow the field.
import { OWN_HOSTS } from './host';

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

/**
 * True when the box would cover a control of the page, another marker, or leave the screen. Two hit
 * tests (topmost element only: cheap even on a 2,000-line page); our hosts ignore the pointer except
 * on the marker itself, so a hit on one of ours means the spot is taken by another marker.
 */
function blocked(b: Box, w: number, self: Element): boolean {
  if (b.x < 0 || b.y < 0 || b.x + w > innerWidth || b.y + MARKER_HEIGHT > innerHeight) return true;
  if (typeof document.elementFromPoint !== 'function') return false;
  const y = b.y + MARKER_HEIGHT / 2;
  return [b.x + 3, b.x + w - 3].some((x) => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && hit !== self && (OWN_HOSTS.has(hit) || hit.closest(INTERACTIVE) !== null);
  });
}

/** The first side where a marker `w` wide fits without covering anything; `self` is the marker's own host. */
export function chooseSide(r: DOMRect, w: number, offset: number, self: Element): Side {
  return SIDES.find((s) => !blocked(spot(s, r, w, offset), w, self)) ?? 'right';
}
