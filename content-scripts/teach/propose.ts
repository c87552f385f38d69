// Proposes the custom adapter's selectors (src/settings/schema.ts CustomAdapterSchema) from the fields
// the clinic's IT person clicked. Stable attributes (data-testid, name, aria-label, ids that look written
// by a person) beat classes, and classes beat position chains: an EPJ update that moves a column keeps
// its test ids and names, while generated ids (`:r3:`, `mui-123`, `ember45`) change on every render.
// Every proposal is checked against the live document before it is offered: it matches what was
// clicked, the code field's selector also matches the same field on the other bill lines, and nothing
// else.
import type { CustomAdapter } from '../adapters/custom';

/**
 * Attributes that name a field on purpose, best first: test ids, form names (`formcontrolname` in Angular),
 * accessible names, and the column of a grid cell (`data-field` in MUI DataGrid, `col-id` in AG Grid).
 */
const STABLE_ATTRS = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'name', 'formcontrolname', 'aria-label', 'data-field', 'col-id'] as const;

/** Ids (and attribute values) a framework generates: they differ per render or per build. */
const GENERATED: readonly RegExp[] = [
  /^:[a-z]*r[0-9a-z]*:$/i, // React 18 useId
  /^«r[0-9a-z]*»$/i, // React 19.1 useId
  /^_r_[0-9a-z]*_$/i, // React 19.2 useId
  /^(mui|ember|ext-gen|ext-comp|headlessui-[a-z-]*|radix-|rc_|react-select-|downshift-|vaadin-[a-z-]*-|j_idt|pv_id_|gwt-uid-|yui_|dijit_|ui-id-|cdk-)[\w-]*\d/i,
  /\d{3,}/, // long digit runs: counters, timestamps
  /[0-9a-f]{6,}/i, // hashes (only when they hold a digit, see generated())
  /^[\w-]*[-_]\d+[-_][\w-]*$|^[a-z]+\d+$/i, // `field-3-x`, `el12`: a running number inside
];

/** Classes that say a state or come from CSS-in-JS, never a field's meaning. */
const UNSTABLE_CLASS = /^(css|sc|jss|emotion|e|tw|svelte|astro|_|ng-|v-|x-)-?[\w-]*[0-9]|^(is|has)-|even|odd|first|last|striped|active|selected|focus|hover|disabled|invalid|valid|dirty|touched|pristine|open|checked|Mui-(focused|disabled|error)/i;

export function generated(value: string): boolean {
  return GENERATED.some((re, i) => re.test(value) && (i !== 5 || /\d/.test(value)));
}

