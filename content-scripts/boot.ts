// Boot script: registered in every frame of a granted EPJ origin (bundled to content.js). Most EPJ
// frames hold no bill, so this stays tiny: it watches the frame for the words a billing field carries
// (takst, takstkode, takster: the generic adapter's own words) and only then asks the background to
// inject the full script (content-main.js) into this frame. It reads no values and keeps nothing.
// Its two messages carry an empty payload and it reads no reply; the background parses them with the
// protocol's zod schemas like every other message (src/messages.ts: cs:boot, cs:activate).
import type { Envelope, Request } from '../src/messages';

type Runtime = { id?: string; sendMessage(message: unknown): Promise<unknown> };

/** Attributes through which the generic adapter associates a field with the word takst. */
const ATTR_SELECTOR = ['name', 'id', 'placeholder', 'aria-label', 'title', 'for']
  .map((a) => `[${a}*="takst" i]`)
  .join(',');
const WORD = /takst/i;

function runtime(): Runtime | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return g.browser?.runtime ?? g.chrome?.runtime;
}

/** True when `root` (a document, element or open shadow root) shows a takst word anywhere. */
export function mentionsTakst(root: ParentNode): boolean {
  // A Document's own textContent is null: read its root element's.
  const text = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement?.textContent : (root as Node).textContent;
  if (WORD.test(text ?? '')) return true;
  if (root.querySelector(ATTR_SELECTOR)) return true;
  // Host components keep their forms in open shadow roots, which textContent and selectors skip.
  for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot && mentionsTakst(el.shadowRoot)) return true;
  return false;
}

function post(rt: Runtime, type: 'cs:boot' | 'cs:activate'): void {
  const payload: Request<typeof type> = {};
  const message: Envelope = { type, payload };
  // A reload of the extension under the page makes this reject: then there is nothing left to do.
  rt.sendMessage(message).catch(() => undefined);
}

/** Watches `doc` until it mentions takst (now or after any later change), then calls `activate` once. */
export function watchForBill(doc: Document, activate: () => void): () => void {
  let done = false;
  const observed = new WeakSet<Node>();
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const target = r.target;
      const hit =
        r.type === 'characterData'
          ? WORD.test(target.textContent ?? '')
          : r.type === 'attributes'
            ? target instanceof Element && target.matches(ATTR_SELECTOR)
            : Array.from(r.addedNodes).some((n) => (n.nodeType === 3 ? WORD.test(n.textContent ?? '') : n instanceof Element && (n.matches(ATTR_SELECTOR) || watchShadows(n) || mentionsTakst(n))));
      if (hit) return finish();
    }
  });
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['name', 'id', 'placeholder', 'aria-label', 'title', 'for'] };
  /** Observes open shadow roots under `el` too (their changes do not reach a document observer). */
  function watchShadows(el: Element): boolean {
    for (const host of [el, ...Array.from(el.querySelectorAll('*'))]) {
      if (host.shadowRoot && !observed.has(host.shadowRoot)) {
        observed.add(host.shadowRoot);
        observer.observe(host.shadowRoot, options);
      }
    }
    return false;
  }
  function finish(): void {
    if (done) return;
    done = true;
    observer.disconnect();
    activate();
  }
  if (mentionsTakst(doc)) finish();
  else {
    observer.observe(doc, options);
    if (doc.documentElement) watchShadows(doc.documentElement);
  }
  return () => {
    done = true;
    observer.disconnect();
  };
}

function boot(): void {
  const rt = runtime();
  if (!rt?.id) return;
  if (document.documentElement?.closest('[data-takstvakt="off"]')) return;
  // The background injects the full script at once when the clinic wrote selectors for this site.
  post(rt, 'cs:boot');
  watchForBill(document, () => {
    // Extension reloaded meanwhile: this copy is orphaned and must not knock.
    if (runtime()?.id) post(rt, 'cs:activate');
  });
}

try {
  boot();
} catch {
  // Never throw into the page.
}
