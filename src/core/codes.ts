// Takst code normalisation and tariff order. Used by the parser, the validator and the UI.

/** Case- and space-insensitive key of a code: `" 2AD "` -> `2ad`, `K02a` -> `k02a`. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '').toLowerCase();
}

/**
 * Structure of a normalised code: optional letter prefix (K, H, V, L), a number, letters, and a
 * numeric suffix (`1ad2`). Returns null when the text is not code-shaped.
 */
export interface CodeParts {
  prefix: string;
  num: number;
  letters: string;
  suffix: string;
}

const CODE_RE = /^([a-z]{0,2}?)(\d{1,4})([a-z]*)(\d*)$/;

export function codeParts(key: string): CodeParts | null {
  const m = CODE_RE.exec(key);
  if (!m) return null;
  return { prefix: m[1] ?? '', num: Number(m[2]), letters: m[3] ?? '', suffix: m[4] ?? '' };
}

/** True when the normalised text looks like a takst code. */
export function isCodeShaped(key: string): boolean {
  return CODE_RE.test(key);
}

/** Tariff order: prefix, then number, then letters, then suffix (`701a` < `701c` < `703` < `712`). */
export function compareCodes(a: string, b: string): number {
  const pa = codeParts(a);
  const pb = codeParts(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.prefix !== pb.prefix) return pa.prefix < pb.prefix ? -1 : 1;
  if (pa.num !== pb.num) return pa.num - pb.num;
  if (pa.letters !== pb.letters) return pa.letters < pb.letters ? -1 : 1;
  if (pa.suffix !== pb.suffix) return pa.suffix < pb.suffix ? -1 : 1;
  return 0;
}
