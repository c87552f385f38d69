// The page banner (issue 12 §1): findings that name no code (no diagnosis, the tariff year, a future
// date, exemptions) belong to the whole bill, so they get one banner per billing region, anchored at
// the region, instead of a marker beside a code. The diagnosis findings also get a marker on the
// diagnosis field. Both are Markers (same host, card, trusted-click guard) with their own view.
import type { Finding } from './card';
import type { MarkerView } from './marker';
import { OWN_HOSTS } from './host';
import type { Box } from './placement';
import { tr, type Strings } from './strings';

/** Rules whose code-less findings are about the diagnosis field (they also get a marker there). */
export const DIAGNOSIS_RULES: ReadonlySet<string> = new Set(['diagnosis-required', 'diagnosis-system']);

const GAP = 4;

/** The banner: its button names the count, its list says what is wrong and how to fix it, per finding. */
export function billView(strings: Strings): MarkerView {
  return {
    kind: 'bill',
    text: (findings) => tr(strings, 'banner_text', { count: findings.length }),
    ariaLabel: (severity, count) => tr(strings, 'banner_label', { severity, count, text: tr(strings, 'banner_text', { count }) }),
    cardTitle: tr(strings, 'banner_title'),
    subject: tr(strings, 'banner_subject'),
    contract: { mark: ['data-takstvakt-banner', ''], rulesAttribute: 'data-takstvakt-rules' },
    body(findings) {
      const list = document.createElement('ul');
      list.className = 'banner-list';
      for (const f of findings) {
        const item = document.createElement('li');
        item.className = f.severity;
        item.textContent = f.fix ? `${f.message} ${tr(strings, 'fix')}: ${f.fix}` : f.message;
        list.append(item);
      }
      return list;
    },
  };
}

/** The marker on the diagnosis field for the bill's diagnosis findings. */
export function diagnosisView(strings: Strings): MarkerView {
  return {
    kind: 'diagnosis',
    text: () => tr(strings, 'diagnosis_text'),
    ariaLabel: (severity, count) => tr(strings, 'diagnosis_label', { severity, count, text: tr(strings, 'diagnosis_text') }),
    cardTitle: tr(strings, 'diagnosis_title'),
    subject: tr(strings, 'diagnosis_text'),
    contract: { mark: ['data-takstvakt-field', 'diagnosis'], rulesAttribute: 'data-takstvakt-rule' },
  };
}

export type BannerSide = 'above' | 'below' | 'inside';

/** Top-left of the banner (w x h) on `side` of the region, its left edge at the region's; on screen. */
export function bannerSpot(side: BannerSide, region: DOMRect, w: number, h: number): Box {
  const y = side === 'above' ? region.top - h - GAP : side === 'below' ? region.bottom + GAP : Math.max(0, region.top + GAP);
  const x = Math.min(Math.max(0, region.left), Math.max(0, innerWidth - Math.ceil(w)));
  return { x, y: Math.min(Math.max(0, y), Math.max(0, innerHeight - h)) };
}

/** Points of the banner's box that are sampled (fractions of width, height): its middle line and two more. */
const SAMPLES: ReadonlyArray<readonly [number, number]> = [[0.05, 0.5], [0.5, 0.5], [0.95, 0.5], [0.3, 0.15], [0.7, 0.85]];

/**
 * How much of the page's own content a box would cover: of 5 points on it, those whose topmost element
 * is neither the page background (html, body), a container of the region, nor the banner itself (another
 * marker of ours counts as covered). One hit test per point: 4-12 ms each on the 2,000-line stress page
 * (12,000 elements; 2 shared cores), so few points, and only once per banner shown.
 */
function coveredPoints(b: Box, w: number, h: number, region: Element, self: Element): number {
  if (typeof document.elementFromPoint !== 'function') return 0;
  let hits = 0;
  for (const [fx, fy] of SAMPLES) {
    const el = document.elementFromPoint(b.x + w * fx, b.y + h * fy);
    if (el && el !== self && el !== document.body && el !== document.documentElement && (OWN_HOSTS.has(el) || !el.contains(region))) hits++;
  }
  return hits;
}

/**
 * Where the banner goes for a region: just above it when that covers nothing of the page, else just
 * below it, else whichever of the two covers less; inside the region's top edge when neither fits on
 * screen. Chosen once while shown (at most 10 hit tests), like a marker's side.
 */
export function chooseBannerSide(region: DOMRect, w: number, h: number, regionEl: Element, self: Element): BannerSide {
  let best: { side: BannerSide; cost: number } | null = null;
  for (const side of ['above', 'below'] as const) {
    const y = side === 'above' ? region.top - h - GAP : region.bottom + GAP;
    if (y < 0 || y + h > innerHeight) continue;
    const cost = coveredPoints(bannerSpot(side, region, w, h), w, h, regionEl, self);
    if (cost === 0) return side;
    if (!best || cost < best.cost) best = { side, cost };
  }
  return best?.side ?? 'inside';
}
