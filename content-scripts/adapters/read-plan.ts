// Reads a planned region: the codes of each field with their counts, and the context.
import { readContext, type SnapshotContext } from './context-fields';
import { parseCount } from './parse-codes';
import { readField, valueText } from './read-field';
import type { RegionPlan } from './types';

export interface ReadLine {
  code: string;
  count: number;
  /** The field holding the code; markers anchor to it. */
  field: Element;
}

export interface RegionRead {
  lines: ReadLine[];
  context: SnapshotContext;
  /** Why the codes could not be read (a field holds text that is not codes), or null. */
  unreadable: string | null;
}

function countIn(el: Element): number | null {
  const v = valueText(el);
  return v.trim() ? parseCount(v) : null;
}

export function readPlan(plan: RegionPlan): RegionRead {
  const lines: ReadLine[] = [];
  let unreadable = plan.unreadable;
  for (const { el, count } of plan.fields) {
    const codes = readField(el);
    if (codes === null) {
      unreadable ??= 'not-codes';
      continue;
    }
    for (const c of codes) {
      let n = c.count;
      // A count written with the code wins; otherwise the line's "Antall" field, or one naming the code.
      if (n === 1) {
        const countEl = (codes.length === 1 ? count : null) ?? plan.countsByCode.get(c.code.toLowerCase()) ?? null;
        n = (countEl && countIn(countEl)) ?? 1;
      }
      lines.push({ code: c.code, count: n, field: el });
    }
  }
  return { lines, context: readContext(plan.context), unreadable };
}
