// Boot script: registered in every frame of a granted EPJ origin (bundled to content.js). Most EPJ
// frames hold no bill, so this stays tiny: it watches the frame for the words a billing field carries
// (takst, takstkode, takster: the generic adapter's own words) and only then asks the background to
// inject the full script (content-main.js) into this frame. It reads no values and keeps nothing.
// Its two messages carry an empty payload and it reads no reply; the background parses them with the
// protocol's zod schemas like every other message (src/messages.ts: cs:boot, cs:activate).
import type { Envelope, Request } from '../src/messages';
import { shadowRootsUnder } from './adapters/dom';
import { genericAdapter, lookupAtGlance } from './adapters/generic';
import { insideKnownReference, newPass, TABLES } from './adapters/tables';
import { NAME_ATTRS, TAKST_RE } from './adapters/words';

type Runtime = { id?: string; sendMessage(message: unknown): Promise<unknown> };

/** The adapter's own naming attributes, plus a label's `for` (the field it names may come later). */
const ATTRS: readonly string[] = [...NAME_ATTRS, 'for'];
const ATTR_SELECTOR = ATTRS.map((a) => `[${a}*="takst" i]`).join(',');
// The same words as the generic adapter, so the two cannot drift (our own name, Takstvakt, is not one).
const WORD = TAKST_RE;

function runtime(): Runtime | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return g.browser?.runtime ?? g.chrome?.runtime;
}

/**
 * True when `root` (a document, element or open shadow root) shows a takst word anywhere. Open shadow
 * roots met on the way are handed to `onShadow` (one walk serves both the test and the watch).
 */
export function mentionsTakst(root: ParentNode, onShadow?: (shadow: ShadowRoot) => void): boolean {
  // A Document's own textContent is null: read its root element's.
  const text = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement?.textContent : (root as Node).textContent;
  if (WORD.test(text ?? '')) return true;
  if (root instanceof Element && root.matches(ATTR_SELECTOR)) return true;
  if (root.querySelector(ATTR_SELECTOR)) return true;
  // Host components keep their forms in open shadow roots, which textContent and selectors skip.
  const shadows: ShadowRoot[] = [];
  if (root instanceof Element && root.shadowRoot) shadows.push(root.shadowRoot);
  for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) shadows.push(el.shadowRoot);
  for (const shadow of shadows) {
    onShadow?.(shadow);
    if (mentionsTakst(shadow, onShadow)) return true;
  }
  return false;
}

function post(rt: Runtime, type: 'cs:boot' | 'cs:activate'): void {
  const payload: Request<typeof type> = {};
  const message: Envelope = { type, payload };
  // A reload of the extension under the page makes this reject: then there is nothing left to do.
  rt.sendMessage(message).catch(() => undefined);
}

/**
 * A lookup page: takst words everywhere (a reference table of takster, "Takstkode" filter fields) and
 * no bill. The full script would find no region there and only cost the page its start-up (most of
 * 30 ms on a 500-row lookup). Asked only when the page shows a reference table, and answered by the
 * generic adapter's own region search, so the two cannot disagree; every other page activates as before.
 * Returns the page's reference tables when it is a lookup page, else none.
 */
export function lookupTables(doc: Document): Element[] {
  newPass();
  const { reference, lookup } = lookupAtGlance(doc);
  if (reference.length === 0) return [];
  if (!lookup && genericAdapter.regions(doc).length > 0) return [];
  // A reference table is never a bill: its rows are not walked for shadow roots.
  for (const scope of shadowRootsUnder(doc, new Set(reference))) if (genericAdapter.regions(scope).length > 0) return [];
  return reference;
}

/** The tables a lookup found to be reference tables, still on the page. */
function knownReferenceTables(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(TABLES)).filter(insideKnownReference);
}

/**
 * Watches `doc` until it mentions takst (now or after any later change), then calls `activate` once.
 * `heldBy` (lookupTables) may hold activation back while it names reference tables; then only elements
 * added outside them are news (see narrow()).
 */
