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
