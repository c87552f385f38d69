// The generic adapter: finds takst fields by what they are called (label, aria, name, id, placeholder,
// column header, group), groups them into billing regions and plans how to read each region.
// How a region is found, step by step and why: content-scripts/README.md ("What is a bill").
import { isTypingInput } from './chips';
import { CANDIDATES, classify } from './classify';
import { CONTROLS, contextKind, findContextFields, isDiagnosisField } from './context-fields';
import { optedOut, queryAll } from './dom';
import { attrNames, fieldNames, headingBefore, ownNames, textOf } from './label';
import { parseCodes } from './parse-codes';
import { chipCodes } from './read-field';
import { bodyRows, insideKnownReference, isLineTable, newPass, renderedOf, rowCells, TABLES, takstRow, tableColumns, textRows } from './tables';
import type { Adapter, FieldPlan, RegionPlan } from './types';
import { BILL_RE, COUNT_RE, REFERENCE_RE, SEARCH_RE, SUMMARY_RE, TAKST_RE } from './words';

/** Upper bounds of one bill: a host's explicit marking, a dialog, a form (never required). */
const BOUND = '[data-takstvakt-region],form,[role=form],dialog,[role=dialog]';
/**
 * Labels that promise a takst field; when none can be read the region is shown as not checked.
 * Navigation, toolbars and menus (a favourites bar of takst shortcuts) are actions: they promise nothing.
 */
const PROMISES = ['label', 'legend', '[aria-label]', '[aria-labelledby]']
  .map((s) => (s.startsWith('[') ? `${s}:not(button):not(a):not(input):not(nav):not([role=button]):not([role=option]):not([role=tab]):not([role=toolbar]):not([role=menu]):not([role=menubar]):not([role=navigation])` : s))
  .join(',');
/** Cells a grid lets the doctor edit in place (data grids mark them; a price list has none). */
const EDITABLE = 'input,select,textarea,[contenteditable=true],[aria-readonly=false],[class*=editable],[data-p-editable-column=true]';
/** How far up a line container may be from its takst field when pairing an "Antall" field. */
const LINE_DEPTH = 4;

/** Elements that hold a bill's own context (date, diagnosis) and every ancestor of them, per pass. */
let contextAncestors = new WeakSet<Element>();
/** The takst fields found in this pass: a field is never the region of another field. */
let takstFields = new WeakSet<Element>();

/** Marks the ancestors of the date and diagnosis fields under `scope` (query fields left out). */
function markContext(scope: ParentNode): void {
  contextAncestors = new WeakSet();
  takstFields = new WeakSet();
  // Cells of a table of lines are takster and counts, never the bill's context (thousands of them).
  const inLines = controlsInLineTables(scope);
  for (const el of queryAll(scope, CONTROLS)) {
    if (inLines.has(el)) continue;
    const kind = contextKind(el, fieldNames(el));
    if (kind !== 'date' && kind !== 'datetime' && kind !== 'diagnosis') continue;
    for (let a = el.parentElement; a && !contextAncestors.has(a); a = a.parentElement) contextAncestors.add(a);
  }
}

/** Every control inside a table of lines under `scope`: one query per table instead of a walk per control. */
function controlsInLineTables(scope: ParentNode): Set<Element> {
  const out = new Set<Element>();
  for (const t of queryAll(scope, TABLES)) if (isLineTable(t)) for (const c of t.querySelectorAll('input,select,textarea')) out.add(c);
  return out;
}

/** A container named like a bill: regning, regningskort, oppgjør, takster (id, class, aria names). */
function namedLikeBill(el: Element): boolean {
  // "Takster" in an aria name labels the takst widget itself (a group of buttons), not the bill around it.
  const own = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  const aria = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? attrNames(el, false).replace(/takster/gi, ' ') : '';
  const names = `${own} ${aria}`;
  return BILL_RE.test(names) && !SEARCH_RE.test(names) && !REFERENCE_RE.test(names);
}

/**
 * The billing region of a takst field: walking up from it (from its table, for a table of lines), the
 * first container that is an explicit bound (marked region, dialog, form), holds the bill's context
 * (date, diagnosis) or is named like a bill; a row of a saved-bills table is its own bill; the
 * component (shadow host) or the page otherwise.
 */
function regionOf(el: Element): Element {
  const row = takstRow(el);
  if (row) return row;
  const table = el.closest(TABLES);
  const start = table && isLineTable(table) ? table : el;
  for (let a: Element | null = start; a; a = a.parentElement) {
    if (a !== el && (a.matches(BOUND) || contextAncestors.has(a) || (!takstFields.has(a) && namedLikeBill(a)))) return a;
    if (a === el && a.matches(BOUND)) return a;
    if (a.tagName === 'BODY') return a;
  }
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : (el.ownerDocument.body ?? el);
}

/**
 * A table of lines is a bill when the doctor can edit it (controls, editable cells, an interactive
 * grid) or when it sits with a bill's context (date, diagnosis). A static list of takster with
 * prices and nothing around it is a price list.
 */
