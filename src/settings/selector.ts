// A clinic's CSS selector, compiled where there is no DOM (the service worker checks imported settings):
// parsed with css-what, then held to what querySelectorAll in Chrome and Firefox accepts. A selector
// the browser would reject (or that can never match, like a pseudo-element) is refused at import with
// its field named, instead of silently disabling checking on the EPJ page later.
import { parse, type Selector } from 'css-what';

/** Pseudo-classes both engines support in querySelectorAll: `true` takes selectors, `'nth'`/`'text'` an argument. */
const PSEUDO: Record<string, false | true | 'nth' | 'text'> = {
  active: false, 'any-link': false, autofill: false, checked: false, default: false, defined: false, disabled: false,
  empty: false, enabled: false, 'first-child': false, 'first-of-type': false, focus: false, 'focus-visible': false,
  'focus-within': false, fullscreen: false, hover: false, 'in-range': false, indeterminate: false, invalid: false,
  'last-child': false, 'last-of-type': false, link: false, modal: false, 'only-child': false, 'only-of-type': false,
  open: false, optional: false, 'out-of-range': false, 'placeholder-shown': false, 'popover-open': false,
  'read-only': false, 'read-write': false, required: false, root: false, scope: false, target: false,
  'user-invalid': false, 'user-valid': false, valid: false, visited: false,
  has: true, is: true, not: true, where: true,
  'nth-child': 'nth', 'nth-last-child': 'nth', 'nth-of-type': 'nth', 'nth-last-of-type': 'nth',
  lang: 'text', dir: 'text',
};

const NTH = /^\s*(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)\s*$/i;

/** What is wrong with one parsed compound, or null. */
function tokenProblem(t: Selector): string | null {
  if (t.type === 'pseudo-element') return `::${t.name}`;
  if (t.type !== 'pseudo') return null;
  const kind = PSEUDO[t.name.toLowerCase()];
  if (kind === undefined) return `:${t.name}`;
  if (kind === false) return t.data === null ? null : `:${t.name}(…)`;
  if (kind === true) return Array.isArray(t.data) ? listProblem(t.data) : `:${t.name}`;
  if (typeof t.data !== 'string' || !t.data.trim()) return `:${t.name}`;
  return kind === 'nth' && !NTH.test(t.data.split(/\s+of\s+/i)[0] ?? '') ? `:${t.name}(${t.data})` : null;
}

function listProblem(list: Selector[][]): string | null {
  for (const compound of list) for (const t of compound) {
    const p = tokenProblem(t);
    if (p) return p;
  }
  return null;
}

/**
 * Null when `selector` compiles; otherwise the part that does not (for the message). An empty
 * selector is fine here (an optional field left out); required fields check their length themselves.
 */
export function selectorProblem(selector: string): string | null {
  if (!selector.trim()) return null;
  let list: Selector[][];
  try {
    list = parse(selector);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return listProblem(list);
}
