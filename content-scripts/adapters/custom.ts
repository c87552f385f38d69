// The custom adapter: CSS selectors a clinic writes in settings (CustomAdapterSchema) for a screen
// the generic adapter cannot read. A selector the browser rejects makes the region "not checked".
import type { ContextField, ContextKind } from './context-fields';
import { optedOut } from './dom';
import type { Adapter, RegionPlan } from './types';
import { CUSTOM_ADAPTER_FIELDS } from '../../src/settings/adapter-fields';

function all(scope: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return [];
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function valid(selector: string | undefined): boolean {
  if (!selector) return true;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

const CONTEXT_KEYS: Array<[keyof CustomAdapter, ContextKind]> = [
  ['date', 'date'],
  ['time', 'time'],
  ['diagnosis', 'diagnosis'],
  ['age', 'age'],
];

const KEYS = CUSTOM_ADAPTER_FIELDS;

/** The selectors of src/settings/schema.ts CustomAdapterSchema (that module stays out of this bundle). */
export type CustomAdapter = { kind: 'custom'; region: string; code: string } & Partial<Record<(typeof KEYS)[number], string>>;

/**
 * The custom adapter from `cs:get-config`, already validated by the background with
 * CustomAdapterSchema; checked again here by shape (the settings schema stays out of this bundle).
 */
export function asCustomAdapter(raw: unknown): CustomAdapter | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (o.kind !== 'custom' || typeof o.region !== 'string' || !o.region || typeof o.code !== 'string' || !o.code) return null;
  const out: Record<string, string> = { kind: 'custom' };
  for (const k of KEYS) if (typeof o[k] === 'string' && o[k]) out[k] = o[k] as string;
  return out as unknown as CustomAdapter;
}

export function customAdapter(cfg: CustomAdapter): Adapter {
  const broken = KEYS.some((k) => !valid(cfg[k]));
  return {
    regions(root) {
      // A region selector the browser rejects finds nothing: the whole document then stands for the
      // region, so the page says "ikke kontrollert" (plan: bad-selector) instead of falling silent.
      if (!valid(cfg.region)) {
        const whole = root instanceof Document ? root.body : root instanceof Element && root === root.ownerDocument.body ? root : null;
        return whole && !optedOut(whole) ? [whole] : [];
      }
      return all(root, cfg.region).filter((r) => !optedOut(r));
    },
    plan(region): RegionPlan {
      if (broken) return { fields: [], countsByCode: new Map(), context: [], unreadable: 'bad-selector' };
      const fields = all(region, cfg.code).map((el) => {
        const line = cfg.line ? el.closest(cfg.line) : null;
        return { el, count: line && cfg.count ? line.querySelector(cfg.count) : null };
      });
      const context: ContextField[] = [];
      for (const [key, kind] of CONTEXT_KEYS) for (const el of all(region, cfg[key] as string | undefined)) context.push({ kind, el });
      return { fields, countsByCode: new Map(), context, unreadable: null };
    },
  };
}
