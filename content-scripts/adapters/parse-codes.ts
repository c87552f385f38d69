// Splits text typed into a takst field into codes and counts: `2ad, 701a; 2cd x2`, `2cd×3`, `3 x 2cd`.

export interface ParsedCode {
  code: string;
  count: number;
}

// A takst code: optional letter prefix (K, H, V), a number, letters (never x: it writes a count), a suffix.
const CODE = '[a-z]{0,2}\\d{1,4}[a-wyzæøå]{0,4}\\d{0,2}';
const CODE_ONLY = new RegExp(`^${CODE}$`, 'i');
const SCAN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(\\d{1,3})\\s*x\\s*)?(${CODE})(?:\\s*x\\s*(\\d{1,3}))?(?![\\p{L}\\p{N}])`,
  'giu',
);

/** True when `text` (trimmed) is exactly one code-shaped token. */
export function isCode(text: string): boolean {
  return CODE_ONLY.test(text.trim());
}

/** Count marks `×`, `*` and `X` read as `x`. */
function normaliseCountMarks(text: string): string {
  return text.replace(/[×*✕X]/g, 'x');
}

function clampCount(n: number): number {
  return Math.min(999, Math.max(1, n));
}

/** All codes in `text`, in order, each with its count (1 unless written). */
export function parseCodes(text: string): ParsedCode[] {
  const out: ParsedCode[] = [];
  for (const m of normaliseCountMarks(text).matchAll(SCAN)) {
    let code = m[2] ?? '';
    let count = Number(m[3] ?? m[1] ?? 1);
    // `100 x 2` means code 100 twice, not code 2 a hundred times: a bare number is a code first.
    if (m[1] && !m[3] && /^\d+$/.test(code)) {
      count = Number(code);
      code = m[1];
    }
    out.push({ code, count: clampCount(count) });
  }
  return out;
}

/** A count written next to a code in prose: `... x 2`, `2 x ...`, `Antall: 2`. */
export function parseCount(text: string): number | null {
  const t = normaliseCountMarks(text);
  const m = /x\s*(\d{1,3})\s*$/.exec(t) ?? /^\s*(\d{1,3})\s*x/.exec(t) ?? /^\D*(\d{1,3})\D*$/.exec(t);
  return m ? clampCount(Number(m[1])) : null;
}
