// Tokeniser for the code-set notation. Works case-insensitively on the original text so that token
// positions stay true to what the user sees in an error message.

export type TokenType =
  | 'code' // 1ak, 217c, K02a, 11 (from "11med")
  | 'letter' // a single bare letter that continues the previous code's number: "1ak, b, f"
  | 'word' // any other word: prose, or garbage
  | 'sep' // comma, semicolon, "og"
  | 'dash' // range "-"
  | 'tom' // range "t.o.m."
  | 'except' // "med unntak av", "unntatt", "bortsett fra"
  | 'all' // "alle"
  | 'dot'
  | 'ellipsis' // "…" or "...": the extract was cut here
  | 'other';

export interface Token {
  readonly type: TokenType;
  /** Lower-case text of the token. */
  readonly text: string;
  /** 0-based offset in the original text. */
  readonly pos: number;
}

// Order matters: keywords before words, "t.o.m." before the letter "t", ellipsis before the dot.
const RULES: ReadonlyArray<readonly [TokenType | null, RegExp]> = [
  [null, /\s+/y],
  ['sep', /[,;]/y],
  ['ellipsis', /…|\.{3}/y],
  ['tom', /t\.\s*o\.\s*m\.?/iy],
  ['except', /med\s+unntak\s+av(?![\p{L}\d])/iuy],
  ['except', /(?:unntatt|bortsett\s+fra)(?![\p{L}\d])/iuy],
  ['all', /alle(?![\p{L}\d])/iuy],
  ['sep', /og(?![\p{L}\d])/iuy],
  // A code may be glued to the next keyword ("11med unntak av"), so its letters stop before "med ".
  ['code', /[a-z]{0,2}\d{1,4}(?:(?!med\s)[a-z])*\d*(?=med\s|[^\p{L}\d]|$)/iuy],
  ['word', /\p{L}+/uy],
  ['dash', /[-\u2010-\u2015\u2212]/y],
  ['dot', /\./y],
];

/** Splits `text[start..end)` into tokens; never throws. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let pos = start;
  while (pos < end) {
    let matched = false;
    for (const [type, re] of RULES) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || m[0].length === 0 || pos + m[0].length > end) continue;
      if (type) {
        const lower = m[0].toLowerCase();
        const finalType: TokenType = type === 'word' && [...lower].length === 1 ? 'letter' : type;
        tokens.push({ type: finalType, text: lower, pos });
      }
      pos += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      const ch = String.fromCodePoint(text.codePointAt(pos) ?? 0);
      tokens.push({ type: 'other', text: ch, pos });
      pos += ch.length;
    }
  }
  return tokens;
}
