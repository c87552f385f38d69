// Finds billing regions, watches them, and re-reads them in batches on the next animation frame.
// Discovery (planning) runs only when a region's structure changes; an edit re-reads values only.
// Work per frame is bounded; regions left over continue on the next frame.
import { readPlan, type RegionRead } from './adapters/read-plan';
import { shadowRootsUnder, parentAcross } from './adapters/dom';
import type { Adapter, RegionPlan } from './adapters/types';
import type { ContentScriptContext } from './context';
import { toSnapshot, type Snapshot } from './snapshot';

export interface TrackedRegion {
  id: string;
  el: Element;
  plan: RegionPlan | null;
  read: RegionRead | null;
  snapshot: Snapshot | null;
  structureDirty: boolean;
  valuesDirty: boolean;
  /** Aborts this region's event listeners. */
  listeners: AbortController;
}

export interface ScannerSink {
  /** Codes or context changed: validate again. */
  changed(region: TrackedRegion): void;
  /** Same codes, but the fields were re-rendered (SPA): move the markers to the new fields. */
  reanchored(region: TrackedRegion): void;
  gone(region: TrackedRegion): void;
  /**
   * Called once at the end of every frame that did work; `moved` when the page's structure changed
   * (regions or fields added, removed or replaced), so markers may need to move. A value edit does not.
   */
  afterFrame(moved: boolean): void;
}

/** Attribute changes that change what a field holds, and those that change which fields exist. */
const VALUE_ATTRS = ['aria-pressed', 'aria-selected', 'aria-checked', 'value', 'checked', 'selected'];
const STRUCTURE_ATTRS = ['open', 'hidden', 'aria-label', 'aria-labelledby', 'name', 'role', 'contenteditable', 'data-takstvakt'];

export interface ScannerOptions {
  /** Nodes of our own UI, whose mutations must never trigger work. */
  isOwn: (node: Node) => boolean;
  /** Milliseconds of work per frame before the rest waits for the next frame. */
  budgetMs?: number;
  /** Prefix of region ids, unique per frame (document) so ids from several frames never collide. */
  idPrefix?: string;
}

export class Scanner {
  readonly regions = new Map<Element, TrackedRegion>();
  private readonly pendingRoots = new Set<Node>();
  private readonly observedRoots = new WeakSet<Node>();
  private readonly docObserver: MutationObserver;
  private readonly regionObserver: MutationObserver;
  private scheduled = false;
  private maybeGone = false;
  /** Something outside the regions moved the page (a dialog opened or closed). */
  private relayout = false;
  private counter = 0;
  private readonly budget: number;
  private readonly prefix: string;

  constructor(
    private readonly ctx: ContentScriptContext,
    private adapter: Adapter,
    private readonly sink: ScannerSink,
    private readonly opts: ScannerOptions,
  ) {
    this.budget = opts.budgetMs ?? 8;
    this.prefix = opts.idPrefix ?? Math.random().toString(36).slice(2, 8);
    this.docObserver = ctx.mutationObserver((records) => this.onDocMutations(records));
    this.regionObserver = ctx.mutationObserver((records) => this.onRegionMutations(records));
    ctx.onInvalidated(() => {
      for (const r of this.regions.values()) r.listeners.abort();
      this.regions.clear();
    });
  }

  start(doc: Document = document): void {
    this.watchRoot(doc);
    this.pendingRoots.add(doc);
    this.schedule();
  }

  /** Another adapter (settings changed): forget every plan and read again. */
  setAdapter(adapter: Adapter): void {
    this.adapter = adapter;
    const all = Array.from(this.regions.values());
    this.forget(all);
    for (const r of all) this.sink.gone(r);
    this.pendingRoots.add(document);
    this.schedule();
  }

  /** Send every region again even if nothing changed (settings changed, a finding was ignored). */
  refresh(): void {
    for (const r of this.regions.values()) {
      r.snapshot = null;
      r.valuesDirty = true;
    }
    this.schedule();
  }

