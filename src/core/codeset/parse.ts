// Parser for the code-set notation of the normaltariff's "Ugyldig takstkombinasjon" and
// "Kan kun kombineres med" lists. The lists are written for people (missing commas, "og" as a comma,
// glued keywords, prose around the codes), so the parser is lenient where the meaning is clear and
// returns an error naming the token where it is not. It never throws.
import { codeParts, compareCodes, normalizeCode } from '../codes';
import type { CodeItem, CodeSetExpr, CodeTerm } from './expr';
import { tokenize, type Token } from './lex';

export type { CodeItem, CodeSetExpr, CodeTerm } from './expr';

export type ParseCodeSetResult =
  | { ok: true; expr: CodeSetExpr; warnings: string[] }
  | { ok: false; error: string };

/** Longer texts are not code lists; refusing them keeps the parser's cost bounded. */
const MAX_LENGTH = 4000;

const EXCLUSIVE_RE = /^\s*takstene\s+(.+?)\s+er\s+gjensidig\s+utelukkende\s*\.?\s*$/iu;
const PROSE_LEAD_RE = /^\s*(?:taksten\s+)?kan\s+(?:kun|bare)\s+kombineres\s+med\s+/iu;
/** Words that may precede codes inside prose ("med takst 701a"). */
const PROSE_FILLER = new Set(['takst', 'taksten', 'takstene', 'takster']);

class ParseError extends Error {}

function fail(token: Token | undefined, what: string): never {
  if (!token) throw new ParseError(`${what} at the end of the list`);
  throw new ParseError(`${what}: "${token.text}" at position ${token.pos + 1}`);
}

