// Overlay DOM: one marker host per offending code outside host content with a closed shadow root, the
// test contract attributes, the card (what, why, fix, docs, ignore, mute) by keyboard, and the badge.
import { ContentScriptContext } from '../../content-scripts/context';
import { billFindings, markerSpecs, regionView } from '../../content-scripts/bridge';
import type { TrackedRegion } from '../../content-scripts/scanner';
import type { Finding } from '../../content-scripts/overlay/card';
import { Overlay } from '../../content-scripts/overlay/overlay';
import { $, setBody, captureShadowRoots } from './helpers/dom';

const STRINGS = {
  overlay_severity_error: 'Feil',
  overlay_severity_warning: 'Advarsel',
  overlay_severity_info: 'Til orientering',
  overlay_marker_label: '{severity} for takst {code} ({count} funn)',
  overlay_docs: 'Les mer om regelen',
  overlay_ignore_once: 'Ignorer denne gangen',
  overlay_rule_settings: 'Innstillinger for regelen',
  overlay_badge_muted_one: '1 regel dempet',
  overlay_badge_counts: '{error} feil, {warning} advarsler, {info} til orientering',
  overlay_badge_none: 'ingen funn',
  overlay_badge_unreadable: 'ikke kontrollert',
  overlay_merknad: 'merknad {id}',
  overlay_why: 'Hvorfor',
  overlay_fix: 'Slik retter du',
};

function finding(rule: string, severity: Finding['severity'], codes: string[], extra: Partial<Finding> = {}): Finding {
  return { rule, severity, codes, message: `${codes[0]} er feil`, key: rule, docs: `docs/rules/${rule}.md`, source: { merknad: 'A1' }, fix: 'Bytt takst', ...extra };
}

let ctx: ContentScriptContext;
let overlay: Overlay;
const actions = { ignoreOnce: jest.fn(), openRuleSettings: jest.fn(), openDocs: jest.fn() };
let roots: ShadowRoot[];

function hosts(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-takstvakt-code]'));
}

beforeEach(() => {
  roots = captureShadowRoots();
  setBody('<form id="f"><input id="a" aria-label="Takst" value="2ad 2cd"><input id="b" aria-label="Takst" value="701a"></form>');
  ctx = new ContentScriptContext(() => true);
  overlay = new Overlay(ctx, STRINGS, actions);
});

afterEach(() => {
  ctx.invalidate();
  jest.restoreAllMocks();
});

const lines = () => [
  { code: '2ad', count: 1, field: $('#a') },
  { code: '2cd', count: 1, field: $('#a') },
  { code: '701a', count: 1, field: $('#b') },
];

test('one marker per offending code, merging rules, with the test contract attributes', () => {
  const specs = markerSpecs(
    [finding('requires-companion', 'warning', ['2cd', '2ad']), finding('repetition-limit', 'error', ['2cd']), finding('unknown-code', 'error', ['701a'])],
    lines(),
  );
  overlay.setRegion('r1', specs, false);
  overlay.layout();
  const [m2cd, m701a] = hosts();
  expect(hosts()).toHaveLength(2);
  expect(m2cd!.getAttribute('data-takstvakt-code')).toBe('2cd');
  expect(m2cd!.getAttribute('data-takstvakt-rule')).toBe('requires-companion repetition-limit');
  expect(m2cd!.getAttribute('data-takstvakt-severity')).toBe('error');
  expect(m701a!.getAttribute('data-takstvakt-code')).toBe('701a');
});

test('hosts live outside host content, fixed, with a closed shadow root', () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'])], lines()), false);
  overlay.layout();
  const [host] = hosts();
  expect(host!.parentElement).toBe(document.documentElement);
  expect($('#f').contains(host!)).toBe(false);
  expect(host!.shadowRoot).toBeNull();
  expect(host!.style.getPropertyValue('position')).toBe('fixed');
});

/** A marker that goes is emptied at once and leaves the DOM after the next frame (retire()): a task here. */
const retired = () => new Promise((r) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(r, 1)) : setTimeout(r, 1)));

test('a marker goes when its finding goes; the badge counts follow', async () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad']), finding('x', 'warning', ['701a'])], lines()), false);
  overlay.layout();
  const badge = $('[data-takstvakt-badge]');
  expect(badge.getAttribute('data-takstvakt-state')).toBe('checked');
  expect(badge.getAttribute('data-takstvakt-errors')).toBe('1');
  expect(badge.getAttribute('data-takstvakt-warnings')).toBe('1');
  const gone = hosts().find((h) => h.getAttribute('data-takstvakt-code') === '2ad')!;
  overlay.setRegion('r1', markerSpecs([finding('x', 'warning', ['701a'])], lines()), false);
  overlay.layout();
  expect(roots.find((r) => r.host === gone)!.childNodes).toHaveLength(0);
  await retired();
  expect(hosts().map((h) => h.getAttribute('data-takstvakt-code'))).toEqual(['701a']);
  expect(badge.getAttribute('data-takstvakt-errors')).toBe('0');
});

