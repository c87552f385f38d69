// "Test on the open tab" (bg:probe): exactly what this frame reads now, and where, without
// validating or drawing anything. Places are short CSS-like paths made of tags, ids and names.
import type { Response } from '../src/messages';
import { readPlan } from './adapters/read-plan';
import type { Adapter } from './adapters/types';
import type { Scanner } from './scanner';

export type ProbeResult = Response<'bg:probe'>;

function step(el: Element): string {
  const id = el.getAttribute('id');
  const name = el.getAttribute('name');
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${name ? `[name=${name}]` : ''}`;
}

/** `form#regning > td > input[name=takst-1]`: the element and up to three ancestors. */
export function describe(el: Element): string {
  const parts: string[] = [];
  for (let a: Element | null = el; a && parts.length < 4 && a !== document.documentElement; a = a.parentElement) {
    parts.unshift(step(a));
    if (a.id) break;
  }
  return parts.join(' > ').slice(0, 300);
}

export function probe(scanner: Scanner, adapter: Adapter, kind: 'generic' | 'custom'): ProbeResult {
  const regions = Array.from(scanner.regions.values(), (r) => {
    const read = readPlan(r.plan ?? adapter.plan(r.el));
    return {
      regionId: r.id,
      where: describe(r.el),
      adapter: kind,
      state: read.unreadable ? ('unreadable' as const) : ('checked' as const),
      ...(read.unreadable ? { reason: read.unreadable } : {}),
      lines: read.lines.map((l) => ({ code: l.code, count: l.count, where: describe(l.field) })),
      context: read.context,
      ...(read.skipped?.length ? { skipped: read.skipped.slice(0, 200).map((s) => ({ where: describe(s.field), reason: s.reason })) } : {}),
      ...(read.partial ? { partial: read.partial } : {}),
    };
  });
  return { url: location.origin + location.pathname, regions };
}
