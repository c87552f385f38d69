// Probes of the content-script test contract: the marker hosts (data-takstvakt-code/-rule/-severity),
// the page badge (data-takstvakt-badge/-state) and the host page's own field values, read in any
// document through Evaluator (Playwright or Puppeteer alike), and the comparison with expected.json.
import type { Doc, Evaluator } from './driver';
import type { ExpectedMarker, MarkerExpectation } from './screens';

export interface MarkerInfo {
  code: string;
  rules: string[];
  severity: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  /** True when the marker host sits inside host content (a form, label, cell, list item or editable), where it would be saved or shift layout. */
  inHostContent: boolean;
}

export interface BadgeInfo {
  state: string | null;
  text: string;
}

/**
 * Every marker host in the document (light DOM, dialogs and open shadow roots included), with its
 * rule ids split and its box in viewport coordinates of that document.
 */
export async function markers(scope: Evaluator): Promise<MarkerInfo[]> {
  return (scope as Doc).evaluate(() => {
    const out: Array<{ code: string; rules: string[]; severity: string; rect: { left: number; top: number; right: number; bottom: number; width: number; height: number }; inHostContent: boolean }> = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('[data-takstvakt-code]'))) {
        const r = el.getBoundingClientRect();
        out.push({
          code: el.getAttribute('data-takstvakt-code') ?? '',
          rules: (el.getAttribute('data-takstvakt-rule') ?? '').split(/\s+/).filter(Boolean),
          severity: el.getAttribute('data-takstvakt-severity') ?? '',
          rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
          inHostContent: !!el.parentElement?.closest('form, label, td, th, li, [contenteditable=true], [role=textbox], [role=combobox]'),
        });
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  });
}

/** The page badge hosts (`data-takstvakt-badge`) with their state. */
export async function badges(scope: Evaluator): Promise<BadgeInfo[]> {
  return (scope as Doc).evaluate(() =>
    Array.from(document.querySelectorAll('[data-takstvakt-badge]')).map((el) => ({
      state: el.getAttribute('data-takstvakt-state'),
      text: (el.textContent ?? '').trim(),
    })),
  );
}

/** Canonical form for comparing codes: the core matches codes case- and space-insensitively. */
export function normCode(code: string): string {
  return code.replace(/\s+/g, '').toLowerCase();
}

/** Sorted `code:rule` keys of the markers, for readable equality assertions. */
export function markerKeys(list: MarkerInfo[]): string[] {
  return list.flatMap((m) => (m.rules.length ? m.rules : ['?']).map((r) => `${normCode(m.code)}:${r}`)).sort();
}

/**
 * Polls until `predicate(markers)` holds, returning the last markers seen. Throws with what was
 * seen when it times out, so a failing test says "expected X, got Y".
 */
export async function waitForMarkers(
  scope: Evaluator,
  predicate: (list: MarkerInfo[]) => boolean,
  { timeout = 10_000, interval = 50, what = 'markers' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<MarkerInfo[]> {
  const until = Date.now() + timeout;
  let last: MarkerInfo[] = [];
  for (;;) {
    last = await markers(scope);
    if (predicate(last)) return last;
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(markerKeys(last))}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

const key = (m: { code: string; rule: string }) => `${normCode(m.code)}:${m.rule}`;
const keysOf = (list: ExpectedMarker[]) => list.flatMap((m) => m.rules.map((rule) => key({ code: m.code, rule })));

/** Compares markers with an expectation; an empty `problems` list means they match. */
export function compareMarkers(seen: MarkerInfo[], want: MarkerExpectation): { problems: string[]; seen: string[] } {
  const got = new Set(markerKeys(seen));
  const required = keysOf(want.markers);
  const groups = (want.anyOf ?? []).map(keysOf);
  const allowed = new Set([...required, ...groups.flat(), ...keysOf(want.optional ?? [])]);
  const problems: string[] = [];
  for (const k of required) if (!got.has(k)) problems.push(`missing ${k}`);
  for (const g of groups) if (!g.some((k) => got.has(k))) problems.push(`missing one of ${g.join(' | ')}`);
  for (const k of got) if (!allowed.has(k)) problems.push(`unexpected ${k}`);
  return { problems, seen: [...got].sort() };
}

/** Waits until the markers match the expectation; throws "expected ..., got ..." otherwise. */
export async function expectMarkers(scope: Evaluator, want: MarkerExpectation, timeout = 20_000): Promise<MarkerInfo[]> {
  let last: ReturnType<typeof compareMarkers> = { problems: [], seen: [] };
  try {
    return await waitForMarkers(
      scope,
      (list) => {
        last = compareMarkers(list, want);
        return last.problems.length === 0;
      },
      { timeout, what: 'the expected markers' },
    );
  } catch {
    throw new Error(`markers do not match: ${last.problems.join('; ')} (seen: ${JSON.stringify(last.seen)})`);
  }
}

/** Every input, select, textarea value, checkbox state and contenteditable text of a document. */
export async function hostFieldState(scope: Evaluator): Promise<string[]> {
  return (scope as Doc).evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('input, select, textarea, [contenteditable=true]'))) {
        if (el instanceof HTMLInputElement) out.push(`${el.name || el.id || el.getAttribute('aria-label')}=${el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value}`);
        else if (el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) out.push(`${el.name || el.id}=${el.value}`);
        else out.push(`${el.id}=${el.textContent}`);
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  });
}
