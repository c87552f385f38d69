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
  // Joined by hand: JSON of 2,000 line objects on every edit costs more than the rest of the read.
  // Codes are parsed tokens (letters and digits), so the separators cannot occur inside them.
  let key = JSON.stringify([read.context, read.unreadable]);
  for (const l of lines) key += `\u0001${l.code}\u0002${l.count}\u0002${l.anchor}`;
  return { snapshot, anchors, key };
}

// A long bill repeats a few codes (2,000 lines of 701c): normalise each distinct code once.
const keys = new Map<string, string>();

/** Lower-case code without spaces, as the rule core names codes in findings. */
export function codeKey(code: string): string {
  let k = keys.get(code);
  if (k === undefined) {
    if (keys.size > 500) keys.clear();
    k = code.replace(/\s+/g, '').toLowerCase();
    keys.set(code, k);
  }
  return k;
}

/**
 * The first line holding each code, by code key; with `wanted`, only those codes, and the walk stops
 * once all are found (markers for a few findings on a 2,000-line bill).
 */
export function firstLineByCode(lines: readonly ReadLine[], wanted?: ReadonlySet<string>): Map<string, ReadLine> {
  const out = new Map<string, ReadLine>();
  if (wanted?.size === 0) return out;
  for (const l of lines) {
    const k = codeKey(l.code);
    if (out.has(k) || (wanted && !wanted.has(k))) continue;
    out.set(k, l);
    if (wanted && out.size === wanted.size) break;
  }
  return out;
}
