// Where markers sit: boxes of host elements, gaps between boxes, host content a marker covers, and
// the check that every marker sits beside its field (shared by the Chromium and Firefox screen suites).
import type { Doc, Evaluator } from './driver';
import { markers, normCode, type MarkerInfo } from './probes';
import { allEntries, type MarkerExpectation } from './screens';

export interface Box { left: number; top: number; right: number; bottom: number }

/** Gap in px between two boxes (0 when they touch or overlap). */
export function boxGap(a: Box, b: Box): { dx: number; dy: number } {
  return {
    dx: Math.max(0, a.left - b.right, b.left - a.right),
    dy: Math.max(0, a.top - b.bottom, b.top - a.bottom),
  };
}

/** Viewport boxes of every element matching the selectors (open shadow roots pierced). */
export async function boxesOf(scope: Evaluator, selectors: string | string[]): Promise<Box[]> {
  // One round trip for all selectors: the stress screen has 4,000 fields.
  return (scope as Doc).evaluate((sels: string[]) => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (let i = 0; i < roots.length; i++) for (const el of Array.from(roots[i]!.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
    return sels.flatMap((sel) =>
      roots.flatMap((root) =>
        Array.from(root.querySelectorAll(sel)).map((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      ),
    );
  }, Array.isArray(selectors) ? selectors : [selectors]);
}

/**
 * Host content a box covers that the spec forbids covering: the text of the marked field itself
 * (`own`), text in buttons, links and labels, and form controls other than the marked field (which
 * may be touched at its edge). With `anyText`, every visible text run counts (stricter than the spec).
 */
export async function coveredHostContent(scope: Evaluator, box: Box, own: string[], anyText = false): Promise<string[]> {
  return (scope as Doc).evaluate(
    ({ box, own, anyText }) => {
      const hits: string[] = [];
      const overlaps = (r: DOMRect) => r.width > 0 && r.height > 0 && r.left < box.right - 1 && r.right > box.left + 1 && r.top < box.bottom - 1 && r.bottom > box.top + 1;
      const ours = (n: Node | null) => !!(n instanceof Element ? n : n?.parentElement)?.closest('[data-takstvakt-code],[data-takstvakt-badge],[data-takstvakt-banner],[data-takstvakt-field]');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim();
        if (!text || ours(n)) continue;
        const parent = n.parentElement;
        if (!parent || parent.closest('option, select, script, style') || getComputedStyle(parent).visibility === 'hidden') continue;
        const protectedText = own.some((sel) => !!parent.closest(sel)) || !!parent.closest('button, a, label, [role=button], [role=option], summary');
        if (!anyText && !protectedText) continue;
        range.selectNodeContents(n);
        if (Array.from(range.getClientRects()).some(overlaps)) hits.push(`text "${text.slice(0, 30)}"`);
      }
      for (const el of Array.from(document.querySelectorAll('input, select, textarea, button, [contenteditable=true]'))) {
        if (ours(el) || own.some((sel) => el.matches(sel) || !!el.closest(sel))) continue;
        if (overlaps(el.getBoundingClientRect())) hits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${el.getAttribute('aria-label') ?? el.getAttribute('name') ?? ''}]`);
      }
      return hits;
    },
    { box, own, anyText },
  );
}

/** How far a marker may sit from its field (px): beside it, not somewhere else on the page. */
const MAX_GAP_X = 48;
const MAX_GAP_Y = 16;

/**
 * Each marker must sit beside (within MAX_GAP of) a field that holds its code, or beside another
 * marker of the same field (several codes in one field stack up), have a box, be the topmost
 * element at its own centre (not hidden under a dialog), and cover no host text or other control.
 */
export async function expectMarkersBesideFields(scope: Evaluator, s: MarkerExpectation): Promise<void> {
  const entries = allEntries(s);
  const deadline = Date.now() + 3000;
  let problems: string[] = [];
  // Polled: the overlay positions on the next frame after scroll or re-render.
  for (;;) {
    problems = [];
    const seen = await markers(scope);
    const pending: Array<{ m: MarkerInfo; near: string; anchors: Box[] }> = [];
    for (const m of seen) {
      const entry = entries.find((e) => normCode(e.code) === normCode(m.code) && m.rules.some((r) => e.rules.includes(r)));
      if (!entry) continue; // compareMarkers already reports unexpected ones.
      if (m.rect.width <= 0 || m.rect.height <= 0) problems.push(`${m.code}: marker has no box (${JSON.stringify(m.rect)})`);
      if (!['error', 'warning', 'info'].includes(m.severity)) problems.push(`${m.code}: severity "${m.severity}"`);
      if (m.inHostContent) problems.push(`${m.code}: marker host is inserted into host content`);
      else if (!(await isTopmost(scope, m))) problems.push(`${m.code}: marker is covered by another element at its centre`);
      const own = Array.isArray(entry.near) ? entry.near : [entry.near];
      const covered = await coveredHostContent(scope, m.rect, own);
      if (covered.length) problems.push(`${m.code}: marker covers host content: ${covered.join(', ')}`);
      pending.push({ m, near: JSON.stringify(entry.near), anchors: await boxesOf(scope, entry.near) });
    }
    // Fixpoint: a marker next to a field, or next to an accepted marker of the same field, is beside it.
    const isBeside = (a: Box, b: Box) => {
      const g = boxGap(a, b);
      return g.dx <= MAX_GAP_X && g.dy <= MAX_GAP_Y;
    };
    let changed = true;
    const accepted: typeof pending = [];
    while (changed) {
      changed = false;
      for (const p of pending.filter((x) => !accepted.includes(x))) {
        const stack = accepted.filter((a) => a.near === p.near).map((a) => a.m.rect);
        if ([...p.anchors, ...stack].some((b) => isBeside(p.m.rect, b))) {
          accepted.push(p);
          changed = true;
        }
      }
    }
    for (const p of pending.filter((x) => !accepted.includes(x))) {
      const gaps = p.anchors.map((f) => boxGap(p.m.rect, f));
      problems.push(`${p.m.code}: marker ${JSON.stringify(p.m.rect)} is not beside ${p.near} (gaps ${JSON.stringify(gaps)})`);
    }
    if (problems.length === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(problems).toEqual([]);
}

export async function isTopmost(scope: Evaluator, m: MarkerInfo): Promise<boolean> {
  const x = m.rect.left + m.rect.width / 2;
  const y = m.rect.top + m.rect.height / 2;
  return (scope as Doc).evaluate(
    ({ x, y, code }: { x: number; y: number; code: string }) => {
      const hit = document.elementFromPoint(x, y);
      const host = hit?.closest('[data-takstvakt-code]');
      return !!host && host.getAttribute('data-takstvakt-code') === code;
    },
    { x, y, code: m.code },
  );
}
