// The finding card a marker opens: what is wrong, why (merknad/regulation), how to fix it, the rule's
// docs, "ignore this once" and a link to the rule's settings (muting is confirmed there, in the
// extension's own page, never from a page's card). Built from DOM nodes and textContent only.
import type { Response } from '../../src/messages';
import { tr, type Strings } from './strings';

export type Finding = Response<'cs:check-bill'>['report']['findings'][number];

/**
 * What a card can ask for. The overlay calls these only for a trusted click on a card the doctor can
 * see (Marker.guard); the content script turns them into `cs:` messages.
 */
export interface FindingActions {
  /** `regionId` is the bill the marker belongs to (the overlay binds it). */
  ignoreOnce(finding: Finding, regionId: string): void;
  /** Opens the rule's settings (severity, mute with confirmation and undo) in the extension's page. */
  openRuleSettings(rule: string): void;
  openDocs(rule: string): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A card button; `onClick` gets the event so the marker can check it is the doctor's own click. */
function button(text: string, onClick: (e: MouseEvent) => void, signal: AbortSignal): HTMLButtonElement {
  const b = el('button', 'action', text);
  b.type = 'button';
  b.addEventListener('click', (e) => onClick(e), { signal });
  return b;
}

/** Actions of one marker, with its region already bound. */
export type RegionActions = { ignoreOnce(finding: Finding): void } & Omit<FindingActions, 'ignoreOnce'>;

/** Why: the merknad and/or regulation the finding rests on. */
function sourceText(strings: Strings, f: Finding): string {
  const parts: string[] = [];
  if (f.source.merknad) parts.push(tr(strings, 'merknad', { id: f.source.merknad }));
  if (f.source.regulation) parts.push(f.source.regulation);
  return parts.join(' · ');
}

/**
 * Fills `card` with one section per finding. `guard(e, act)` runs `act` only for a click the doctor
 * really made on the visible card; `close` closes it.
 */
export function fillCard(
  card: HTMLElement,
  code: string,
  findings: readonly Finding[],
  strings: Strings,
  actions: RegionActions,
  signal: AbortSignal,
  guard: (e: MouseEvent, act: () => void) => void,
  close: () => void,
  titleText = tr(strings, 'card_title', { code }),
): void {
  const title = el('p', 'visually-hidden', titleText);
  const closeBtn = button('×', close, signal);
  closeBtn.classList.add('close');
  closeBtn.setAttribute('aria-label', tr(strings, 'close'));
  const sections = findings.map((f) => {
    const s = el('div', 'finding');
    s.append(el('p', `finding-head ${f.severity}`, `${tr(strings, `severity_${f.severity}`)} · ${code}`), el('p', '', f.message));
    if (f.fix) s.append(el('p', '', `${tr(strings, 'fix')}: ${f.fix}`));
    const why = sourceText(strings, f);
    if (why) s.append(el('p', '', `${tr(strings, 'why')}: ${why}`));
    const row = el('div', 'actions');
    row.append(
      button(tr(strings, 'docs'), (e) => guard(e, () => actions.openDocs(f.rule)), signal),
      button(tr(strings, 'ignore_once'), (e) => guard(e, () => actions.ignoreOnce(f)), signal),
      button(tr(strings, 'rule_settings'), (e) => guard(e, () => actions.openRuleSettings(f.rule)), signal),
    );
    s.append(row);
    return s;
  });
  card.replaceChildren(closeBtn, title, ...sections);
}
