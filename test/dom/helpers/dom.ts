// Test pages built from markup through DOMParser (page-like, and no HTML string sinks).

export function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

export function $(selector: string, root: ParentNode = document): Element {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`no element for ${selector}`);
  return el;
}

/**
 * Records every shadow root attached from now on (closed ones too), so a test can look inside the
 * overlay's closed roots. Restored by jest.restoreAllMocks().
 */
export function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  jest.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const r = attach.call(this, init);
    roots.push(r);
    return r;
  });
  return roots;
}
