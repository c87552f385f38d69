// Decides what a candidate host element is: a takst field, a count ("Antall") field, or neither.
// Cheapest sources first (own attributes), then labels, column header and group.
import { attrNames, columnHeader, groupName, headingBefore, ownNames } from './label';
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

export function classify(el: Element): FieldRole | null {
  // A combobox input holds what the doctor is searching for; the chosen codes are its chips.
  if (el instanceof HTMLInputElement && (el.getAttribute('role') === 'combobox' || el.hasAttribute('aria-autocomplete'))) return null;
  const choice = isChoice(el);
  // Attributes first ("Takst linje 7"): cheap, and decisive on long bills; labels and headings next.
  const own = roleOf(attrNames(el)) ?? roleOf(`${ownNames(el, !choice)} ${isContainer(el) ? headingBefore(el) : ''}`.trim());
  if (own) return own === 'skip' ? null : own;
  const col = roleOf(columnHeader(el));
  if (col) return col === 'skip' ? null : col;
  // Group names decide only for choices (a checkbox in "Takster"); a text input in a takst fieldset may be anything.
  if (!choice) return null;
  const group = roleOf(groupName(el));
  return group === 'takst' ? 'takst' : null;
}
