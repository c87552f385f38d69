// The generic adapter: finds takst fields by what they are called (label, aria, name, id, placeholder,
// column header, group), groups them into billing regions and plans how to read each region.
import { CANDIDATES, classify } from './classify';
import { findContextFields } from './context-fields';
import { optedOut, queryAll } from './dom';
import { attrNames, headingBefore, ownNames, textOf } from './label';
import { parseCodes } from './parse-codes';
import { inReferenceTable, newPass, rowCells, TABLES, takstRow, textRows } from './tables';
import type { Adapter, FieldPlan, RegionPlan } from './types';
import { COUNT_RE, REFERENCE_RE, SEARCH_RE, SUMMARY_RE, TAKST_RE } from './words';

/** What bounds one bill: a form or dialog, or a host's explicit marking. */
const REGION = '[data-takstvakt-region],form,[role=form],dialog,[role=dialog]';
/** Labels that promise a takst field; when none can be read the region is shown as not checked. */
const PROMISES = ['label', 'legend', '[aria-label]', '[aria-labelledby]']
  .map((s) => (s.startsWith('[') ? `${s}:not(button):not(a):not(input):not([role=button]):not([role=option]):not([role=tab])` : s))
  .join(',');
/** How far up a line container may be from its takst field when pairing an "Antall" field. */
const LINE_DEPTH = 4;

function regionOf(el: Element): Element {
  const hit = el.closest(REGION);
  if (hit) return hit;
  // Outside a form, a row of a table with a takst column is one saved bill.
  const row = takstRow(el);
  if (row) return row;
  // Inside a host component without a form, the component (the shadow root's host) is the region.
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : (el.ownerDocument.body ?? el);
}

interface Found {
  takst: Element[];
  count: Element[];
}

function collect(scope: ParentNode): Found {
  const found: Found = { takst: [], count: [] };
  const anyOff = scope.querySelector('[data-takstvakt="off"]') !== null || (scope instanceof Element && optedOut(scope));
  for (const el of queryAll(scope, CANDIDATES)) {
    if (anyOff && optedOut(el)) continue;
    if (el.closest(TABLES) && inReferenceTable(el)) continue;
    const role = classify(el);
    if (role) found[role].push(el);
  }
  // Prefer the innermost field: a "Takster" group of pressed buttons reads through its buttons.
  const all = new Set(found.takst);
  const containers = new Set<Element>();
  for (const f of found.takst) for (let a = f.parentElement; a; a = a.parentElement) if (all.has(a)) containers.add(a);
  found.takst = found.takst.filter((el) => !containers.has(el));
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
    const name = el.matches('label,legend') ? textOf(el, 80) : ownNames(el);
    if (TAKST_RE.test(name) && !SEARCH_RE.test(name) && !REFERENCE_RE.test(name) && !COUNT_RE.test(name) && !el.closest(TABLES)) out.push(el);
  }
  return out;
}

export const genericAdapter: Adapter = {
  regions(root) {
    newPass();
    const regions = new Set<Element>();
    const { takst } = collect(root);
    for (const el of takst) regions.add(regionOf(el));
    for (const table of root.querySelectorAll(TABLES)) for (const row of textRows(table)) if (!optedOut(row)) regions.add(row);
    for (const el of promisesTakst(root)) if (!optedOut(el)) regions.add(regionOf(el));
    return Array.from(regions);
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
    const found = collect(region);
    // A form nested in a page-wide region is its own bill.
    let takst = found.takst.filter((el) => regionOf(el) === region);
    if (takst.some(isSummary)) takst = takst.filter((el) => isSummary(el) || !isPicker(el));
    const { byField, byCode } = pairCounts(takst, found.count, region);
    const fields: FieldPlan[] = takst.map((el) => ({ el, count: byField.get(el) ?? null }));
    const unreadable = fields.length === 0 && promisesTakst(region).some((el) => regionOf(el) === region) ? 'no-field' : null;
    // Takst and count fields are never context: skip them (thousands on a long bill).
    const skip = new Set<Element>([...found.takst, ...found.count]);
    return { fields, countsByCode: byCode, context: findContextFields(region, skip), unreadable };
  },
};
