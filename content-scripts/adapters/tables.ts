// Tables: reference tables (tariff lookups, never a bill) and tables of saved bills whose takst
// column holds text such as `2ad, 701a, 2cd x2` (each row is one bill).
import { headerCells, ownNames, textOf } from './label';
import { COUNT_RE, REFERENCE_RE, TAKST_RE } from './words';

export const TABLES = 'table,[role=table],[role=grid]';
const CONTROL = 'input,select,textarea,[contenteditable],[role=textbox],[role=combobox]';

export interface TableColumns {
  reference: boolean;
  takst: number[];
  count: number;
}

// Header analysis once per table per pass: a 2,000-row table asks for it once per cell otherwise.
const cache = new WeakMap<Element, { pass: number; cols: TableColumns }>();
let pass = 0;

/** Starts a discovery pass: tables are analysed again (their headers may have changed since). */
export function newPass(): void {
  pass++;
}

/** Column roles of a table (reference table? which columns hold takster and counts?). */
export function tableColumns(table: Element): TableColumns {
  const hit = cache.get(table);
  if (hit && hit.pass === pass) return hit.cols;
  const headers = headerCells(table);
  const caption = textOf(table instanceof HTMLTableElement ? table.caption : null, 120) + ' ' + ownNames(table, false);
  const cols: TableColumns = {
    reference: REFERENCE_RE.test(caption) || headers.some((h) => REFERENCE_RE.test(textOf(h, 60))),
    takst: [],
    count: -1,
  };
  headers.forEach((h, i) => {
    const t = textOf(h, 60);
    if (COUNT_RE.test(t)) cols.count = i;
    else if (TAKST_RE.test(t)) cols.takst.push(i);
  });
  cache.set(table, { pass, cols });
  return cols;
}

/** True for a tariff lookup table ("Ugyldig kombinasjon", "Krever takst" columns). */
export function inReferenceTable(el: Element): boolean {
  const table = el.closest(TABLES);
  return table !== null && tableColumns(table).reference;
}

function bodyRows(table: Element): Element[] {
  const rows = table instanceof HTMLTableElement ? Array.from(table.tBodies, (b) => Array.from(b.rows)).flat() : Array.from(table.querySelectorAll('[role=row]'));
  return rows.filter((r) => !Array.from(r.children).every((c) => c.matches('th,[role=columnheader]')));
}

/** Saved-bill rows: rows whose takst cell holds text rather than a control. */
export function textRows(table: Element): Element[] {
  const cols = tableColumns(table);
  if (cols.reference || !cols.takst.length) return [];
  return bodyRows(table).filter((r) => cols.takst.some((i) => {
    const cell = r.children[i];
    return cell !== undefined && !cell.querySelector(CONTROL);
  }));
}

/** The row of a table with takst columns, for a field inside it (a saved bill being edited in place). */
export function takstRow(el: Element): Element | null {
  const row = el.closest('tr,[role=row]');
  const table = row?.closest(TABLES);
  return row && table && tableColumns(table).takst.length ? row : null;
}

/** The takst fields (a cell, or the control inside it) and the count field of a saved-bill row. */
export function rowCells(row: Element): { takst: Element[]; count: Element | null } {
  const table = row.closest(TABLES);
  if (!table) return { takst: [], count: null };
  const cols = tableColumns(table);
  const at = (i: number): Element | null => {
    const cell = row.children[i];
    return cell ? (cell.querySelector(CONTROL) ?? cell) : null;
  };
  const takst = cols.takst.map(at).filter((c): c is Element => c !== null);
  return { takst, count: cols.count >= 0 ? at(cols.count) : null };
}
