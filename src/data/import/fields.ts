// Lenient readers for the fields of Helsedirektoratet's takstkoder JSON. The exact types are not
// documented (lists may be strings or arrays, numbers may be strings), so each reader accepts the
// plausible shapes and otherwise throws a FieldError that the importer turns into a row error.
import { isCodeShaped, normalizeCode } from '../../core/codes';

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A value as an error echoes it: text or a number cut to 80 characters; a list or object by its kind,
 * so deeply nested input cannot overflow the stack (JSON.stringify recursed) or flood the message.
 */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 79)}…` : v);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'a list' : 'an object';
  return String(v);
}

const absent = (v: unknown): v is null | undefined | '' => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A number, or a number written as text ("175", "175,50", " 26 "); null when absent. */
export function readNumber(row: Record<string, unknown>, field: string, opts: { int?: boolean; min?: number } = {}): number | null {
  const v = row[field];
  if (absent(v)) return null;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v)) n = Number(v.trim().replace(',', '.'));
  else throw new FieldError(field, `must be a number, got ${shown(v)}`);
  if (!Number.isFinite(n)) throw new FieldError(field, 'must be a finite number');
  if (opts.int && !Number.isInteger(n)) throw new FieldError(field, `must be a whole number, got ${n}`);
  if (opts.min !== undefined && n < opts.min) throw new FieldError(field, `must be at least ${opts.min}, got ${n}`);
  return n;
}

export function readText(row: Record<string, unknown>, field: string): string | null {
  const v = row[field];
  if (absent(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  throw new FieldError(field, `must be text, got ${shown(v)}`);
}

/** `true`, `"true"`, `"J"`, `1` ... -> true; absent -> null. */
export function readBoolean(row: Record<string, unknown>, field: string): boolean | null {
  const v = row[field];
  if (absent(v)) return null;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (['true', 'j', 'ja', 'y', 'yes', '1'].includes(s)) return true;
  if (['false', 'n', 'nei', 'no', '0'].includes(s)) return false;
  throw new FieldError(field, `must be true or false, got ${shown(v)}`);
}

/** `2023-07-01`, or a date-time starting with it; null when absent. */
export function readDate(row: Record<string, unknown>, field: string): string | null {
  const s = readText(row, field);
  if (s === null) return null;
  const day = s.slice(0, 10);
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) {
    throw new FieldError(field, `must be a date YYYY-MM-DD, got ${shown(s)}`);
  }
  return day;
}

/** A code list as people write it: a string (kept verbatim for the code-set parser) or an array. */
export function readCodeListText(row: Record<string, unknown>, field: string): string | null {
  const v = row[field];
  if (absent(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) {
    const parts = v.map((x, i) => {
      if (typeof x === 'string' || typeof x === 'number') return String(x).trim();
      throw new FieldError(`${field}.${i}`, `must be a takst code, got ${shown(x)}`);
    });
    const kept = parts.filter((p) => p !== '');
    return kept.length ? kept.join(', ') : null;
  }
  throw new FieldError(field, `must be a list of codes (text or array), got ${shown(v)}`);
}

/** Plain codes only (krever_takst): "2ad, 2ak" or ["2ad", "2ak"] -> ['2ad', '2ak']. */
export function readCodes(row: Record<string, unknown>, field: string): string[] | null {
  const text = readCodeListText(row, field);
  if (text === null) return null;
  const codes = text
    .split(/[\s,;]+/)
    .map((c) => c.replace(/\.$/, ''))
    .filter((c) => c !== '' && c.toLowerCase() !== 'og')
    .map(normalizeCode);
  const bad = codes.find((c) => !isCodeShaped(c));
  if (bad !== undefined) throw new FieldError(field, `"${bad}" is not a takst code`);
  return codes.length ? [...new Set(codes)] : null;
}
