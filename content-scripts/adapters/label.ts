// What a host element is called: the texts that associate a field with a meaning (takst, antall, dato ...).
// Cheap DOM lookups only; used for every candidate field, so nothing here walks the whole page.
import { controlLabels } from './dom';
import { NAME_ATTRS } from './words';

/** Text of an element with runs of whitespace collapsed, at most `max` characters. */
export function textOf(el: Element | null | undefined, max = 200): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** Texts of the `<label>`s of a form control: `<label for>` and a wrapping label. */
function labelsOf(el: Element): string {
  // Form controls have the browser's label association; other elements only wrap.
  const labels = controlLabels(el);
  if (labels) return labels.map((l) => textOf(l)).join(' ');
  return textOf(el.closest('label'));
}

function labelledBy(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => textOf(byId(el, id)))
    .join(' ');
}

/** Names an element carries in its own attributes: aria-label(ledby), name, id, placeholder, title. */
export function attrNames(el: Element, withPlaceholder = true): string {
  const a = (n: string) => (withPlaceholder || n !== 'placeholder' ? (el.getAttribute(n) ?? '') : '');
  return [labelledBy(el), ...NAME_ATTRS.map(a)].filter(Boolean).join(' ');
}

/**
 * The element's own names: labels and attributes. `withLabels` false skips `<label>` text
 * (a checkbox's label is its code and description, not its name).
 */
export function ownNames(el: Element, withLabels = true, withPlaceholder = true): string {
  return [withLabels ? labelsOf(el) : '', attrNames(el, withPlaceholder)].filter(Boolean).join(' ');
}

const CELL = 'td,th,[role=cell],[role=gridcell]';

/** Header text of the table column an element sits in (for cells and controls inside cells). */
export function columnHeader(el: Element): string {
  const cell = el.closest(CELL);
  if (!cell) return '';
  const table = cell.closest('table,[role=table],[role=grid],[role=treegrid]');
  const row = cell.parentElement;
  if (!table || !row) return '';
  const headers = headerCells(table);
  // Data grids give each cell its column (aria-colindex): they render cells out of order and add fillers.
  const key = cell.getAttribute('aria-colindex');
  const header = key ? headers.find((h) => h.getAttribute('aria-colindex') === key) : headers[Array.prototype.indexOf.call(row.children, cell) as number];
  return header ? textOf(header) : '';
}

/** The header cells of a table: its first row (the `<thead>` row) of `<th>` cells, or a grid's first row of columnheaders. */
export function headerCells(table: Element): Element[] {
  if (table instanceof HTMLTableElement) {
    const head = table.rows[0];
    const cells = head ? Array.from(head.children) : [];
    return cells.some((c) => c.matches('th')) ? cells : [];
  }
  const first = table.querySelector('[role=columnheader]');
  const row = first?.closest('[role=row]');
  return row ? Array.from(row.querySelectorAll('[role=columnheader]')) : [];
}

/** Name of the group a control sits in: fieldset legend, role=group/radiogroup/listbox/toolbar label. */
export function groupName(el: Element): string {
  const fs = el.closest('fieldset');
  const legend = fs?.querySelector(':scope > legend');
  const group = el.parentElement?.closest('[role=group],[role=radiogroup],[role=listbox],[role=toolbar],[role=list],ul,ol');
  return [textOf(legend, 120), group ? ownNames(group) : ''].filter(Boolean).join(' ');
}

/** A heading or label right before a list or widget ("Valgte takster" above a `<ul>`). */
export function headingBefore(el: Element): string {
  const prev = el.previousElementSibling;
  return prev && prev.matches('h1,h2,h3,h4,h5,h6,[role=heading],legend,label,strong,b,p,span') ? textOf(prev, 120) : '';
}

/** Everything that names a field: its own names, its column header and its group. */
export function fieldNames(el: Element, withLabels = true): string {
  return [ownNames(el, withLabels), columnHeader(el), groupName(el)].filter(Boolean).join(' ');
}
