// Expands a parsed code set against a tariff's code universe, once per tariff version, so that
// validation is a Set lookup and never parses text.
import { codeParts, normalizeCode, type CodeParts } from '../codes';
import type { CompiledCodeSet } from '../types';
import type { CodeItem, CodeSetExpr, CodeTerm } from './expr';
import { inRange } from './parse';

interface Universe {
  readonly keys: ReadonlySet<string>;
  readonly parts: ReadonlyArray<readonly [string, CodeParts]>;
  /** Codes grouped by prefix + number (`2` -> 2ad, 2ak ...), the unit most terms select on. */
  readonly byNumber: ReadonlyMap<string, ReadonlyArray<readonly [string, CodeParts]>>;
  /** Expansions by term text: lists of one tariff repeat the same terms ("2", "11", "621"). */
  readonly expanded: Map<string, readonly string[]>;
}

// compileTariff calls this once per list with the same array; split the codes once per array.
const universes = new WeakMap<readonly string[], Universe>();

function universeOf(list: readonly string[]): Universe {
  let u = universes.get(list);
  if (!u) {
    const keys = new Set(list.map(normalizeCode));
    const parts: [string, CodeParts][] = [];
    const byNumber = new Map<string, [string, CodeParts][]>();
    for (const k of keys) {
      const p = codeParts(k);
      if (!p) continue;
      parts.push([k, p]);
      const group = byNumber.get(p.prefix + p.num);
      if (group) group.push([k, p]);
      else byNumber.set(p.prefix + p.num, [[k, p]]);
    }
    u = { keys, parts, byNumber, expanded: new Map() };
    universes.set(list, u);
  }
  return u;
}

/** The universe codes a term stands for (see CodeTerm for the meaning of each kind). */
export function expandTerm(term: CodeTerm, universe: readonly string[]): readonly string[] {
  const u = universeOf(universe);
  const id = `${term.kind}:${term.text}`;
  let codes = u.expanded.get(id);
  if (!codes) {
    codes = expandUncached(term, u);
    u.expanded.set(id, codes);
  }
  return codes;
}

function expandUncached(term: CodeTerm, u: Universe): string[] {
  switch (term.kind) {
    case 'range':
      return u.parts.filter(([k]) => inRange(k, term.from, term.to)).map(([k]) => k);
    case 'number':
      return (u.byNumber.get(term.prefix + term.num) ?? []).map(([k]) => k);
    case 'code':
      // A code the tariff has means that code; otherwise the letters are a prefix ("1b" = 1bd, 1be, 1bk).
      if (u.keys.has(term.text)) return [term.text];
      if (term.suffix !== '') return [];
      return (u.byNumber.get(term.prefix + term.num) ?? []).filter(([, p]) => p.letters.startsWith(term.letters)).map(([k]) => k);
  }
}

function expandItems(items: readonly CodeItem[], universe: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    const excluded = item.except.length ? new Set(item.except.flatMap((t) => expandTerm(t, universe))) : null;
    for (const k of expandTerm(item.term, universe)) if (!excluded?.has(k)) out.add(k);
  }
  return out;
}

/** Terms that match no code of the universe (typos, or codes this version lacks); for warnings. */
export function unmatchedTerms(expr: CodeSetExpr, universe: readonly string[]): string[] {
  const items = expr.kind === 'allExcept' ? expr.except : expr.items;
  const terms = items.flatMap((i) => [i.term, ...i.except]);
  return terms.filter((t) => expandTerm(t, universe).length === 0).map((t) => t.text);
}

/**
 * Compiles a code set. The owning takst (`self`) never matches: "alle" means all *other* takster,
 * and a takst's own repetitions are the repetition rule's business.
 */
export function compileCodeSet(expr: CodeSetExpr, universe: readonly string[], self?: string): CompiledCodeSet {
  const selfKey = self === undefined ? null : normalizeCode(self);
  if (expr.kind === 'allExcept') {
    const codes = expandItems(expr.except, universe);
    if (selfKey !== null) codes.add(selfKey);
    return { mode: 'allExcept', codes, text: expr.source };
  }
  const codes = expandItems(expr.items, universe);
  if (selfKey !== null) codes.delete(selfKey);
  return { mode: 'only', codes, text: expr.source };
}

/** Whether a compiled set matches a normalised code. */
export function codeSetHas(set: CompiledCodeSet, key: string): boolean {
  return set.mode === 'only' ? set.codes.has(key) : !set.codes.has(key);
}