export function parseCodeSet(text: string): ParseCodeSetResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'code list must be text' };
    if (text.length > MAX_LENGTH) return { ok: false, error: `code list is longer than ${MAX_LENGTH} characters` };
    if (text.trim() === '') return { ok: false, error: 'code list is empty' };
    const warnings: string[] = [];

    const exclusive = EXCLUSIVE_RE.exec(text);
    if (exclusive?.[1] !== undefined) {
      const start = text.indexOf(exclusive[1]);
      const { items } = new Parser(text, start, start + exclusive[1].length, false, warnings).parseList();
      return { ok: true, expr: { kind: 'exclusiveGroup', items, source: text }, warnings };
    }

    const lead = PROSE_LEAD_RE.exec(text);
    const parser = new Parser(text, lead ? lead[0].length : 0, text.length, lead !== null, warnings);
    return { ok: true, expr: parser.parseTop(), warnings };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    return { ok: false, error: `could not parse the code list (${e instanceof Error ? e.message : String(e)})` };
  }
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  /** The prefix and number that a bare continuation letter ("1ak, b") belongs to. */
  private lastNumber: { prefix: string; num: number } | null = null;

  constructor(
    private readonly text: string,
    start: number,
    end: number,
    private readonly prose: boolean,
    private readonly warnings: string[],
  ) {
    const all = tokenize(text, start, end);
    const cut = all.findIndex((t) => t.type === 'ellipsis');
    if (cut >= 0) {
      const at = all[cut]!.pos;
      warnings.push(`list is truncated at position ${at + 1} ("${text.slice(at).trim()}"); only the codes before it are used`);
      this.tokens = all.slice(0, cut);
    } else {
      this.tokens = all;
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  parseTop(): CodeSetExpr {
    this.skipSeparators();
    if (this.peek()?.type === 'all') {
      this.i++;
      this.skipSeparators();
      const next = this.peek();
      if (!next) return { kind: 'allExcept', except: [], source: this.text };
      if (next.type !== 'except') fail(next, 'expected "unntatt", "bortsett fra" or the end after "alle"');
      this.i++;
      const { items, condition } = this.parseList();
      if (condition !== null) fail(undefined, 'unexpected text');
      return { kind: 'allExcept', except: items, source: this.text };
    }
    const { items, condition } = this.parseList();
    return { kind: 'list', items, condition, source: this.text };
  }

  parseList(): { items: CodeItem[]; condition: string | null } {
    const items: { term: CodeTerm; except: CodeTerm[] }[] = [];
    let condition: string | null = null;
    for (;;) {
      this.skipSeparators();
      const t = this.peek();
      if (!t) break;
      if (t.type === 'except') {
        const last = items[items.length - 1];
        if (!last) fail(t, 'an exception needs a code before it');
        this.i++;
        last.except.push(...this.parseExceptions(last.term, t));
        continue;
      }
      const term = this.readTerm();
      if (term) {
        items.push({ term, except: [] });
        continue;
      }
      if (this.prose && t.type === 'word' && PROSE_FILLER.has(t.text)) {
        this.i++;
        continue;
      }
      if (this.prose && items.length > 0 && (t.type === 'word' || t.type === 'letter')) {
        condition = this.text.slice(t.pos).trim().replace(/\.$/, '');
        this.warnings.push(`condition kept as a note, not checked: "${condition}"`);
        break;
      }
      if (t.type === 'all') fail(t, '"alle" must stand first in the list');
      fail(t, 'not a takst code');
    }
    if (items.length === 0) fail(undefined, 'no takst code in the list');
    return { items, condition };
  }

  /** Exceptions after "med unntak av": the following terms that lie inside `parent`. */
  private parseExceptions(parent: CodeTerm, keyword: Token): CodeTerm[] {
    const out: CodeTerm[] = [];
    for (;;) {
      const save = this.i;
      this.skipSeparators();
      const t = this.peek();
      const term = t ? this.readTerm() : null;
      if (!term || !contains(parent, term)) {
        if (out.length === 0) fail(t ?? keyword, `expected a code inside "${parent.text}" after "${keyword.text}"`);
        this.i = save;
        this.restoreLastNumber(parent);
        return out;
      }
      out.push(term);
    }
  }

  private restoreLastNumber(term: CodeTerm): void {
    if (term.kind === 'range') return;
    this.lastNumber = { prefix: term.prefix, num: term.num };
  }

  private skipSeparators(): void {
    for (let t = this.peek(); t && (t.type === 'sep' || t.type === 'dot'); t = this.peek()) this.i++;
  }

  /** A code, a range or a continuation letter; null (consuming nothing) when the next token is none. */
  private readTerm(): CodeTerm | null {
    const t = this.peek();
    if (!t) return null;
    if (t.type === 'letter' && this.lastNumber && /^[a-z]$/.test(t.text)) {
      this.i++;
      const { prefix, num } = this.lastNumber;
      return { kind: 'code', prefix, num, letters: t.text, suffix: '', text: `${prefix}${num}${t.text}` };
    }
    if (t.type !== 'code') return null;
    this.i++;
    const from = codeTerm(t);
    const op = this.peek();
    if (op && (op.type === 'dash' || op.type === 'tom')) {
      const toToken = this.peek(1);
      if (!toToken || toToken.type !== 'code') fail(toToken ?? op, 'a range needs a code after it');
      this.i += 2;
      const to = codeTerm(toToken);
      if (from.prefix !== to.prefix) fail(toToken, 'a range must stay within one letter prefix');
      if (compareCodes(from.text, to.text) > 0) fail(toToken, `range ${from.text}-${to.text} runs backwards`);
      this.lastNumber = { prefix: to.prefix, num: to.num };
      return { kind: 'range', from: from.text, to: to.text, text: `${from.text}-${to.text}` };
    }
    this.lastNumber = { prefix: from.prefix, num: from.num };
    return from;
  }
}

type SingleTerm = Exclude<CodeTerm, { kind: 'range' }>;

function codeTerm(t: Token): SingleTerm {
  const term = singleTerm(normalizeCode(t.text));
  if (!term) fail(t, 'not a takst code');
  return term;
}

function singleTerm(key: string): SingleTerm | null {
  const p = codeParts(key);
  if (!p) return null;
  if (p.letters === '' && p.suffix === '') return { kind: 'number', prefix: p.prefix, num: p.num, text: key };
  return { kind: 'code', prefix: p.prefix, num: p.num, letters: p.letters, suffix: p.suffix, text: key };
}

/** Whether `child` lies inside `parent` (so "11 med unntak av 11e" is an exception, "12" is not). */
function contains(parent: CodeTerm, child: CodeTerm): boolean {
  if (child.kind === 'range') {
    const from = singleTerm(child.from);
    const to = singleTerm(child.to);
    return from !== null && to !== null && contains(parent, from) && contains(parent, to);
  }
  if (parent.kind === 'range') return inRange(child.text, parent.from, parent.to);
  if (child.prefix !== parent.prefix || child.num !== parent.num) return false;
  if (parent.kind === 'number') return true;
  return child.kind === 'code' && child.letters.startsWith(parent.letters) && child.text !== parent.text;
}

/**
 * Inclusive range test in tariff order. A bare-number upper bound covers its lettered codes
 * (701a-712 includes 712a); both ends must share the letter prefix.
 */
export function inRange(key: string, from: string, to: string): boolean {
  const k = codeParts(key);
  const f = codeParts(from);
  const t = codeParts(to);
  if (!k || !f || !t || k.prefix !== f.prefix || k.prefix !== t.prefix) return false;
  if (compareCodes(key, from) < 0) return false;
  if (t.letters === '' && t.suffix === '') return k.num <= t.num;
  return compareCodes(key, to) <= 0;
}