export function watchForBill(doc: Document, activate: () => void, heldBy: (doc: Document) => readonly Element[] = () => []): () => void {
  let done = false;
  let held = false;
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const observed = new WeakSet<Node>();
  const shadows: ShadowRoot[] = [];
  /** While held: the reference tables and their ancestors (see narrow()). */
  let chain: Set<Element> | null = null;
  const observer = new MutationObserver((records) => {
    // Children added to or removed from an ancestor of a reference table: observe the new ones too.
    if (chain && records.some((r) => r.type === 'childList' && chain?.has(r.target as Element))) narrow(knownReferenceTables(doc));
    for (const r of records) {
      const target = r.target;
      // Cheapest tests first.
      if (r.type === 'childList' && r.addedNodes.length === 0) continue;
      if (r.type === 'characterData' && !WORD.test(target.textContent ?? '')) continue;
      if (r.type === 'attributes') {
        if (!(target instanceof Element) || !target.matches(ATTR_SELECTOR)) continue;
        return finish();
      }
      const hit =
        r.type === 'characterData' ||
        Array.from(r.addedNodes).some((n) => (n.nodeType === 3 ? WORD.test(n.textContent ?? '') : n instanceof Element && mentionsTakst(n, watchShadow)));
      if (hit) return finish();
    }
  });
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...ATTRS] };
  /** While held, a bill can only arrive as new elements (a dialog, a route): text and names are not watched. */
  const added: MutationObserverInit = { childList: true, subtree: true };
  /** Open shadow roots are observed too: their changes do not reach a document observer. */
  function watchShadow(shadow: ShadowRoot): void {
    if (observed.has(shadow)) return;
    observed.add(shadow);
    shadows.push(shadow);
    observer.observe(shadow, held ? added : options);
  }
  /**
   * While held, everything but the reference tables is observed for added elements only: each ancestor
   * of a table for its own children, each other child of an ancestor with its whole subtree. A lookup's
   * filter fields change text, values and React's `name` on every keystroke and its table re-renders
   * its rows; none of that reaches this script then.
   */
  function narrow(tables: readonly Element[]): void {
    if (tables.length === 0) return;
    const next = new Set<Element>();
    for (const t of tables) for (let a: Element | null = t; a && !next.has(a); a = a.parentElement) next.add(a);
    observer.disconnect();
    chain = next;
    for (const a of next) {
      if (tables.includes(a)) continue;
      observer.observe(a, { childList: true });
      for (const c of Array.from(a.children)) if (!next.has(c)) observer.observe(c, added);
    }
    for (const shadow of shadows) observer.observe(shadow, added);
  }
  function finish(): void {
    if (done) return;
    if (held) {
      // A burst of changes (a dialog rendering) is one look, a moment later.
      recheck ??= setTimeout(() => {
        recheck = undefined;
        if (done) return;
        const tables = heldBy(doc);
        if (tables.length > 0) narrow(tables);
        else open();
      }, 50);
      return;
    }
    const tables = heldBy(doc);
    if (tables.length > 0) {
      held = true;
      narrow(tables);
      return;
    }
    open();
  }
  function open(): void {
    done = true;
    observer.disconnect();
    activate();
  }
  observer.observe(doc, options);
  if (mentionsTakst(doc, watchShadow)) finish();
  return () => {
    done = true;
    clearTimeout(recheck);
    observer.disconnect();
  };
}

/** Set on this extension's own global (the page cannot see or set it): one boot per frame and world. */
const BOOTED = '__takstvaktBooted';

function boot(): void {
  const rt = runtime();
  if (!rt?.id) return;
  // The background may inject this script into a tab that already has it (registered script + open-tab
  // injection): the first copy keeps watching.
  const g = globalThis as { [BOOTED]?: boolean };
  if (g[BOOTED]) return;
  g[BOOTED] = true;
  if (document.documentElement?.closest('[data-takstvakt="off"]')) return;
  // The background injects the full script at once when the clinic wrote selectors for this site.
  post(rt, 'cs:boot');
  watchForBill(
    document,
    () => {
      // Extension reloaded meanwhile: this copy is orphaned and must not knock.
      if (runtime()?.id) post(rt, 'cs:activate');
    },
    lookupTables,
  );
}

try {
  boot();
} catch {
  // Never throw into the page.
}
