// Small DOM helpers that work across open shadow roots.

/** The next ancestor, stepping from a shadow root to its host. */
export function parentAcross(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** `closest` that continues through shadow hosts. */
export function closestAcross(el: Element, selector: string): Element | null {
  for (let cur: Element | null = el; cur; ) {
    const hit = cur.closest(selector);
    if (hit) return hit;
    const root = cur.getRootNode();
    cur = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Host opt-out: `data-takstvakt="off"` on the element or any ancestor (also across shadow hosts). */
export function optedOut(el: Element): boolean {
  return closestAcross(el, '[data-takstvakt="off"]') !== null;
}

/**
 * Open shadow roots at or below `root` (host components). The subtrees of `skip` are not walked (the
 * boot script's reference tables: 500 rows were most of its start-up on a lookup page).
 */
export function shadowRootsUnder(root: Node, skip?: ReadonlySet<Element>): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const visit = (r: Node): void => {
    const walker = doc.createTreeWalker(r, 1 /* SHOW_ELEMENT */);
    const past = (): Node | null => {
      for (;;) {
        const next = walker.nextSibling();
        if (next) return next;
        if (!walker.parentNode()) return null;
      }
    };
    for (let n: Node | null = r; n; ) {
      if (n !== r && skip?.has(n as Element)) {
        n = past();
        continue;
      }
      const sr = (n as Element).shadowRoot;
      if (sr) {
        out.push(sr);
        visit(sr);
      }
      n = walker.nextNode();
    }
  };
  visit(root);
  return out;
}

/**
 * `<label for>` elements of one tree scope by their `for`, built once per task: the page can change its
 * labels only between our tasks. (The browser's own `el.labels` walks the whole tree scope for every
 * control whenever the DOM has changed: 0.3 ms per field on a 12,000-element page.)
 */
let forLabels: WeakMap<Node, Map<string, HTMLLabelElement[]>> | null = null;

function labelsByFor(root: Document | ShadowRoot): Map<string, HTMLLabelElement[]> {
  if (!forLabels) {
    forLabels = new WeakMap();
    queueMicrotask(() => (forLabels = null));
  }
  let map = forLabels.get(root);
  if (!map) {
    map = new Map();
    for (const l of Array.from(root.querySelectorAll<HTMLLabelElement>('label[for]'))) {
      const list = map.get(l.htmlFor);
      if (list) list.push(l);
      else map.set(l.htmlFor, [l]);
    }
    forLabels.set(root, map);
  }
  return map;
}

/**
 * The labels of a labelable control, as `el.labels` gives them (every label whose `control` it is, in
 * tree order), from its `for` labels and its wrapping labels only. Null for elements that have no
 * labels (not labelable, or a hidden input), as `el.labels` is.
 */
export function controlLabels(el: Element): HTMLLabelElement[] | null {
  if (!('labels' in el) || (el instanceof HTMLInputElement && el.type === 'hidden')) return null;
  const out: HTMLLabelElement[] = [];
  const root = el.getRootNode();
  if (el.id && (root instanceof Document || root instanceof ShadowRoot)) for (const l of labelsByFor(root).get(el.id) ?? []) if (l.control === el) out.push(l);
  // A wrapping label names its first labelable descendant, and only when it has no `for` of its own.
  for (let a = el.parentElement?.closest('label'); a; a = a.parentElement?.closest('label')) if (!a.hasAttribute('for') && a.control === el) out.push(a);
  return out.length > 1 ? out.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)) : out;
}

/** `querySelectorAll` that also looks inside the open shadow root of `scope` itself (a component region). */
export function queryAll(scope: ParentNode, selector: string): Element[] {
  const out = Array.from(scope.querySelectorAll(selector));
  const sr = scope instanceof Element ? scope.shadowRoot : null;
  if (sr) out.push(...sr.querySelectorAll(selector));
  return out;
}

/**
 * Text of `el` with element boundaries as spaces, leaving out elements matching `skip`; elements in
 * `inline` (formatting such as <b>) split no words.
 */
export function textWithout(el: Element, skip: string, inline: ReadonlySet<string> = new Set()): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !(c as Element).matches(skip)) {
        const sep = inline.has((c as Element).tagName) ? '' : ' ';
        out += sep;
        walk(c);
        out += sep;
      }
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}