  /** The region holding `node`, found by walking up (across shadow roots). */
  regionFor(node: Node): TrackedRegion | undefined {
    for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = parentAcross(el)) {
      const r = this.regions.get(el);
      if (r) return r;
    }
    return undefined;
  }

  private watchRoot(root: Document | ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.docObserver.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-takstvakt', 'open'] });
    // `change` is not composed: it never leaves a shadow root, so listen inside each one.
    if (root instanceof ShadowRoot) for (const t of ['input', 'change']) this.ctx.addEventListener(root, t, (e) => this.onEdit(e), { capture: true, passive: true });
  }

  private onDocMutations(records: MutationRecord[]): void {
    let relevant = false;
    for (const rec of records) {
      if (this.ownOnly(rec)) continue;
      if (rec.type === 'attributes' && rec.attributeName === 'open') {
        // A dialog opened or closed: markers may be covered or uncovered.
        this.relayout = true;
        relevant = true;
        continue;
      }
      if (rec.type === 'attributes') {
        // data-takstvakt="off" set or removed above a region: look at that subtree again.
        this.pendingRoots.add(rec.target);
        for (const r of this.regions.values()) if ((rec.target as Element).contains(r.el)) r.structureDirty = true;
        relevant = true;
        continue;
      }
      const added = Array.from(rec.addedNodes).filter((n) => n.nodeType === 1 && !this.opts.isOwn(n));
      const removed = Array.from(rec.removedNodes).some((n) => !this.opts.isOwn(n));
      if (!added.length && !removed) continue;
      relevant = true;
      this.maybeGone ||= removed;
      const tracked = this.regionFor(rec.target);
      if (tracked) tracked.structureDirty = true;
      // Added subtrees may hold a new region (a form mounted inside a page-wide region) or shadow hosts.
      for (const n of added) this.pendingRoots.add(n);
    }
    if (relevant) this.schedule();
  }

  /** Records about our own UI only (a marker mounted in a host dialog) are no reason to work. */
  private ownOnly(rec: MutationRecord): boolean {
    if (this.opts.isOwn(rec.target)) return true;
    if (rec.type !== 'childList') return false;
    const nodes = [...rec.addedNodes, ...rec.removedNodes];
    return nodes.length > 0 && nodes.every((n) => this.opts.isOwn(n));
  }

  private onRegionMutations(records: MutationRecord[]): void {
    for (const rec of records) {
      if (this.ownOnly(rec)) continue;
      const tracked = this.regionFor(rec.target);
      if (!tracked) continue;
      if (rec.type === 'childList' || (rec.type === 'attributes' && STRUCTURE_ATTRS.includes(rec.attributeName ?? ''))) tracked.structureDirty = true;
      else tracked.valuesDirty = true;
    }
    this.schedule();
  }

  private onEdit(e: Event): void {
    const target = e.composedPath()[0] ?? e.target;
    const tracked = target instanceof Node ? this.regionFor(target) : undefined;
    if (tracked) {
      tracked.valuesDirty = true;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.ctx.invalid) return;
    this.scheduled = true;
    this.ctx.requestAnimationFrame(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private track(el: Element, reuse?: TrackedRegion): void {
    const existing = this.regions.get(el);
    if (existing) {
      existing.structureDirty = true;
      return;
    }
    const listeners = new AbortController();
    const r: TrackedRegion = {
      id: reuse?.id ?? `${this.prefix}:${++this.counter}`,
      el,
      plan: null,
      read: reuse?.read ?? null,
      snapshot: reuse?.snapshot ?? null,
      structureDirty: true,
      valuesDirty: true,
      listeners,
    };
    this.regions.set(el, r);
    this.observe(r);
  }

  private observe(r: TrackedRegion): void {
    // A component region (a shadow host) is watched inside its shadow root as well.
    for (const target of r.el.shadowRoot ? [r.el, r.el.shadowRoot] : [r.el]) {
      this.regionObserver.observe(target, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: [...VALUE_ATTRS, ...STRUCTURE_ATTRS],
      });
      for (const t of ['input', 'change']) target.addEventListener(t, this.ctx.safe((e: Event) => this.onEdit(e)), { capture: true, passive: true, signal: r.listeners.signal });
    }
  }

  /** Stops watching regions; the observer is rebuilt so it lets go of detached nodes (SPA re-renders). */
  private forget(regions: TrackedRegion[]): void {
    if (!regions.length) return;
    for (const r of regions) {
      r.listeners.abort();
      this.regions.delete(r.el);
    }
    this.regionObserver.disconnect();
    for (const r of this.regions.values()) {
      r.listeners.abort();
      r.listeners = new AbortController();
      this.observe(r);
    }
  }

  /** One frame of work. */
  flush(): void {
    const deadline = performance.now() + this.budget;
    // Regions that left the page; a re-rendered one (same tag and id) keeps its id below.
    const gone: TrackedRegion[] = [];
    if (this.maybeGone) {
      this.maybeGone = false;
      for (const r of this.regions.values()) if (!r.el.isConnected) gone.push(r);
      this.forget(gone);
    }
    let moved = gone.length > 0 || this.relayout;
    this.relayout = false;
    // At least one unit of work per frame, then as many as fit in the budget.
    let done = 0;
    for (const root of this.pendingRoots) {
      if (done++ > 0 && performance.now() > deadline) break;
      this.pendingRoots.delete(root);
      if (!root.isConnected) continue;
      moved = true;
      const shadows = shadowRootsUnder(root);
      for (const sr of shadows) this.watchRoot(sr);
      for (const scope of [root as ParentNode, ...shadows]) {
        for (const el of this.adapter.regions(scope)) {
          const twin = gone.findIndex((g) => g.el.tagName === el.tagName && g.el.id === el.id);
          this.track(el, twin >= 0 ? gone.splice(twin, 1)[0] : undefined);
        }
      }
    }
    for (const r of gone) this.sink.gone(r);
    for (const r of this.regions.values()) {
      if (!r.structureDirty && !r.valuesDirty) continue;
      if (done++ > 0 && performance.now() > deadline) break;
      moved = this.update(r) || moved;
    }
    this.sink.afterFrame(moved);
    const left = this.pendingRoots.size > 0 || Array.from(this.regions.values()).some((r) => r.structureDirty || r.valuesDirty);
    if (left) this.schedule();
  }

  /** Re-reads a dirty region; true when it was re-planned (its fields may have moved). */
  private update(r: TrackedRegion): boolean {
    const replanned = r.structureDirty || !r.plan;
    if (replanned) r.plan = this.adapter.plan(r.el);
    r.structureDirty = false;
    r.valuesDirty = false;
    const read = readPlan(r.plan!);
    const snap = toSnapshot(r.id, read);
    const prev = r.snapshot;
    r.read = read;
    r.snapshot = snap;
    if (!prev || prev.key !== snap.key) this.sink.changed(r);
    else if (replanned) this.sink.reanchored(r);
    return replanned;
  }
}