/** A CSS string literal for an attribute value (no CSS.escape in every context). */
function quote(v: string): string {
  return `"${v.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

const tagOf = (el: Element) => el.localName.replace(/[^a-z0-9-]/gi, '') || '*';
const attr = (name: string, value: string) => `[${name}=${quote(value)}]`;

function matches(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function sameSet(a: readonly Element[], b: readonly Element[]): boolean {
  const s = new Set(b);
  return a.length === s.size && a.every((x) => s.has(x));
}

/** Values every element shares for `name` (the attribute itself, or its common prefix up to a separator). */
function sharedAttr(els: readonly Element[], name: string): string[] {
  const values = els.map((e) => e.getAttribute(name));
  if (values.some((v) => v === null || v.trim() === '' || v.length > 120)) return [];
  const first = values[0]!;
  if (values.every((v) => v === first)) return generated(first) ? [] : [attr(name, first)];
  // `takst-1`, `takst-2`: the part before the running number names the column.
  let prefix = first;
  for (const v of values) while (!v!.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = prefix.search(/[-_.:[]?\d*$/);
  const stem = cut > 0 ? prefix.slice(0, cut + (/[-_.:[]/.test(prefix[cut] ?? '') ? 1 : 0)) : '';
  return stem.length >= 3 && !generated(stem) && values.every((v) => /^\d+[-\]_]?\w*$/.test(v!.slice(stem.length)) || v!.slice(stem.length) === '') ? [`[${name}^=${quote(stem)}]`] : [];
}

function stableClasses(el: Element): string[] {
  return Array.from(el.classList).filter((c) => /^[a-z][\w-]*$/i.test(c) && !UNSTABLE_CLASS.test(c) && !generated(c));
}

/** Candidate selectors naming all of `els` by what they have in common, best first. */
export function candidates(els: readonly Element[]): string[] {
  if (!els.length) return [];
  const tag = tagOf(els[0]!);
  const sameTag = els.every((e) => tagOf(e) === tag);
  const out: string[] = [];
  for (const name of STABLE_ATTRS) for (const s of sharedAttr(els, name)) out.push(s, `${tag}${s}`);
  if (els.length === 1) {
    const id = els[0]!.getAttribute('id');
    if (id && !generated(id) && id.length <= 80) out.push(attr('id', id));
  }
  const common = stableClasses(els[0]!).filter((c) => els.every((e) => e.classList.contains(c)));
  if (sameTag) {
    for (const c of common) out.push(`${tag}.${c}`);
    if (common.length > 1) out.push(`${tag}.${common.join('.')}`);
  }
  if (sameTag) out.push(tag);
  return out.filter((s, i) => out.indexOf(s) === i && (sameTag || !s.startsWith(tag)));
}

/** The position of `el` among its parent's children of the same tag: `div:nth-of-type(2)`. */
function positional(el: Element): string {
  const tag = tagOf(el);
  const same = el.parentElement ? Array.from(el.parentElement.children).filter((c) => tagOf(c) === tag) : [el];
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

/**
 * A chain anchored at the nearest ancestor with a name of its own, else at `scope` (`:scope > div > span`)
 * or the body, that matches `el` alone within `scope`: the last resort, as it breaks when the layout moves.
 */
export function chainTo(el: Element, scope: ParentNode): string | null {
  const stop = scope instanceof Element ? scope : null;
  const only = (sel: string) => {
    const m = matches(scope, sel);
    return m.length === 1 && m[0] === el;
  };
  const parts: string[] = [];
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    const own = candidates([cur]).find((s) => matches(scope, s).length === 1);
    if (own && only([own, ...parts].join(' > '))) return [own, ...parts].join(' > ');
    if (cur === cur.ownerDocument.body) {
      parts.unshift('body');
      break;
    }
    parts.unshift(positional(cur));
    if (cur.parentElement === stop) {
      parts.unshift(':scope');
      break;
    }
  }
  const sel = parts.join(' > ');
  return sel && only(sel) ? sel : null;
}

/** The selector that matches exactly `targets` within `scope`, or null. */
export function selectorFor(targets: readonly Element[], scope: ParentNode): string | null {
  for (const s of candidates(targets)) if (sameSet(matches(scope, s), targets)) return s;
  if (targets.length === 1) return chainTo(targets[0]!, scope);
  return null;
}

/**
 * Siblings that look like `el` (the other lines of a repeated list): the same tag and role, and a stable
 * class in common when it has one (the first line's extra `--firstVisible` class does not make it another kind).
 */
function peers(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [el];
  const cls = stableClasses(el);
  const role = el.getAttribute('role');
  return Array.from(parent.children).filter((c) => tagOf(c) === tagOf(el) && c.getAttribute('role') === role && (!cls.length || cls.some((k) => c.classList.contains(k))));
}

/** The path of tag positions from `line` down to `el`, to find the same field in another line. */
function pathFrom(line: Element, el: Element): Array<[string, number]> {
  const path: Array<[string, number]> = [];
  for (let cur = el; cur !== line; cur = cur.parentElement!) {
    const same = Array.from(cur.parentElement!.children).filter((c) => tagOf(c) === tagOf(cur));
    path.unshift([tagOf(cur), same.indexOf(cur)]);
  }
  return path;
}

const nthPath = (path: ReadonlyArray<[string, number]>) => path.map(([tag, i]) => `${tag}:nth-of-type(${i + 1})`).join(' > ');

function follow(line: Element, path: ReadonlyArray<[string, number]>): Element | null {
  let cur: Element | undefined = line;
  for (const [tag, i] of path) {
    cur = Array.from(cur.children).filter((c) => tagOf(c) === tag)[i];
    if (!cur) return null;
  }
  return cur;
}

export interface Lines {
  /** An ancestor of the first code field that repeats (a bill line), and its look-alike siblings. */
  lines: Element[];
  /** The same field in every line (the picked ones included). */
  fields: Element[];
}

/**
 * Candidate bill lines around `picked`, lowest first: each ancestor that has look-alike siblings with
 * the same field at the same place. A table cell is such an ancestor too (its row's other cells), so the
 * caller keeps the first level whose fields share a name that nothing else in the region has.
 */
export function lineLevels(picked: readonly Element[], stop: Element): Lines[] {
  const first = picked[0];
  const out: Lines[] = [];
  if (!first) return out;
  for (let line = first.parentElement; line && line !== stop && line.parentElement; line = line.parentElement) {
    if (picked.some((p) => !line!.parentElement!.contains(p))) break;
    const all = peers(line);
    if (all.length < 2) continue;
    const path = pathFrom(line, first);
    const fields = all.map((l) => follow(l, path)).filter((f): f is Element => f !== null);
    for (const p of picked) if (!fields.includes(p)) fields.push(p);
    if (fields.length >= 2) out.push({ lines: all, fields });
  }
  return out;
}

/**
 * The line and count selectors: the custom adapter looks the count up with `line.querySelector(count)`
 * from each code's line, so the count selector must find the same field in every line.
 */
function countIn(lines: Lines, count: Element, regionEl: Element): { line: string; count: string } | null {
  const lineEl = lines.lines.find((l) => l.contains(count));
  const line = lineEl ? selectorFor(lines.lines, regionEl) : null;
  if (!lineEl || !line) return null;
  const path = pathFrom(lineEl, count);
  const fields = lines.lines.map((l) => follow(l, path));
  const everyLine = (s: string) => lines.lines.every((l, i) => fields[i] === null || l.querySelector(s) === fields[i]);
  const own = candidates(fields.filter((f): f is Element => f !== null)).find(everyLine);
  const chain = `:scope > ${nthPath(path)}`;
  const found = own ?? (everyLine(chain) ? chain : null);
  return found ? { line, count: found } : null;
}

/** Takst fields of different kinds (a chips list and a free-text field): one selector each, as a list. */
function eachOf(picked: readonly Element[], scope: Element): string | null {
  if (picked.length < 2) return null;
  const parts = picked.map((p) => selectorFor([p], scope));
  if (parts.some((x) => x === null)) return null;
  const list = [...new Set(parts)].join(', ');
  const found = matches(scope, list);
  return picked.every((p) => found.includes(p)) ? list : null;
}

/** The lowest element containing all of `els`. */
export function commonAncestor(els: readonly Element[]): Element | null {
  let cur: Element | null = els[0] ?? null;
  while (cur && !els.every((e) => cur!.contains(e))) cur = cur.parentElement;
  return cur;
}

const CELL = 'td,th,[role="gridcell"],[role="cell"],[role="columnheader"],[role="rowheader"]';

/** How well a selector names a field: 0 by an attribute, 1 by a class, 2 by its tag alone. */
const rank = (selector: string) => (selector.includes('[') ? 0 : selector.includes('.') ? 1 : 2);

export interface Picks {
  code: Element[];
  count?: Element | undefined;
  date?: Element | undefined;
  time?: Element | undefined;
  diagnosis?: Element | undefined;
}

export type Proposal = { ok: true; adapter: CustomAdapter } | { ok: false; problem: 'no-code' | 'no-region' | 'code' | 'count' | 'date' | 'time' | 'diagnosis' };

/**
 * The adapter for what was clicked. The region is the smallest container of every clicked field; the
 * code selector matches the code field of every bill line (when the list repeats) and nothing else in the
 * region; the count is looked up within the code's line, the context fields within the region.
 */
export function propose(picks: Picks): Proposal {
  if (!picks.code.length) return { ok: false, problem: 'no-code' };
  const doc = picks.code[0]!.ownerDocument;
  const context = (['date', 'time', 'diagnosis'] as const).filter((k) => picks[k]);
  const all = [...picks.code, ...(picks.count ? [picks.count] : []), ...context.map((k) => picks[k]!)];
  // The bill lines: the lowest level whose code fields one selector names (within the container of it all).
  let lines: Lines | null = null;
  let code: string | null = null;
  // A table cell is never a line, and the count sits in a line without being the code field's twin there
  // (then the "lines" are a row's cells); of the rest, the level named best wins (an attribute over a
  // class over a bare tag: `input` names the code and the count cell alike).
  const count = picks.count;
  const levels = lineLevels(picks.code, doc.body).filter(
    (l) => !l.lines[0]!.matches(CELL) && (!count || (!l.fields.includes(count) && l.lines.some((line) => line.contains(count)))),
  );
  let best = 3;
  for (const level of levels) {
    const scope = commonAncestor([...all, ...level.lines]);
    const s = scope && selectorFor(level.fields, scope);
    if (s && rank(s) < best) {
      [lines, code, best] = [level, s, rank(s)];
    }
  }
  // No name in common: the field's position within a named line (`tr.p-row > td:nth-of-type(1)`).
  for (const level of code ? [] : levels) {
    const scope = commonAncestor([...all, ...level.lines]);
    const lineSel = scope && selectorFor(level.lines, scope);
    const line = level.lines.find((l) => l.contains(picks.code[0]!));
    if (!scope || !lineSel || !line) continue;
    const s = `${lineSel} > ${nthPath(pathFrom(line, picks.code[0]!))}`;
    if (sameSet(matches(scope, s), level.fields)) {
      [lines, code] = [level, s];
      break;
    }
  }
  // A region holds its fields: one clicked field alone is read within its parent.
  let regionEl = commonAncestor([...all, ...(lines?.lines ?? [])]);
  if (regionEl && all.includes(regionEl)) regionEl = regionEl.parentElement;
  if (!regionEl) return { ok: false, problem: 'no-region' };
  const region = selectorFor([regionEl], doc);
  if (!region) return { ok: false, problem: 'no-region' };
  code ??= selectorFor(picks.code, regionEl) ?? eachOf(picks.code, regionEl);
  if (!code) return { ok: false, problem: 'code' };
  const adapter: CustomAdapter = { kind: 'custom', region, code };
  if (picks.count) {
    const found = lines && countIn(lines, picks.count, regionEl);
    if (!found) return { ok: false, problem: 'count' };
    adapter.line = found.line;
    adapter.count = found.count;
  }
  for (const k of context) {
    const s = selectorFor([picks[k]!], regionEl);
    if (!s) return { ok: false, problem: k };
    adapter[k] = s;
  }
  return { ok: true, adapter };
}
