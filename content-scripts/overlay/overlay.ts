// The overlay: markers per region (one per offending code and field), the page badge, and the layout
// loop that keeps markers beside their fields on scroll and resize. Reads all rects first, then writes.
import type { ContentScriptContext } from '../context';
import type { Finding, FindingActions } from './card';
import { Badge, type BadgeCounts, type PageStatus } from './badge';
import { modalOf, mount, openModal } from './host';
import { Marker, worst } from './marker';
import { chooseSide, inViewport, spot, textDxOf, type Side } from './placement';
import type { Strings } from './strings';

export interface MarkerSpec {
  code: string;
  field: Element;
  findings: Finding[];
}

interface Placed {
  marker: Marker;
  side: Side | null;
  /** Where the field's text ends relative to its right edge, measured when the side was chosen. */
  textDx?: number;
  clip: Element | null | undefined;
}

/** The nearest ancestor that clips the field (a scrolling list), looked up once per marker. */
function clipperOf(el: Element): Element | null {
  for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (/(auto|scroll|hidden|clip)/.test(`${s.overflowX} ${s.overflowY}`)) return a;
  }
  return null;
}

function visibleIn(r: DOMRect, clip: DOMRect | null): boolean {
  if (r.width === 0 && r.height === 0) return false;
  if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return false;
  return !clip || (r.bottom > clip.top && r.top < clip.bottom && r.right > clip.left && r.left < clip.right);
}

/** A checkbox or radio is read through its label; the marker belongs beside the label text. */
function anchorOf(field: Element): Element {
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) return field.labels?.[0] ?? field;
  return field;
}

