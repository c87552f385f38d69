// Styles of the overlay's shadow roots. A constructed stylesheet is shared by every marker and is not
// subject to the page's style-src CSP (a strict page blocks inline <style>, not adopted sheets).

const CSS = `
.marker{pointer-events:auto;box-sizing:border-box;display:inline-flex;align-items:center;gap:3px;height:18px;margin:0;padding:0 6px 0 4px;border:1px solid;border-radius:9px;font:700 11px/16px system-ui,sans-serif;cursor:pointer;white-space:nowrap;box-shadow:0 1px 2px rgba(0,0,0,.35)}
.marker.error{background:#b3261e;color:#fff;border-color:#6e1410}
.marker.warning{background:#ffd24d;color:#1a1a1a;border-color:#7a5c00}
.marker.info{background:#1d5fa8;color:#fff;border-color:#0f3a6b}
.marker:focus-visible{outline:2px solid #111;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.card{pointer-events:auto;position:absolute;top:22px;left:0;box-sizing:border-box;width:340px;max-width:calc(100vw - 16px);max-height:60vh;overflow:auto;background:#fff;color:#1a1a1a;border:1px solid #555;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.3);padding:10px 12px;font:13px/1.45 system-ui,sans-serif;text-align:left}
.card[hidden]{display:none}
.card.end{left:auto;right:0}
.card.up{top:auto;bottom:22px}
.card.bill{top:calc(100% + 2px)}
.card.bill.up{top:auto;bottom:calc(100% + 2px)}
.card p{margin:0 0 4px}
.marker.bill{height:auto;min-height:20px;border-radius:4px;padding:1px 8px 1px 6px;font-size:12px}
.marker.diagnosis{font-weight:600}
.banner-list{pointer-events:none;box-sizing:border-box;max-width:min(440px,calc(100vw - 16px));margin:2px 0 0;padding:4px 10px 4px 24px;background:#fff;color:#1a1a1a;border:1px solid #555;border-radius:4px;font:12px/1.4 system-ui,sans-serif;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.banner-list li{margin:0;white-space:normal}
.finding+.finding{border-top:1px solid #ddd;margin-top:8px;padding-top:8px}
.finding-head{font-weight:700}
.finding-head.error{color:#b3261e}.finding-head.warning{color:#7a5c00}.finding-head.info{color:#1d5fa8}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.action{font:12px/16px system-ui,sans-serif;padding:3px 8px;border:1px solid #555;border-radius:4px;background:#f3f3f3;color:#1a1a1a;cursor:pointer}
.action:focus-visible{outline:2px solid #111;outline-offset:1px}
.close{float:right}
.badge{pointer-events:none;display:inline-flex;gap:6px;align-items:center;padding:3px 10px;border-radius:12px;font:600 12px/16px system-ui,sans-serif;background:#fff;color:#1a1a1a;border:1px solid #777;opacity:.94;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.badge-button{pointer-events:auto;padding:1px 6px}
.badge.unreadable,.badge.partial{background:#fff4d6;border-color:#7a5c00}
`;

const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * Adds a stylesheet to one of our shadow roots: adopted (a strict page's CSP blocks inline <style>),
 * built once per text and shared by every root.
 */
export function addStyleSheet(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (sheet && 'adoptedStyleSheets' in root) {
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Firefox ESR 140 (not 153) refuses the assignment from a content script ("Accessing from Xray wrapper
      // is not supported", Mozilla bug 1770592): fall back to a <style> element.
    }
  }
  // Older engines (and jsdom): a <style> element inside the closed shadow root.
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** Gives a shadow root the overlay's styles. */
export function adoptStyles(root: ShadowRoot): void {
  addStyleSheet(root, CSS);
}
