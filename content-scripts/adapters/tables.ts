// Tables and grids with a takst column. Three kinds:
// - reference tables (tariff lookups with "Ugyldig kombinasjon" columns): never a bill;
// - tables whose rows each carry their own date, time, patient or status (saved bills): one bill per row;
// - every other table (an editable table or data grid of lines): its rows are lines of one bill.
// Columns are matched by aria-colindex when the grid gives it (AG Grid and MUI DataGrid render cells
// out of DOM order and add filler cells), else by position.
import { headerCells, ownNames, textOf } from './label';
import { COUNT_RE, OWN_BILL_RE, REFERENCE_RE, TAKST_RE } from './words';

export const TABLES = 'table,[role=table],[role=grid],[role=treegrid]';
const CONTROL = 'input,select,textarea,[contenteditable],[role=textbox],[role=combobox]';
const CELL = 'td,th,[role=cell],[role=gridcell]';

export interface TableColumns {
  reference: boolean;
  /** Rows are separate bills (each shows its own date, time, patient or status). */
  ownBills: boolean;
  /** Column keys (aria-colindex or 1-based position) of takst columns. */
  takst: string[];
  count: string | null;
}

// Header analysis once per table per pass: a 2,000-row table asks for it once per cell otherwise.
const cache = new WeakMap<Element, { pass: number; cols: TableColumns }>();
let pass = 0;

/** Starts a discovery pass: tables are analysed again (their headers may have changed since). */
export function newPass(): void {
  pass++;
}

function keyOf(cell: Element, index: number): string {
  return cell.getAttribute('aria-colindex') ?? String(index + 1);
}

/** Column roles of a table (reference table? which columns hold takster and counts?). */
export function tableColumns(table: Element): TableColumns {
  const hit = cache.get(table);
  if (hit && hit.pass === pass) return hit.cols;
  const headers = headerCells(table);
  const caption = textOf(table instanceof HTMLTableElement ? table.caption : null, 120) + ' ' + ownNames(table, false);
  const cols: TableColumns = {
    reference: REFERENCE_RE.test(caption) || headers.some((h) => REFERENCE_RE.test(textOf(h, 60))),
    ownBills: false,
    takst: [],
    count: null,
  };
  if (cols.reference) knownReference.add(table);
  headers.forEach((h, i) => {
    const t = textOf(h, 60);
    if (COUNT_RE.test(t)) cols.count = keyOf(h, i);
    else if (TAKST_RE.test(t)) cols.takst.push(keyOf(h, i));
    else if (OWN_BILL_RE.test(t)) cols.ownBills = true;
  });
  cache.set(table, { pass, cols });
  return cols;
}

// A table once seen as a reference table stays one: its rows re-render on every filter keystroke.
const knownReference = new WeakSet<Element>();

/** True when `node` sits inside a table already known as a reference table (no header analysis). */
export function insideKnownReference(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const table = el?.closest(TABLES);
  return !!table && knownReference.has(table);
}

/** True for a tariff lookup table ("Ugyldig kombinasjon", "Krever takst" columns). */
export function inReferenceTable(el: Element): boolean {
  const table = el.closest(TABLES);
  return table !== null && tableColumns(table).reference;
}

function isHeaderRow(r: Element): boolean {
  // An HTML body row's cells are its children: no subtree query for the common case.
  if (r instanceof HTMLTableRowElement) return Array.from(r.cells).every((c) => c.tagName === 'TH');
  return r.querySelector('th,[role=columnheader]') !== null && r.querySelector('td,[role=gridcell],[role=cell]') === null;
}

/** Body rows of a table or grid (header rows left out; nested tables' rows too). */
export function bodyRows(table: Element): Element[] {
  const rows = table instanceof HTMLTableElement ? Array.from(table.tBodies, (b) => Array.from(b.rows)).flat() : Array.from(table.querySelectorAll('[role=row]'));
  // tBodies' rows are the table's own; a role grid may nest another grid's rows.
  return rows.filter((r) => !isHeaderRow(r) && (table instanceof HTMLTableElement || r.closest(TABLES) === table));
}

/** The cell of `row` in column `key`. */
function cellAt(row: Element, key: string): Element | null {
  // A plain HTML row without aria-colindex: its cells by position (2,000 rows on the stress screen).
  if (row instanceof HTMLTableRowElement && !row.cells[0]?.hasAttribute('aria-colindex')) return row.cells[Number(key) - 1] ?? null;
  const byIndex = row.querySelector(`:scope > [aria-colindex="${key}"], [aria-colindex="${key}"]`);
  if (byIndex && byIndex.closest('[role=row],tr') === row) return byIndex;
  const cells = Array.from(row.children).filter((c) => c.matches(CELL));
  return cells[Number(key) - 1] ?? null;
}

/** Saved-bill rows: rows of a table whose rows are separate bills and whose takst cell holds text. */
export function textRows(table: Element): Element[] {
  const cols = tableColumns(table);
  if (cols.reference || !cols.takst.length || !cols.ownBills) return [];
  return bodyRows(table).filter((r) => cols.takst.some((k) => {
    const cell = cellAt(r, k);
    return cell !== null && !cell.querySelector(CONTROL);
  }));
}

/** The row of a table of saved bills, for a field inside it (a saved bill being edited in place). */
export function takstRow(el: Element): Element | null {
  const row = el.closest('tr,[role=row]');
  const table = row?.closest(TABLES);
  if (!row || !table) return null;
  const cols = tableColumns(table);
  return cols.takst.length && cols.ownBills && !cols.reference ? row : null;
}

/** True when the table's rows are lines of one bill (a takst column, not a reference, no per-row bill). */
export function isLineTable(table: Element): boolean {
  const cols = tableColumns(table);
  return cols.takst.length > 0 && !cols.reference && !cols.ownBills;
}

/** The takst fields (a cell, or the control inside it) and the count field of a row. */
export function rowCells(row: Element): { takst: Element[]; count: Element | null } {
  const table = row.closest(TABLES);
  if (!table) return { takst: [], count: null };
  const cols = tableColumns(table);
  const at = (k: string): Element | null => {
    const cell = cellAt(row, k);
    return cell ? (cell.querySelector(CONTROL) ?? cell) : null;
  };
  const takst = cols.takst.map(at).filter((c): c is Element => c !== null);
  return { takst, count: cols.count !== null ? at(cols.count) : null };
}

/**
 * Rows a virtualised grid declares (aria-rowcount, header rows excluded) against those it renders;
 * null when all are rendered or the grid does not say.
 */
export function renderedOf(table: Element): { read: number; total: number } | null {
  const declared = Number(table.getAttribute('aria-rowcount'));
  if (!Number.isFinite(declared) || declared <= 0) return null;
  const rows = Array.from(table.querySelectorAll('[role=row]'));
  const headers = rows.filter(isHeaderRow).length;
  // Grids with pinned columns split one row over several containers: count row indexes once.
  const body = new Set(rows.filter((r) => !isHeaderRow(r)).map((r, i) => r.getAttribute('aria-rowindex') ?? `#${i}`));
  const total = declared - headers;
  return total > body.size ? { read: body.size, total } : null;
}