function billTable(table: Element): boolean {
  if (table.matches('[role=grid],[role=treegrid]') || table.querySelector(EDITABLE)) return true;
  for (let a = table.parentElement; a; a = a.parentElement) if (contextAncestors.has(a)) return true;
  return false;
}

interface Found {
  takst: Element[];
  count: Element[];
  /** Takst fields of line tables, each with its row's count field. */
  rows: Map<Element, Element | null>;
  /** Line tables seen (a virtualised one says how many rows it renders). */
  tables: Element[];
}

function collect(scope: ParentNode): Found {
  const found: Found = { takst: [], count: [], rows: new Map(), tables: [] };
  const anyOff = scope.querySelector('[data-takstvakt="off"]') !== null || (scope instanceof Element && optedOut(scope));
  // Tables of lines first: each row's takst cell (or its control) with the row's count cell.
  const lineTables = new Set<Element>();
  for (const table of queryAll(scope, TABLES)) {
    if (!isLineTable(table) || (anyOff && optedOut(table)) || !billTable(table)) continue;
    lineTables.add(table);
    found.tables.push(table);
    for (const row of bodyRows(table)) {
      const { takst, count } = rowCells(row);
      for (const t of takst) found.rows.set(t, count);
    }
  }
  for (const el of queryAll(scope, CANDIDATES)) {
    if (anyOff && optedOut(el)) continue;
    const table = el.closest(TABLES);
    if (table && (lineTables.has(table) || tableColumns(table).reference)) continue;
    const role = classify(el);
    if (role) found[role].push(el);
  }
  // Prefer the innermost field: a "Takster" group of pressed buttons reads through its buttons. But the
  // typing input of a chips widget is never the field when the widget itself is one: its chips are.
  const all = new Set(found.takst);
  const typing = (f: Element) => isTypingInput(f) || (f instanceof HTMLInputElement && chipCodes(f).length > 0);
  const inField = (f: Element) => {
    for (let a = f.parentElement; a; a = a.parentElement) if (all.has(a)) return a;
    return null;
  };
  const containers = new Set<Element>();
  const drop = new Set<Element>();
  for (const f of found.takst) {
    const outer = inField(f);
    if (!outer) continue;
    if (typing(f)) drop.add(f);
    else for (let a: Element | null = outer; a; a = inField(a)) containers.add(a);
  }
  found.takst = found.takst.filter((el) => !containers.has(el) && !drop.has(el));
  for (const el of found.takst) takstFields.add(el);
  found.takst.push(...found.rows.keys());
  return found;
}

/** List fields whose items carry +/- buttons: a picker, read only when no summary exists. */
function isPicker(el: Element): boolean {
  return el.querySelector('li button, [role=listitem] button, [role=option] button') !== null;
}

/** A "Valgte takster" list or widget (form controls are never summaries). */
function isSummary(el: Element): boolean {
  return !el.matches('input,select,textarea') && SUMMARY_RE.test(`${attrNames(el)} ${headingBefore(el)}`);
}

/** Pairs each "Antall" field with the takst field of its line, or with the code its name gives. */
function pairCounts(takst: Element[], counts: Element[], region: Element): { byField: Map<Element, Element>; byCode: Map<string, Element> } {
  const byField = new Map<Element, Element>();
  const byCode = new Map<string, Element>();
  const owner = new Map<Element, Element | null>(); // ancestor -> its only takst field (null when several)
  for (const f of takst) {
    for (let a = f.parentElement, d = 0; a && d < LINE_DEPTH && a !== region.parentElement; a = a.parentElement, d++) {
      owner.set(a, owner.has(a) && owner.get(a) !== f ? null : f);
    }
  }
  for (const c of counts) {
    // "Antall 2cd" names its code; "Antall linje 1" names a line number, not code 1.
    const named = parseCodes(attrNames(c).replace(/antall|ant\./gi, ' ')).find((p) => /[a-z]/i.test(p.code));
    if (named) {
      byCode.set(named.code.toLowerCase(), c);
      continue;
    }
    for (let a = c.parentElement, d = 0; a && d < LINE_DEPTH; a = a.parentElement, d++) {
      if (!owner.has(a)) continue;
      const f = owner.get(a);
      if (f && !byField.has(f)) byField.set(f, c);
      break;
    }
  }
  return { byField, byCode };
}

function promisesTakst(scope: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of queryAll(scope, PROMISES)) {
    // Decoration hidden from assistive technology (MUI's outline legend repeats the label) promises nothing.
    if (el.closest('[aria-hidden=true]')) continue;
    const name = el.matches('label,legend') ? textOf(el, 80) : ownNames(el);
    if (TAKST_RE.test(name) && !SEARCH_RE.test(name) && !REFERENCE_RE.test(name) && !COUNT_RE.test(name) && !el.closest(TABLES)) out.push(el);
  }
  return out;
}

