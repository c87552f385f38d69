// Reads a planned region: the codes of each field with their counts, and the context.
// Fields are read one by one and kept per field, so an edit re-reads only the field that changed
// (readFieldAt) and the region's lines are put together again from the kept results.
import { readContext, type SnapshotContext } from './context-fields';
import { parseCount } from './parse-codes';
import { readField, valueText, type ReadNotes } from './read-field';
import { screenValue, type SkipReason } from './screen-values';
import type { FieldPlan, RegionPlan } from './types';

export interface ReadLine {
  code: string;
  count: number;
  /** The field holding the code; markers anchor to it. */
  field: Element;
}

export interface Skipped {
  /** The field whose value (or part of it) was left out. */
  field: Element;
  reason: SkipReason;
}

export interface RegionRead {
  lines: ReadLine[];
  context: SnapshotContext;
  /** Why the codes could not be read (a field holds text that is not codes), or null. */
  unreadable: string | null;
  /** Values left out before anything was sent (national ids, dates, times, phone numbers). */
  skipped?: Skipped[];
  /** Lines read of lines the region declares (a virtualised grid), when not all are rendered. */
  partial?: { read: number; total: number };
}

/** One field's share of a region read. */
export interface FieldRead {
  lines: ReadLine[];
  skipped: Skipped[];
  unreadable: string | null;
}

function countIn(el: Element): number | null {
  const v = screenValue(valueText(el)).text;
  return v.trim() ? parseCount(v) : null;
}

export function readFieldAt(f: FieldPlan, plan: RegionPlan): FieldRead {
  const notes: ReadNotes = { skipped: [] };
  const codes = readField(f.el, notes, f.chips);
  const skipped = notes.skipped.map((reason) => ({ field: f.el, reason }));
  if (codes === null) return { lines: [], skipped, unreadable: notes.unreadable ?? 'not-codes' };
  const lines: ReadLine[] = [];
  for (const c of codes) {
    let n = c.count;
    // A count written with the code wins; otherwise the line's "Antall" field, or one naming the code.
    if (n === 1) {
      const countEl = (codes.length === 1 ? f.count : null) ?? plan.countsByCode.get(c.code.toLowerCase()) ?? null;
      n = (countEl && countIn(countEl)) ?? 1;
    }
    lines.push({ code: c.code, count: n, field: c.at ?? f.el });
  }
  return { lines, skipped, unreadable: null };
}

/** Puts a region read together from its fields' reads (in plan order). */
export function assemble(plan: RegionPlan, reads: readonly FieldRead[], context: SnapshotContext): RegionRead {
  let unreadable = plan.unreadable;
  const lines: ReadLine[] = [];
  const skipped: Skipped[] = [];
  for (const r of reads) {
    unreadable ??= r.unreadable;
    for (const l of r.lines) lines.push(l);
    for (const s of r.skipped) skipped.push(s);
  }
  const out: RegionRead = { lines, context, unreadable, skipped };
  if (plan.partial) out.partial = plan.partial;
  return out;
}

export function readPlan(plan: RegionPlan): RegionRead {
  return assemble(plan, plan.fields.map((f) => readFieldAt(f, plan)), readContext(plan.context));
}
