// The page banner (issue 12 §1): findings that name no code (no diagnosis, the tariff year, a future
// date, exemptions) belong to the whole bill, so they get one banner per billing region, anchored at
// the region, instead of a marker beside a code. The diagnosis findings also get a marker on the
// diagnosis field. Both are Markers (same host, card, trusted-click guard) with their own view.
import type { Finding } from './card';
import type { MarkerView } from './marker';
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
    contract(host, rules, severity) {
      host.setAttribute('data-takstvakt-banner', '');
      host.setAttribute('data-takstvakt-rules', rules);
      host.setAttribute('data-takstvakt-severity', severity);
    },
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
    contract(host, rules, severity) {
      host.setAttribute('data-takstvakt-field', 'diagnosis');
      host.setAttribute('data-takstvakt-rule', rules);
      host.setAttribute('data-takstvakt-severity', severity);
    },
  };
}

/**
 * Where the banner (w x h) sits for a region: just above the region's top-left corner, so nothing of
 * the bill is covered; inside its top edge when there is no room above; always on screen.
 */
export function bannerSpot(region: DOMRect, w: number, h: number): Box {
  const above = region.top - h - GAP;
  const y = above >= 0 ? above : Math.max(0, region.top + GAP);
  const x = Math.min(Math.max(0, region.left), Math.max(0, innerWidth - Math.ceil(w)));
  return { x, y: Math.min(y, Math.max(0, innerHeight - h)) };
}
