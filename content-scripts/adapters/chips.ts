// Chips widgets (MUI Autocomplete, antd Select tags, PrimeVue AutoComplete, hand-made pills): the
// chosen codes are elements beside a free-text input that only holds what is being typed. The input
// is the typing area of the widget, never the takst field itself: its chips are.

import { textWithout } from './dom';

const CONTROL = 'input:not([type=hidden]),select,textarea,label';
/** How far up from the typing input the chips may sit (antd wraps its input three deep). */
const MAX_UP = 5;
/** Never part of a chip's code: its remove button and icons. */
const SKIP = 'button,input,select,textarea,script,style,template,svg,[hidden],[aria-hidden=true]';

/** Visible text of a chip, without its remove button or icon. */
export function chipText(el: Element): string {
  return textWithout(el, SKIP);
}

/** True for an input that only takes what the doctor types into a picker (combobox, autocomplete). */
export function isTypingInput(el: Element): boolean {
  return el instanceof HTMLInputElement && (el.getAttribute('role') === 'combobox' || el.hasAttribute('aria-autocomplete'));
}

/**
 * The chips beside a typing input: at the first ancestor level whose other children hold text, those
 * children (each a chip). Stops at a level that holds another control or a label (the next field).
 */
export function chipsOf(input: Element, hasCode: (text: string) => boolean): Element[] {
  if (!(input instanceof HTMLInputElement) || !['text', 'search'].includes(input.type)) return [];
  let branch: Element = input;
  for (let up = 0; up < MAX_UP && branch.parentElement; up++) {
    const level: Element = branch.parentElement;
    const others = Array.from(level.children).filter((c) => c !== branch && !c.matches(SKIP));
    if (others.some((o) => o.matches(CONTROL) || o.querySelector(CONTROL))) return [];
    const chips = others.filter((o) => hasCode(chipText(o)));
    if (chips.length) return chips;
    branch = level;
  }
  return [];
}