/**
 * A lookup page: it shows a reference table and no table of lines. Its takst-named fields are the
 * table's filters unless their region holds a diagnosis (a bill has one; a filter row never does),
 * is marked by the host, or is a dialog opened over the list.
 */
function lookupRegion(region: Element, doc: ParentNode): boolean {
  const tables = queryAll(doc, TABLES);
  if (!tables.some((t) => tableColumns(t).reference) || tables.some(isLineTable)) return false;
  if (region.matches(LOOKUP_BOUNDS)) return false;
  return !findContextFields(region).some((f) => f.kind === 'diagnosis');
}

/** Host bounds that make a region no lookup (lookupRegion). */
const LOOKUP_BOUNDS = '[data-takstvakt-region],dialog,[role=dialog]';

/**
 * The document's reference tables, and whether no region of it could pass lookupRegion(): every table is
 * a reference table, nothing is a dialog or marked by the host, and no field holds a diagnosis. The boot
 * script asks this before the full region search, which was most of its start-up on a 500-row lookup
 * page. One query finds tables, bounds and controls: each alone walks all 3,000 elements of that page.
 */
export function lookupAtGlance(doc: Document): { reference: Element[]; lookup: boolean } {
  const found = Array.from(doc.querySelectorAll(`${TABLES},${LOOKUP_BOUNDS},${CONTROLS}`));
  const tables = found.filter((e) => e.matches(TABLES));
  const reference = tables.filter((t) => tableColumns(t).reference);
  const lookup =
    reference.length > 0 &&
    reference.length === tables.length &&
    !found.some((e) => e.matches(LOOKUP_BOUNDS)) &&
    !found.some((e) => e.matches(CONTROLS) && isDiagnosisField(e));
  return { reference, lookup };
}

export const genericAdapter: Adapter = {
  ignores: insideKnownReference,

  regions(root) {
    newPass();
    markContext(root);
    const regions = new Set<Element>();
    const { takst } = collect(root);
    for (const el of takst) regions.add(regionOf(el));
    for (const table of queryAll(root, TABLES)) for (const row of textRows(table)) if (!optedOut(row)) regions.add(row);
    for (const el of promisesTakst(root)) if (!optedOut(el)) regions.add(regionOf(el));
    const doc = root instanceof Document || root instanceof ShadowRoot ? root : ((root as Element).ownerDocument ?? root);
    return Array.from(regions).filter((r) => !lookupRegion(r, doc));
  },

  plan(region): RegionPlan {
    newPass();
    if (optedOut(region)) return { fields: [], countsByCode: new Map(), context: [], unreadable: null };
    if (takstRow(region) === region) {
      const { takst, count } = rowCells(region);
      // A saved bill's date is often shown once above the table: the page's context fields outside tables.
      const page = region.closest('form,main,[role=main]') ?? region.ownerDocument.body;
      const outer = findContextFields(page).filter((f) => !f.el.closest(TABLES));
      return { fields: takst.map((el) => ({ el, count })), countsByCode: new Map(), context: [...findContextFields(region), ...outer], unreadable: null };
    }
    markContext(region.getRootNode() as ParentNode);
    const found = collect(region);
    // A region nested in this one (a form inside a page-wide region) is its own bill.
    let takst = found.takst.filter((el) => regionOf(el) === region);
    if (takst.some(isSummary)) takst = takst.filter((el) => isSummary(el) || !isPicker(el));
    const { byField, byCode } = pairCounts(takst.filter((el) => !found.rows.has(el)), found.count, region);
    const fields: FieldPlan[] = takst.map((el) => {
      const chips = isTypingInput(el) || (el instanceof HTMLInputElement && !found.rows.has(el) && chipCodes(el).length > 0);
      return { el, count: found.rows.get(el) ?? byField.get(el) ?? null, ...(chips ? { chips } : {}) };
    });
    const unreadable = fields.length === 0 && promisesTakst(region).some((el) => regionOf(el) === region) ? 'no-field' : null;
    // Takst and count fields are never context: skip them (thousands on a long bill).
    const skip = new Set<Element>([...found.takst, ...found.count, ...found.rows.values()].filter((e): e is Element => e !== null));
    const plan: RegionPlan = { fields, countsByCode: byCode, context: findContextFields(region, skip), unreadable };
    // A context-less region named like a bill reads its date and diagnosis from the nearest container that has them.
    if (!region.matches(BOUND) && !plan.context.some((f) => f.kind === 'date' || f.kind === 'datetime')) {
      for (let a = region.parentElement; a; a = a.parentElement) {
        if (!contextAncestors.has(a)) continue;
        plan.context.push(...findContextFields(a, skip).filter((f) => !region.contains(f.el) && !f.el.closest(TABLES)));
        break;
      }
    }
    for (const t of found.tables) {
      const partial = renderedOf(t);
      if (partial && regionOf(t) === region) plan.partial = partial;
    }
    return plan;
  },
};
