// Decides what a candidate host element is: a takst field, a count ("Antall") field, or neither.
// Cheapest sources first (own attributes), then labels, column header and group.
import { isTypingInput } from './chips';
import { attrNames, columnHeader, groupName, headingBefore, ownNames, textOf } from './label';
import { COUNT_RE, PRIVATE_RE, SEARCH_RE, TAKST_RE } from './words';

export type FieldRole = 'takst' | 'count';

/** Candidate takst/count fields: everything that can hold a code or a count. */
export const CANDIDATES = [
  'input:not([type=hidden]):not([type=search]):not([type=password]):not([type=submit]):not([type=button]):not([type=reset]):not([type=date]):not([type=time]):not([type=datetime-local])',
  'select',
  'textarea',
  '[contenteditable]:not([contenteditable=false])',
  '[role=textbox]',
  '[role=combobox]',
  '[role=listbox]',
  '[role=list]',
  '[role=group]',
  'ul',
  'ol',
  'output',
  'section[aria-label]',
  'section[aria-labelledby]',
  'div[aria-label]',
  'div[aria-labelledby]',
  '[aria-pressed]',
  '[role=option]',
].join(',');

/** Controls whose own label is their code and description: the field name comes from name/group. */
function isChoice(el: Element): boolean {
  return (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) || el.hasAttribute('aria-pressed') || el.getAttribute('role') === 'option';
}

function isContainer(el: Element): boolean {
  return !isChoice(el) && !(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement);
}

function roleOf(names: string): FieldRole | 'skip' | null {
  if (!names) return null;
  if (PRIVATE_RE.test(names) || SEARCH_RE.test(names)) return 'skip';
  if (COUNT_RE.test(names)) return 'count';
  if (TAKST_RE.test(names)) return 'takst';
  return null;
}

/**
 * Search, filter and lookup fields: in a search landmark, a searchbox, a field that controls a table
 * (a filter above a list), or a fieldset named like a filter. Such a field holds a query, never a bill.
 */
export function isQueryField(el: Element): boolean {
  if (el.closest('[role=search],search') || el.getAttribute('role') === 'searchbox') return true;
  const controls = el.getAttribute('aria-controls');
  if (controls && !isTypingInput(el)) {
    const target = (el.getRootNode() as Document).getElementById?.(controls);
    if (target?.matches('table,[role=table],[role=grid],[role=treegrid]')) return true;
  }
  const legend = el.closest('fieldset')?.querySelector(':scope > legend');
  return legend ? SEARCH_RE.test(textOf(legend, 80)) : false;
}

export function classify(el: Element): FieldRole | null {
  if (isQueryField(el)) return null;
  // A combobox input holds what the doctor is typing; named like a takst field, its chips are the field.
  const typing = isTypingInput(el);
  const choice = isChoice(el);
  // Attributes first ("Takst linje 7"): cheap, and decisive on long bills; labels and headings next.
  // A placeholder is a hint ("Søk etter takst ..."), weaker than any name: it decides last.
  const own = roleOf(attrNames(el, false)) ?? roleOf(`${ownNames(el, !choice, false)} ${isContainer(el) ? headingBefore(el) : ''}`.trim());
  const role = own ?? roleOf(columnHeader(el)) ?? roleOf(el.getAttribute('placeholder') ?? '');
  if (role) return role === 'skip' || (typing && role !== 'takst') ? null : role;
  // Group names decide only for choices (a checkbox in "Takster"); a text input in a takst fieldset may be anything.
  if (!choice) return null;
  const group = roleOf(groupName(el));
  return group === 'takst' ? 'takst' : null;
}
