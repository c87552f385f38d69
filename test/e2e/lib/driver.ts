// The browser-neutral driver the shared scenarios use (test/e2e/lib/scenarios.ts): a document, a tab and
// a browser with the extension. chromium.ts implements it over Playwright, firefox.ts over Puppeteer's
// WebDriver BiDi, so one scenario runs unchanged in both browsers.

/** Anything that runs a function in a document: a Playwright Page/Frame, a Puppeteer Page/Frame, a Doc. */
export interface Evaluator {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: (arg: any) => any, arg?: any): Promise<any>;
}

/** One document (a page or a same-origin iframe). Selectors are CSS and pierce open shadow roots. */
export interface Doc extends Evaluator {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until an element matching `selector` is attached. */
  waitFor(selector: string, timeout?: number): Promise<void>;
  /** Polls `fn` in the document until it returns something truthy. */
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  /** Replaces a field's value as one edit (select all, insert text), like Playwright's fill. */
  fill(selector: string, value: string): Promise<void>;
  /** Like a user: click into the field, go to the end, type key by key. */
  typeInto(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  check(selector: string): Promise<void>;
  uncheck(selector: string): Promise<void>;
  /** Focuses the element and presses a key (`Enter`, `Control+End`). */
  press(selector: string, key: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** textContent of the first match ('' when none). */
  text(selector: string): Promise<string>;
  /** Scrolls the first match into view if it is not. */
  scrollIntoView(selector: string): Promise<void>;
  /** The loaded content document of the iframe `selector`. */
  frame(selector: string): Promise<Doc>;
}

export interface Tab extends Doc {
  /** Navigates and waits for `load`. */
  goto(url: string): Promise<void>;
  keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
  /** A real (trusted) mouse click at the middle of the first match, whatever covers it. */
  clickAt(selector: string): Promise<void>;
  /**
   * Calls `fn` (function source; `this` is the root) in the closed shadow root of each host carrying
   * `attribute`, in document order, as a debugger can (the page cannot). Results travel as JSON.
   */
  inClosedRoots<R>(attribute: string, fn: string): Promise<R[]>;
  /** The tab's current URL. */
  url(): string;
  bringToFront(): Promise<void>;
  wait(ms: number): Promise<void>;
  close(): Promise<void>;
  /** Console errors and uncaught page errors seen in this tab since it opened. */
  errors: string[];
  /** Every console text of this tab since it opened. */
  consoleText: string[];
}

export interface Driver {
  browser: 'chromium' | 'firefox';
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBase: string;
  newTab(): Promise<Tab>;
  /** A fresh tab showing an extension page (`popup/popup.html`, `options/options.html?x`). */
  openExtensionPage(path: string): Promise<Tab>;
  /** Runs `fn` in an extension context (service worker or extension page) where `chrome.*` works. */
  ext<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Fires the manifest command `name` (a keyboard shortcut, which a page's key events cannot press) for
   * `tab`, which must be the active tab: Chromium dispatches the worker's onCommand event; Firefox runs
   * the browser's own <key> element for the extension's shortcut.
   */
  command(name: string, tab: Tab): Promise<void>;
}
