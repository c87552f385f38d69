// ContentScriptContext (after WXT's): one AbortController for all work of this script instance.
// When the extension is reloaded or updated under a live page, the old script keeps running with a
// dead runtime; it must notice, stop everything it started and remove its UI, without a sound.

type Cleanup = () => void;

/** Runs a cleanup; a failing one must neither throw into the page nor stop the others. */
function quietly(fn: Cleanup): void {
  try {
    fn();
  } catch {
    // Swallowed on purpose (see above).
  }
}

/** True while this script's extension runtime is alive (runtime.id disappears on invalidation). */
export function runtimeAlive(): boolean {
  try {
    const g = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };
    return Boolean((g.browser ?? g.chrome)?.runtime?.id);
  } catch {
    return false;
  }
}

export function isInvalidationError(e: unknown): boolean {
  return /context invalidated|Extension context/i.test(e instanceof Error ? e.message : String(e));
}

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly cleanups: Cleanup[] = [];
  private readonly frames = new Set<number>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly alive: () => boolean = runtimeAlive) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get invalid(): boolean {
    return this.controller.signal.aborted;
  }

  /** Runs `fn` once when the context stops (immediately if it already has). */
  onInvalidated(fn: Cleanup): void {
    if (this.invalid) quietly(fn);
    else this.cleanups.push(fn);
  }

  /** Stops everything: listeners (via the signal), frames, timers and every registered cleanup. */
  invalidate(): void {
    if (this.invalid) return;
    this.controller.abort();
    for (const id of this.frames) cancelAnimationFrame(id);
    for (const id of this.timers) clearTimeout(id);
    this.frames.clear();
    this.timers.clear();
    for (const fn of this.cleanups.splice(0).reverse()) quietly(fn);
  }

  /**
   * Wraps a callback the page or browser will call: does nothing once invalid, notices a dead runtime,
   * and swallows errors so none reach the host page (and nothing with page data reaches its console).
   */
  safe<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
    return (...args: A) => {
      if (this.invalid) return;
      if (!this.alive()) {
        this.invalidate();
        return;
      }
      try {
        const r = fn(...args);
        if (r instanceof Promise) r.catch((e: unknown) => this.failed(e));
      } catch (e) {
        this.failed(e);
      }
    };
  }

  /** An error from an extension API: invalidation stops the script; anything else is dropped. */
  failed(e: unknown): void {
    if (isInvalidationError(e) || !this.alive()) this.invalidate();
  }

  addEventListener(target: EventTarget, type: string, fn: (e: Event) => unknown, options: AddEventListenerOptions = {}): void {
    if (this.invalid) return;
    target.addEventListener(type, this.safe(fn), { ...options, signal: this.signal });
  }

  requestAnimationFrame(fn: () => unknown): number {
    if (this.invalid) return 0;
    const id = requestAnimationFrame(() => {
      this.frames.delete(id);
      this.safe(fn)();
    });
    this.frames.add(id);
    return id;
  }

  setTimeout(fn: () => unknown, ms: number): ReturnType<typeof setTimeout> | undefined {
    if (this.invalid) return undefined;
    const id = setTimeout(() => {
      this.timers.delete(id);
      this.safe(fn)();
    }, ms);
    this.timers.add(id);
    return id;
  }

  clearTimeout(id: ReturnType<typeof setTimeout> | undefined): void {
    if (id === undefined) return;
    clearTimeout(id);
    this.timers.delete(id);
  }

  /** A MutationObserver whose callback is guarded and which disconnects when the context stops. */
  mutationObserver(fn: (records: MutationRecord[]) => unknown): MutationObserver {
    const mo = new MutationObserver(this.safe(fn));
    this.onInvalidated(() => mo.disconnect());
    return mo;
  }
}