test('an unreadable region shows "ikke kontrollert" on the badge', () => {
  overlay.setRegion('r2', [], true);
  overlay.layout();
  const badge = $('[data-takstvakt-badge]');
  expect(badge.getAttribute('data-takstvakt-state')).toBe('unreadable');
  const pill = roots.at(-1)!.querySelector('[role=status]')!;
  expect(pill.textContent).toContain('ikke kontrollert');
});

test('the card says what, why and how to fix; Enter opens it, Esc closes it and keeps the host dialog', () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'], { source: { merknad: 'A1', regulation: 'Helfo' } })], lines()), false);
  overlay.layout();
  const root = roots.find((r) => r.host.getAttribute('data-takstvakt-code') === '2ad')!;
  const button = root.querySelector('button.marker') as HTMLButtonElement;
  const card = root.querySelector('.card') as HTMLElement;
  expect(button.getAttribute('aria-label')).toBe('Feil for takst 2ad (1 funn)');
  expect(button.textContent).toContain('2ad');
  expect(card.hidden).toBe(true);
  // A script's click or hover opens nothing: only the doctor's own (trusted) click or Enter does.
  button.click();
  button.dispatchEvent(new MouseEvent('mouseenter'));
  button.dispatchEvent(new FocusEvent('focus'));
  expect(card.hidden).toBe(true);
  (overlay as unknown as { regions: Map<string, Map<string, { marker: { open(): void } }>> }).regions.get('r1')!.get('2ad')!.marker.open();
  expect(card.hidden).toBe(false);
  expect(card.textContent).toContain('2ad er feil');
  expect(card.textContent).toContain('Slik retter du: Bytt takst');
  expect(card.textContent).toContain('Hvorfor: merknad A1 · Helfo');
  const hostEsc = jest.fn();
  document.addEventListener('keydown', hostEsc);
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  expect(card.hidden).toBe(true);
  expect(hostEsc).not.toHaveBeenCalled();
  document.removeEventListener('keydown', hostEsc);
});

test('card actions ignore script-made clicks: the page cannot ignore, open docs or settings', () => {
  const f = finding('unknown-code', 'error', ['2ad']);
  overlay.setRegion('r1', markerSpecs([f], lines()), false);
  overlay.layout();
  const root = roots.find((r) => r.host.getAttribute('data-takstvakt-code') === '2ad')!;
  const byText = (t: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === t)!;
  byText('Les mer om regelen').click();
  byText('Ignorer denne gangen').click();
  byText('Innstillinger for regelen').click();
  expect(byText('Slå av regelen')).toBeUndefined();
  expect(actions.openDocs).not.toHaveBeenCalled();
  expect(actions.ignoreOnce).not.toHaveBeenCalled();
  expect(actions.openRuleSettings).not.toHaveBeenCalled();
});

test('hosts are built-in span elements (a page cannot define or subclass them); the badge says a rule is muted', () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'])], lines()), false);
  overlay.setStatus({ muted: 1 });
  overlay.layout();
  const [host] = hosts();
  expect(host!.tagName).toBe('SPAN');
  expect(host!.tagName.includes('-')).toBe(false);
  const badge = $('[data-takstvakt-badge]');
  expect(badge.tagName).toBe('SPAN');
  expect(badge.getAttribute('data-takstvakt-muted')).toBe('1');
  expect(roots.find((r) => r.host === badge)!.textContent).toContain('1 regel dempet');
});

test('a marker that goes changes nothing a page observer sees until it leaves the DOM, after the next frame', async () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad']), finding('x', 'warning', ['701a'])], lines()), false);
  overlay.layout();
  const gone = hosts().find((h) => h.getAttribute('data-takstvakt-code') === '2ad')!;
  // A web app's document observer: in Chromium, a record about a still-rendered host of ours cost a
  // full layout and paint of the page (bench: e2e.stress-edit-longtasks).
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  overlay.setRegion('r1', markerSpecs([finding('x', 'warning', ['701a'])], lines()), false);
  overlay.layout();
  const about = (records: MutationRecord[]) => records.filter((r) => r.target === gone || Array.from(r.removedNodes).includes(gone));
  await Promise.resolve();
  expect(about([...seen, ...observer.takeRecords()])).toEqual([]);
  expect(roots.find((r) => r.host === gone)!.childNodes).toHaveLength(0);
  await retired();
  expect(about([...seen, ...observer.takeRecords()]).map((r) => r.type)).toEqual(['childList']);
  expect(gone.isConnected).toBe(false);
  observer.disconnect();
});