export class Overlay {
  private readonly regions = new Map<string, Map<string, Placed>>();
  private readonly unreadable = new Set<string>();
  /** Regions read only in part (a virtualised grid): lines read of lines declared. */
  private readonly partial = new Map<string, { read: number; total: number }>();
  private readonly badge: Badge;
  private status: PageStatus = { muted: 0, full: false };
  private layoutQueued = false;
  /** Something changed since the last layout; a queued frame with nothing to do skips the forced layout. */
  private dirty = false;
  /** The side last chosen beside each field, with the sizes it was checked for. */
  private readonly sides = new WeakMap<Element, { side: Side; textDx: number; w: number; h: number; mw: number; offset: number }>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly strings: Strings,
    private readonly actions: FindingActions,
    openTariffFetch?: () => void,
  ) {
    this.badge = new Badge(strings, openTariffFetch);
    const relayout = () => this.queueLayout();
    ctx.addEventListener(window, 'scroll', relayout, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', relayout, { passive: true });
    ctx.onInvalidated(() => this.destroy());
  }

  /** Replaces a region's markers; markers whose code and field stay are updated in place. */
  setRegion(regionId: string, specs: MarkerSpec[], unreadable: boolean, partial?: { read: number; total: number }): void {
    if (partial?.total !== this.partial.get(regionId)?.total || partial?.read !== this.partial.get(regionId)?.read) {
      if (partial) this.partial.set(regionId, partial);
      else this.partial.delete(regionId);
      this.dirty = true;
      this.queueLayout();
    }
    const old = this.regions.get(regionId) ?? new Map<string, Placed>();
    const next = new Map<string, Placed>();
    let changed = old.size !== specs.length || this.unreadable.has(regionId) !== unreadable;
    for (const s of specs) {
      // One marker per code (markerSpecs); on a re-rendered field (SPA) it follows the new field.
      const key = s.code.toLowerCase();
      const existing = old.get(key);
      const placed = existing ?? { marker: new Marker(this.ctx, this.strings, s.code, s.field, { ...this.actions, ignoreOnce: (f) => this.actions.ignoreOnce(f, regionId) }), side: null, clip: undefined };
      old.delete(key);
      if (!existing) changed = true;
      if (placed.marker.field !== s.field) {
        placed.marker.field = s.field;
        placed.side = null;
        placed.clip = undefined;
        changed = true;
      }
      if (placed.marker.update(s.findings)) changed = true;
      next.set(key, placed);
    }
    for (const p of old.values()) p.marker.remove();
    if (unreadable) this.unreadable.add(regionId);
    else this.unreadable.delete(regionId);
    // While the doctor types, replies mostly repeat the same findings: then there is nothing to redraw.
    if (changed || !this.regions.has(regionId)) this.queueLayout();
    this.regions.set(regionId, next);
  }

  /**
   * Page-wide facts for the badge: rules muted in settings (from cs:get-config), whether this tab's
   * stored state is full and the non-official tariff years the bill was checked against (from the
   * cs:check-bill reply). Other rooms may add fields to PageStatus.
   */
  setStatus(status: Partial<PageStatus>): void {
    const next = { ...this.status, ...status };
    if (next.muted === this.status.muted && next.full === this.status.full && next.unofficialYears === this.status.unofficialYears) return;
    this.status = next;
    this.queueLayout();
  }

  dropRegion(regionId: string): void {
    for (const p of this.regions.get(regionId)?.values() ?? []) p.marker.remove();
    this.regions.delete(regionId);
    this.unreadable.delete(regionId);
    this.partial.delete(regionId);
    this.queueLayout();
  }

  private queueLayout(): void {
    this.dirty = true;
    if (this.layoutQueued) return;
    this.layoutQueued = true;
    this.ctx.requestAnimationFrame(() => {
      this.layoutQueued = false;
      this.flush();
    });
  }

  /** Lays out now if anything changed since the last layout (a reply the doctor is waiting for). */
  flush(): void {
    if (this.dirty) this.layout();
  }

  /** Positions every marker from its field's rect, and refreshes the badge. */
  layout(): void {
    this.dirty = false;
    const all = Array.from(this.regions.values(), (m) => Array.from(m.values())).flat();
    const counts: BadgeCounts = { error: 0, warning: 0, info: 0, unreadable: this.unreadable.size };
    for (const p of this.partial.values()) counts.partial = { read: (counts.partial?.read ?? 0) + p.read, total: (counts.partial?.total ?? 0) + p.total };
    for (const p of all) counts[worst(p.marker.findings)]++;
    // Mount first (a marker in an open modal dialog lives in that dialog), then read, then write.
    const blocking = openModal();
    for (const p of all) {
      const modal = modalOf(p.marker.field);
      const container = modal ?? document.documentElement;
      if (p.marker.host.parentNode !== container) {
        mount(p.marker.host, container);
        p.side = null;
      }
    }
    const offsets = new Map<Element, number>();
    const reads = all.map((p) => {
      const anchor = anchorOf(p.marker.field);
      if (p.clip === undefined) p.clip = clipperOf(anchor);
      const rect = anchor.getBoundingClientRect();
      // A field behind an open modal dialog is covered: its marker must not float over the dialog.
      const covered = blocking !== null && !blocking.contains(p.marker.field);
      const visible = !covered && visibleIn(rect, p.clip ? p.clip.getBoundingClientRect() : null);
      p.marker.width = p.marker.host.getBoundingClientRect().width || p.marker.width || 40;
      const offset = offsets.get(anchor) ?? 0;
      offsets.set(anchor, offset + p.marker.width + 2);
      if (visible && p.side === null) {
        // A marker back on a field of the same size (a code fixed, then typed wrong again) takes the
        // side checked last time: the hit tests force a full lifecycle update (5 ms on 2,000 lines).
        const kept = this.sides.get(anchor);
        if (kept && kept.w === rect.width && kept.h === rect.height && kept.mw === p.marker.width && kept.offset === offset) {
          p.side = kept.side;
          p.textDx = kept.textDx;
        } else {
          const dx = textDxOf(anchor, rect);
          p.textDx = dx ?? 0;
          p.side = chooseSide(rect, p.marker.width, offset, p.marker.host, dx);
          this.sides.set(anchor, { side: p.side, textDx: p.textDx, w: rect.width, h: rect.height, mw: p.marker.width, offset });
        }
      }
      return { p, rect, visible, offset };
    });
    for (const { p, rect, visible, offset } of reads) {
      const m = p.marker;
      if (!visible) {
        m.style('visibility', 'hidden');
        continue;
      }
      const b = inViewport(spot(p.side ?? 'right', rect, m.width, offset, p.textDx), m.width);
      m.style('visibility', 'visible');
      m.style('transform', `translate(${Math.round(b.x)}px,${Math.round(b.y)}px)`);
    }
    if (this.regions.size > 0) this.badge.show(counts, this.status);
    else this.badge.remove();
  }

  destroy(): void {
    for (const id of Array.from(this.regions.keys())) this.dropRegion(id);
    this.badge.remove();
  }
}
