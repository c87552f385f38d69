// Finds billing regions, watches them, and re-reads them in batches on the next animation frame.
// Discovery (planning) runs only when a region's structure changes; an edit re-reads values only.
// Work per frame is bounded; regions left over continue on the next frame.
import { readContext } from './adapters/context-fields';
import { assemble, readFieldAt, type FieldRead, type RegionRead } from './adapters/read-plan';
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
  /** Everything must be read again (a value changed somewhere we cannot pin to one field). */
  valuesDirty: boolean;
  /** Fields (plan indexes) whose value changed: only these are read again. */
  dirtyFields: Set<number>;
  /** A context field (date, diagnosis ...) changed. */
  contextDirty: boolean;
  /** Each plan field's last read, and which plan field (index) an element belongs to. */
  fieldReads: FieldRead[];
  fieldIndex: Map<Element, number>;
  contextIndex: Set<Element>;
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
// `class` too: some apps mark a selected toggle only by a class. A change outside every field is ignored.
const VALUE_ATTRS = ['aria-pressed', 'aria-selected', 'aria-checked', 'value', 'checked', 'selected', 'class', 'data-state'];
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
      // Rows re-rendered inside a reference table (a lookup page filtering as the doctor types): nothing to do.
      if (this.adapter.ignores?.(rec.target)) continue;
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
    let any = false;
    for (const rec of records) {
      if (this.ownOnly(rec)) continue;
      const tracked = this.regionFor(rec.target);
      if (!tracked) continue;
      if (rec.type === 'childList' || (rec.type === 'attributes' && STRUCTURE_ATTRS.includes(rec.attributeName ?? ''))) tracked.structureDirty = true;
      else if (!this.markValue(tracked, rec.target)) continue;
      any = true;
    }
    if (any) this.schedule();
  }

  /**
   * Marks the field (or context field) holding `node` as changed; false when `node` belongs to none
   * (a grid's focus or hover class on another cell: nothing to read again).
   */
  private markValue(r: TrackedRegion, node: Node): boolean {
    if (!r.plan) {
      r.valuesDirty = true;
      return true;
    }
    for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== r.el; el = parentAcross(el)) {
      const i = r.fieldIndex.get(el);
      if (i !== undefined) {
        r.dirtyFields.add(i);
        return true;
      }
      if (r.contextIndex.has(el)) {
        r.contextDirty = true;
        return true;
      }
    }
    return false;
  }

  private onEdit(e: Event): void {
    const target = e.composedPath()[0] ?? e.target;
    const tracked = target instanceof Node ? this.regionFor(target) : undefined;
    // An input event outside every field (a filter box inside the region) still re-reads everything:
    // a host may mirror it into a field without events of its own.
    if (tracked && !(target instanceof Node && this.markValue(tracked, target))) tracked.valuesDirty = true;
    if (tracked) this.schedule();
  }

  /**
   * Work waits for the next frame: a burst of mutations is one pass, and the frame's own layout is done
   * by the time a reply places a marker. (Running a typed edit in the next task instead cut the wait
   * but doubled the script time per edit on 2,000 lines: the reply then forced that layout.)
   */
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
      dirtyFields: new Set(),
      contextDirty: false,
      fieldReads: [],
      fieldIndex: new Map(),
      contextIndex: new Set(),
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
      if (!dirty(r)) continue;
      if (done++ > 0 && performance.now() > deadline) break;
      moved = this.update(r, deadline) || moved;
    }
    this.sink.afterFrame(moved);
    const left = this.pendingRoots.size > 0 || Array.from(this.regions.values()).some(dirty);
    if (left) this.schedule();
  }

  /** Re-reads a dirty region (only its changed fields after an edit); true when it was re-planned. */
  private update(r: TrackedRegion, deadline = Infinity): boolean {
    const replanned = r.structureDirty || !r.plan;
    if (replanned) {
      const started = performance.now();
      r.plan = this.adapter.plan(r.el);
      const long = performance.now() - started > 8;
      r.fieldIndex = new Map();
      r.plan.fields.forEach((f, i) => {
        r.fieldIndex.set(f.el, i);
        if (f.count) r.fieldIndex.set(f.count, i);
      });
      // A count named for its code ("Antall 2cd") may belong to any line: -1 means "read all".
      for (const el of r.plan.countsByCode.values()) if (!r.fieldIndex.has(el)) r.fieldIndex.set(el, -1);
      r.contextIndex = new Set(r.plan.context.map((c) => c.el));
      // A long plan (2,000 lines) used up the frame: read on the next one, so no task runs long.
      if (long && performance.now() > deadline) {
        r.structureDirty = false;
        r.valuesDirty = true;
        return true;
      }
    }
    const plan = r.plan!;
    const all = replanned || r.valuesDirty || r.fieldReads.length !== plan.fields.length;
    // A count field named for its code ("Antall 2cd") may change any line: read all then.
    const anyNamedCount = r.dirtyFields.has(-1);
    if (all || anyNamedCount) r.fieldReads = plan.fields.map((f) => readFieldAt(f, plan));
    else for (const i of r.dirtyFields) r.fieldReads[i] = readFieldAt(plan.fields[i]!, plan);
    const context = all || r.contextDirty || !r.read ? readContext(plan.context) : r.read.context;
    r.structureDirty = false;
    r.valuesDirty = false;
    r.contextDirty = false;
    r.dirtyFields.clear();
    const read = assemble(plan, r.fieldReads, context);
    const snap = toSnapshot(r.id, read);
    const prev = r.snapshot;
    r.read = read;
    r.snapshot = snap;
    if (!prev || prev.key !== snap.key) this.sink.changed(r);
    else if (replanned) this.sink.reanchored(r);
    return replanned;
  }
}

function dirty(r: TrackedRegion): boolean {
  return r.structureDirty || r.valuesDirty || r.contextDirty || r.dirtyFields.size > 0;
}