test('the badge goes the same way when the last region goes, and stays when a region comes back before it left', async () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'])], lines()), false);
  overlay.layout();
  const badge = $('[data-takstvakt-badge]');
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  overlay.dropRegion('r1');
  overlay.layout();
  await Promise.resolve();
  expect(seen.filter((r) => r.target === badge || Array.from(r.removedNodes).includes(badge))).toEqual([]);
  expect(roots.find((r) => r.host === badge)!.querySelector('[role=status]')).toBeNull();
  await retired();
  expect(badge.isConnected).toBe(false);
  observer.disconnect();
  // Back before the frame: the pending removal is called off and the badge shows its counts again.
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'])], lines()), false);
  overlay.layout();
  overlay.dropRegion('r1');
  overlay.layout();
  overlay.setRegion('r2', markerSpecs([finding('x', 'warning', ['701a'])], lines()), false);
  overlay.layout();
  await retired();
  expect(badge.isConnected).toBe(true);
  expect(badge.getAttribute('data-takstvakt-warnings')).toBe('1');
  expect(roots.find((r) => r.host === badge)!.textContent).toContain('Takstvakt');
});

test('styles the page puts on a host are undone', async () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'])], lines()), false);
  overlay.layout();
  const [host] = hosts();
  host!.style.setProperty('opacity', '0', 'important');
  host!.classList.add('page-class');
  await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  expect(host!.style.getPropertyValue('opacity')).toBe('1');
  expect(host!.className).toBe('');
});

test('page text is shown as text, never parsed as markup', () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'], { message: '<img src=x onerror=alert(1)>' })], lines()), false);
  overlay.layout();
  const root = roots.find((r) => r.host.getAttribute('data-takstvakt-code') === '2ad')!;
  expect(root.querySelector('img')).toBeNull();
  expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
});

test('invalidation removes every marker and the badge', () => {
  overlay.setRegion('r1', markerSpecs([finding('unknown-code', 'error', ['2ad'])], lines()), false);
  overlay.layout();
  ctx.invalidate();
  expect(hosts()).toHaveLength(0);
  expect(document.querySelector('[data-takstvakt-badge]')).toBeNull();
});

test('findings about codes not on the page get no marker', () => {
  expect(markerSpecs([finding('requires-companion', 'warning', ['2ak'])], lines())).toEqual([]);
});

test('findings that name no code get the banner (contract attributes, one count each) and the diagnosis finding a marker on the diagnosis field', async () => {
  setBody('<form id="f"><input id="a" aria-label="Takst" value="2ad"><input id="d" aria-label="Diagnose" value=""></form>');
  const read = { lines: [{ code: '2ad', count: 1, field: $('#a') }], context: {}, unreadable: null };
  const region = { id: 'r1', el: $('#f'), plan: { fields: [], countsByCode: new Map(), context: [{ kind: 'diagnosis' as const, el: $('#d') }], unreadable: null }, read } as unknown as TrackedRegion;
  const found = [
    finding('unknown-code', 'warning', ['2ad']),
    { ...finding('diagnosis-required', 'error', []), message: 'Regningen har ingen diagnose', fix: 'Legg til en diagnose' },
    { ...finding('future-date', 'warning', []), message: 'Datoen er fram i tid' },
  ];
  expect(billFindings(found, read.lines).map((f) => f.rule)).toEqual(['diagnosis-required', 'future-date']);
  const { specs, bill } = regionView(found, region);
  overlay.setRegion('r1', specs, false, undefined, bill);
  overlay.layout();
  const banner = $('[data-takstvakt-banner]');
  expect(banner.getAttribute('data-takstvakt-rules')).toBe('diagnosis-required future-date');
  expect(banner.getAttribute('data-takstvakt-severity')).toBe('error');
  expect(banner.parentElement).toBe(document.documentElement);
  const list = roots.find((r) => r.host === banner)!.querySelector('ul')!;
  expect(Array.from(list.children, (li) => li.textContent)).toEqual(['Regningen har ingen diagnose Slik retter du: Legg til en diagnose', 'Datoen er fram i tid Slik retter du: Bytt takst']);
  const diag = $('[data-takstvakt-field="diagnosis"]');
  expect(diag.getAttribute('data-takstvakt-rule')).toBe('diagnosis-required');
  expect(hosts().map((h) => h.getAttribute('data-takstvakt-code'))).toEqual(['2ad']);
  // Each finding once: the 2ad marker (warning), the banner's two; the diagnosis marker repeats one.
  const badge = $('[data-takstvakt-badge]');
  expect([badge.getAttribute('data-takstvakt-errors'), badge.getAttribute('data-takstvakt-warnings')]).toEqual(['1', '2']);
  // Fixed bill: banner and diagnosis marker go.
  const next = regionView([found[0]!], region);
  overlay.setRegion('r1', next.specs, false, undefined, next.bill);
  overlay.layout();
  await retired();
  expect(document.querySelector('[data-takstvakt-banner]')).toBeNull();
  expect(document.querySelector('[data-takstvakt-field]')).toBeNull();
  expect(badge.getAttribute('data-takstvakt-errors')).toBe('0');
});
