// A region's read turned into the message snapshot: fields become anchor indices, and the JSON of
// lines + context is the key that decides whether anything changed since the last send.
import type { Request } from '../src/messages';
import type { ReadLine, RegionRead } from './adapters/read-plan';

export type BillSnapshot = Request<'cs:check-bill'>;

export interface Snapshot {
  snapshot: BillSnapshot;
  /** `anchors[line.anchor]` is the field holding the line's code. */
  anchors: Element[];
  /** Equal keys mean nothing worth re-validating changed. */
  key: string;
}

export function toSnapshot(regionId: string, read: RegionRead): Snapshot {
  const anchors: Element[] = [];
  const index = new Map<Element, number>();
  const lines = read.lines.map((l) => {
    let a = index.get(l.field);
    if (a === undefined) {
      a = anchors.push(l.field) - 1;
      index.set(l.field, a);
    }
    return { code: l.code.slice(0, 16), count: l.count, anchor: a };
  });
  const snapshot: BillSnapshot = { regionId, lines, context: read.context };
  return { snapshot, anchors, key: JSON.stringify([lines, read.context, read.unreadable]) };
}

/** Lower-case code without spaces, as the rule core names codes in findings. */
export function codeKey(code: string): string {
  return code.replace(/\s+/g, '').toLowerCase();
}

/** The first line holding each code, by code key. */
export function firstLineByCode(lines: readonly ReadLine[]): Map<string, ReadLine> {
  const out = new Map<string, ReadLine>();
  for (const l of lines) if (!out.has(codeKey(l.code))) out.set(codeKey(l.code), l);
  return out;
}
