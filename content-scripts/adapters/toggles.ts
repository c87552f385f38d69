// Toggle buttons: which of a group of code buttons are selected. Real apps mark it with ARIA
// (aria-pressed/selected/checked), a data-state, a checked input inside, or only with a class.
// Only-a-class is read when one class marks a minority of the siblings consistently; a state the
// page shows but we cannot tell (inline styles differ) is reported as unreadable, never as "none".

/** Class names that say "selected" in the libraries and EPJs we know of (bokmål too). */
const SELECTED_CLASS = /(?:^|[-_])(?:selected|active|checked|pressed|chosen|valgt|aktiv|on)(?:$|[-_])/i;
const STATE_ATTRS = ['aria-pressed', 'aria-selected', 'aria-checked', 'data-state', 'data-selected', 'data-active'];
const ON = /^(?:true|on|checked|active|selected|1)$/i;

export const TOGGLES = 'button,[role=button],[role=switch],[role=checkbox]';

export type ToggleState = { selected: Element[] } | { unreadable: 'toggle-state-unknown' };

function explicit(el: Element): boolean | null {
  for (const a of STATE_ATTRS) {
    const v = el.getAttribute(a);
    if (v !== null) return ON.test(v);
  }
  const box = el.querySelector('input[type=checkbox],input[type=radio]');
  return box ? (box as HTMLInputElement).checked : null;
}

/** Selected buttons among `buttons` (siblings of one group, each showing a code). */
export function selectedToggles(buttons: Element[]): ToggleState {
  const states = buttons.map(explicit);
  if (states.some((s) => s !== null)) return { selected: buttons.filter((_, i) => states[i] === true) };
  const classes = buttons.map((b) => new Set(Array.from(b.classList)));
  const shared = [...classes[0]!].filter((c) => classes.every((s) => s.has(c)));
  const differing = new Map<string, Element[]>();
  classes.forEach((set, i) => {
    for (const c of set) if (!shared.includes(c)) differing.set(c, [...(differing.get(c) ?? []), buttons[i]!]);
  });
  const named = [...differing.keys()].filter((c) => SELECTED_CLASS.test(c));
  if (named.length) return { selected: buttons.filter((b) => named.some((c) => b.classList.contains(c))) };
  // Without a telling name: the differing classes must split the buttons one way only (a class and
  // its opposite, `bg-blue-600` / `bg-white`), and the selected side is the smaller one.
  if (differing.size) {
    const key = (els: Element[]) => buttons.map((b) => (els.includes(b) ? '1' : '0')).join('');
    const flip = (k: string) => k.replace(/[01]/g, (c) => (c === '1' ? '0' : '1'));
    const splits = new Set<string>();
    for (const els of differing.values()) {
      const k = key(els);
      splits.add(k.startsWith('1') ? k : flip(k));
    }
    if (splits.size !== 1) return { unreadable: 'toggle-state-unknown' };
    const k = [...splits][0]!;
    const ones = buttons.filter((_, i) => k[i] === '1');
    const zeros = buttons.filter((_, i) => k[i] === '0');
    if (ones.length === zeros.length) return { unreadable: 'toggle-state-unknown' };
    return { selected: ones.length < zeros.length ? ones : zeros };
  }
  // Same classes everywhere: a bar of unpressed buttons, unless their inline styles tell them apart.
  const styles = new Set(buttons.map((b) => b.getAttribute('style') ?? ''));
  return styles.size > 1 ? { unreadable: 'toggle-state-unknown' } : { selected: [] };
}
