// The overlay: markers per region (one per offending code and field), the page badge, and the layout
// loop that keeps markers beside their fields on scroll and resize. Reads all rects first, then writes.
import { controlLabels } from '../adapters/dom';
import type { ContentScriptContext } from '../context';
import type { Finding, FindingActions } from './card';
import { Badge, type BadgeCounts, type PageStatus } from './badge';
import { ModalWatch, modalOf, mount, removeRetiring } from './host';
import { bannerSpot, billView, chooseBannerSide, diagnosisView, type BannerSide } from './banner';
import { Marker, worst } from './marker';
import { chooseSide, inViewport, spot, textDxOf, type Side } from './placement';
import type { Strings } from './strings';

export interface MarkerSpec {
  code: string;
  field: Element;
  findings: Finding[];
  /** The diagnosis field's marker for whole-bill diagnosis findings (counted once, by the banner). */
  kind?: 'diagnosis';
}

/** A region's findings that name no code on the page: its banner (issue 12 §1). */
export interface BillSpec {
  region: Element;
  findings: Finding[];
}

interface Banner {
  marker: Marker;
  width: number;
  height: number;
  /** Chosen when first shown (and again after its region or findings changed): see chooseBannerSide. */
  side: BannerSide | null;
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

/** Negative when `a` comes before `b` in the document (an ancestor comes before its descendants). */
function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** A checkbox or radio is read through its label; the marker belongs beside the label text. */
function anchorOf(field: Element): Element {
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) return controlLabels(field)?.[0] ?? field;
  return field;
}

export class Overlay {
  private readonly regions = new Map<string, Map<string, Placed>>();
  /** Set by destroy(): the extension is going away, so hosts go at once (see retire()). */
  private leaving = false;
  private readonly banners = new Map<string, Banner>();
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

  private readonly modal: ModalWatch;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly strings: Strings,
    private readonly actions: FindingActions,
    openTariffFetch?: () => void,
  ) {
    this.badge = new Badge(strings, openTariffFetch);
    this.modal = new ModalWatch(ctx);
    const relayout = () => this.queueLayout();
    ctx.addEventListener(window, 'scroll', relayout, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', relayout, { passive: true });
    ctx.onInvalidated(() => this.destroy());
  }

  /** Replaces a region's markers; markers whose code and field stay are updated in place. */
  setRegion(regionId: string, specs: MarkerSpec[], unreadable: boolean, partial?: { read: number; total: number }, bill?: BillSpec): void {
    this.setBanner(regionId, bill);
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
      const key = s.kind === 'diagnosis' ? '#diagnosis' : s.code.toLowerCase();
      const existing = old.get(key);
      const view = s.kind === 'diagnosis' ? diagnosisView(this.strings) : null;
      const placed = existing ?? { marker: new Marker(this.ctx, this.strings, s.code, s.field, this.regionActions(regionId), view), side: null, clip: undefined };
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
    for (const p of old.values()) p.marker.remove(this.leaving);
    if (unreadable) this.unreadable.add(regionId);
    else this.unreadable.delete(regionId);
    // While the doctor types, replies mostly repeat the same findings: then there is nothing to redraw.
    if (changed || !this.regions.has(regionId)) this.queueLayout();
    this.regions.set(regionId, next);
  }

  private regionActions(regionId: string) {
    return { ...this.actions, ignoreOnce: (f: Finding) => this.actions.ignoreOnce(f, regionId) };
  }

  /** The region's banner: created, updated or removed with its whole-bill findings. */
  private setBanner(regionId: string, bill: BillSpec | undefined): void {
    const old = this.banners.get(regionId);
    if (!bill || bill.findings.length === 0) {
      if (!old) return;
      old.marker.remove(this.leaving);
      this.banners.delete(regionId);
      this.queueLayout();
      return;
    }
    const b: Banner = old ?? { marker: new Marker(this.ctx, this.strings, '', bill.region, this.regionActions(regionId), billView(this.strings)), width: 0, height: 0, side: null };
    let changed = !old;
    if (b.marker.field !== bill.region) {
      b.marker.field = bill.region;
      changed = true;
    }
    if (b.marker.update(bill.findings)) changed = true;
    if (changed) b.side = null;
    this.banners.set(regionId, b);
    if (changed) this.queueLayout();
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
    for (const p of this.regions.get(regionId)?.values() ?? []) p.marker.remove(this.leaving);
    this.setBanner(regionId, undefined);
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
    // The diagnosis field's marker repeats banner findings: each finding is counted once.
    for (const p of all) if (p.marker.view?.kind !== 'diagnosis') counts[worst(p.marker.findings)]++;
    for (const b of this.banners.values()) for (const f of b.marker.findings) counts[f.severity]++;
    // Mount first (a marker in an open modal dialog lives in that dialog), then read, then write.
    const blocking = this.modal.current();
    for (const p of [...all, ...this.banners.values()]) {
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
    const bannerReads = Array.from(this.banners.values(), (b) => {
      const rect = b.marker.field.getBoundingClientRect();
      const covered = blocking !== null && !blocking.contains(b.marker.field);
      const own = b.marker.host.getBoundingClientRect();
      b.width = own.width || b.width;
      b.height = own.height || b.height;
      const visible = !covered && visibleIn(rect, null);
      if (visible && b.side === null) b.side = chooseBannerSide(rect, b.width, b.height, b.marker.field, b.marker.host);
      return { b, rect, visible };
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
    for (const { b, rect, visible } of bannerReads) {
      const m = b.marker;
      if (!visible) {
        m.style('visibility', 'hidden');
        continue;
      }
      const at = bannerSpot(b.side ?? 'above', rect, b.width, b.height);
      m.style('visibility', 'visible');
      m.style('transform', `translate(${Math.round(at.x)}px,${Math.round(at.y)}px)`);
    }
    if (this.regions.size > 0) this.badge.show(counts, this.status);
    else this.badge.remove(this.leaving);
  }

  /**
   * Keyboard command (issue 12 §5): focuses the next (or previous) marker or banner, in document order
   * of what they mark (a region's banner before its fields' markers), wrapping at the ends. From a host
   * of ours it steps; from anywhere else it goes to the first finding at or after (before) the focused
   * element. A finding scrolled out of view is scrolled in first. False when the frame has none.
   */
  focusFinding(direction: 'next' | 'previous'): boolean {
    const items = [...Array.from(this.banners.values(), (b) => b.marker), ...Array.from(this.regions.values(), (m) => Array.from(m.values(), (p) => p.marker)).flat()]
      .filter((m) => m.field.isConnected)
      .sort((a, b) => documentOrder(a.field, b.field));
    if (items.length === 0) return false;
    const active = document.activeElement;
    const at = items.findIndex((m) => m.host === active);
    const step = direction === 'next' ? 1 : items.length - 1;
    let target: Marker | undefined;
    if (at >= 0) target = items[(at + step) % items.length];
    else if (active && active !== document.body && active !== document.documentElement) {
      target = direction === 'next' ? items.find((m) => documentOrder(m.field, active) >= 0) : [...items].reverse().find((m) => documentOrder(m.field, active) <= 0);
    }
    target ??= direction === 'next' ? items[0]! : items.at(-1)!;
    if (!visibleIn(target.field.getBoundingClientRect(), null)) target.field.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.layout();
    target.focus();
    return true;
  }

  destroy(): void {
    this.leaving = true;
    for (const id of new Set([...this.regions.keys(), ...this.banners.keys()])) this.dropRegion(id);
    this.badge.remove(true);
    removeRetiring();
  }
}
