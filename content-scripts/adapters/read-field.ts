// Reads the codes a host field holds, whatever its kind: form controls, pressed buttons, chips,
// summaries, table cells and contenteditable. Reads values only; never changes the page.
import { chipsOf, chipText } from './chips';
import { controlLabels, textWithout } from './dom';
import { isCode, parseCodes, parseCount, type ParsedCode } from './parse-codes';
import { screenValue, type SkipReason } from './screen-values';
import { selectedToggles, TOGGLES } from './toggles';

/** A code read from a field; `at` is the element showing it when that is not the field (a chip, a button). */
export interface ReadCode extends ParsedCode {
  at?: Element;
}

/** What reading a field left out: value shapes never read, or why the field could not be read. */
export interface ReadNotes {
  skipped: SkipReason[];
  unreadable?: string;
}

/** Inline formatting that splits no words; every other element boundary separates tokens. */
const INLINE = new Set(['B', 'STRONG', 'EM', 'I', 'U', 'MARK', 'SUB', 'SUP']);
/** Never part of a field's text: controls (a chip's remove button), hidden and scripted content. */
const SKIP = 'button,input,select,textarea,script,style,template,[hidden],[aria-hidden=true],[role=listbox],[role=button]';

/** Visible text of a field with element boundaries as spaces (`<br>`, chips side by side). */
export function fieldText(el: Element): string {
  return textWithout(el, SKIP, INLINE);
}

/** What a field shows: a control's value (a select's chosen option text), or its visible text. */
export function valueText(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text ?? el.value;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
  return fieldText(el);
}

/** Codes of text that must hold only codes; null when it holds something but no code (cannot be read). */
function codesOrUnreadable(raw: string, notes?: ReadNotes): ParsedCode[] | null {
  const { text, skipped } = screenValue(raw);
  if (skipped.length) notes?.skipped.push(...skipped);
  const codes = parseCodes(text);
  // A field that held only a date, time or national id is left out, not "unreadable".
  return codes.length || !text.trim() || skipped.length ? codes : null;
}

function hasCode(text: string): boolean {
  return parseCodes(screenValue(text).text).length > 0;
}

/** Chips beside a typing input, each read as one code (a count written on the chip counts). */
export function chipCodes(input: Element): ReadCode[] {
  const out: ReadCode[] = [];
  for (const chip of chipsOf(input, hasCode)) {
    const c = parseCodes(screenValue(chipText(chip)).text)[0];
    if (c) out.push({ ...c, at: chip });
  }
  return out;
}

/** Buttons of a toggle group that show a code; null when `el` is no such group (fewer than two). */
function toggleButtons(el: Element): Element[] | null {
  const buttons = Array.from(el.querySelectorAll(TOGGLES)).filter((b) => hasCode(chipText(b)));
  return buttons.length >= 2 ? buttons : null;
}

/** The code a single item names: a `<strong>`/`<code>` holding only a code, else its first code. */
function itemCode(item: Element): ParsedCode | null {
  for (const e of item.querySelectorAll('strong,b,code,kbd,[data-code],[data-takst]')) {
    const text = (e.getAttribute('data-code') ?? e.getAttribute('data-takst') ?? e.textContent ?? '').trim();
    if (isCode(text)) {
      const rest = fieldText(item).replace(text, ' ');
      return { code: text, count: parseCount(rest.replace(/kr\s*[\d ,.-]+|[\d ,.]+\s*kr|\d+,-/gi, ' ')) ?? 1 };
    }
  }
  const value = item.getAttribute('data-value') ?? item.getAttribute('value');
  if (value && isCode(value)) return { code: value.trim(), count: 1 };
  // A pressed button or chip shows its code first; what follows is a description or a price.
  return parseCodes(screenValue(fieldText(item)).text)[0] ?? null;
}

function selected(el: Element): boolean {
  return el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-selected') === 'true' || el.getAttribute('aria-checked') === 'true';
}

/** Items of a list-like field (summary, chips); null when it has no item structure. */
function items(el: Element): Element[] | null {
  const chosen = el.querySelectorAll('[role=option][aria-selected=true],[aria-pressed=true]');
  if (chosen.length) return Array.from(chosen);
  const list = el.querySelectorAll('li,[role=listitem],[role=row]:not(:first-child),[data-code],[data-takst],[data-value]');
  return list.length ? Array.from(list) : null;
}

function itemsCodes(list: Element[]): ParsedCode[] {
  const out: ParsedCode[] = [];
  for (const item of list) {
    const c = itemCode(item);
    if (c) out.push(c);
  }
  return out;
}

/**
 * Codes held by a takst field, in order; `[]` when it holds none yet, null when it holds text that
 * cannot be read as codes.
 */
export function readField(el: Element, notes?: ReadNotes, chips = false): ReadCode[] | null {
  if (chips) return chipCodes(el);
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox' || el.type === 'radio') {
      if (!el.checked) return [];
      if (isCode(el.value)) return [{ code: el.value.trim(), count: 1 }];
      const label = controlLabels(el)?.[0];
      const c = label ? itemCode(label) : null;
      return c ? [{ code: c.code, count: 1 }] : null;
    }
    return codesOrUnreadable(el.value, notes);
  }
  if (el instanceof HTMLTextAreaElement) return codesOrUnreadable(el.value, notes);
  if (el instanceof HTMLSelectElement) {
    const out: ParsedCode[] = [];
    for (const o of el.selectedOptions) {
      const c = parseCodes(isCode(o.value) ? o.value : o.text)[0];
      if (c) out.push(c);
    }
    return out;
  }
  if (el.hasAttribute('aria-pressed') || el.getAttribute('role') === 'option' || el.getAttribute('role') === 'checkbox') {
    if (!selected(el)) return [];
    const c = itemCode(el);
    return c ? [{ code: c.code, count: c.count }] : null;
  }
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true' || el.getAttribute('role') === 'textbox') {
    return codesOrUnreadable(fieldText(el), notes);
  }
  const list = items(el);
  if (list) return itemsCodes(list);
  // A group of code buttons without ARIA state (selected only by a class, or a bar of shortcuts).
  const buttons = toggleButtons(el);
  if (buttons) {
    const state = selectedToggles(buttons);
    if ('unreadable' in state) {
      if (notes) notes.unreadable = state.unreadable;
      return null;
    }
    return state.selected.flatMap((b) => {
      const c = itemCode(b);
      return c ? [{ ...c, at: b }] : [];
    });
  }
  return codesOrUnreadable(fieldText(el), notes);
}
