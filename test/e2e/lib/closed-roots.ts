// Looking into the closed shadow roots of our hosts from a test, in Chromium: the page cannot reach
// them (that is the point), but DevTools can (DOM.getDocument with pierce lists closed roots too).
// The function runs in the page's main world with the closed root as its argument.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** Calls `fn(root)` in the page for the closed shadow root of each host carrying `attribute`, in document order. */
export async function inClosedRoots<R>(page: Page, attribute: string, fn: string): Promise<R[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const roots: number[] = [];
    const visit = (n: CdpNode) => {
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === attribute && n.shadowRoots?.[0]) roots.push(n.shadowRoots[0].backendNodeId);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) visit(c);
    };
    visit(root);
    const out: R[] = [];
    for (const backendNodeId of roots) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
      const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true, awaitPromise: true })) as {
        result: { value: R };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (exceptionDetails) throw new Error(`in closed root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      out.push(result.value);
    }
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core over the UI inside the closed root of each host carrying `attribute`. axe cannot enter a
 * closed root, so the root's content is copied, with the same adopted stylesheet and at the same place
 * (the host's own inline style), into an open root of a new host, and axe runs on that copy (colour
 * contrast against what lies under it included). The copy is removed afterwards.
 */
export async function axeInClosedRoots(page: Page, attribute: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const copy = `function () {
    const host = this.host;
    const twin = document.createElement('span');
    twin.setAttribute('style', host.getAttribute('style') || '');
    twin.setAttribute('data-axe-copy', '');
    const open = twin.attachShadow({ mode: 'open' });
    try { open.adoptedStyleSheets = [...this.adoptedStyleSheets]; } catch (e) {}
    for (const n of this.childNodes) open.append(n.cloneNode(true));
    host.after(twin);
    return true;
  }`;
  await inClosedRoots(page, attribute, copy);
  try {
    return await page.evaluate(async () => {
      const w = window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } };
      const r = await w.axe.run({ include: [['[data-axe-copy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
    });
  } finally {
    await page.evaluate(() => document.querySelectorAll('[data-axe-copy]').forEach((e) => e.remove()));
  }
}
