// Takst and merknad search for the popup. Results rank in tiers (issue 12): exact code, code prefix,
// whole words of the label, word prefixes (still typing), then typos (edit distance 1-2); æ/ø/å spelled
// ae/o/aa and bokmål/nynorsk forms meet. Within a tier, a label that has the query words next to each
// other and near its start ranks first ("e-konsultasjon" -> 2ae before 1i "E-resept ... konsultasjon").
// The index is built once per tariff; a query then only scans the vocabulary (a few thousand words).
import { compareCodes, isCodeShaped, normalizeCode } from '../../core/codes';
import { canonical } from './synonyms';
import { fold, words } from './fold';
import { editDistance } from './distance';

export interface SearchEntry {
  code: string;
  key: string;
  chapter: string;
  label: string;
  labelNn?: string | undefined;
  labelEn?: string | undefined;
  kind?: string | undefined;
  /** The tariff has only a placeholder for this takst ("innhold ikke hentet"): found by its code only. */
  placeholder?: boolean | undefined;
}

/** A merknad as a result of its own: found by its id ("D1", "merknad A1") or by the word "merknad". */
export interface MerknadEntry {
  id: string;
  summary: string | null;
  url: string | null;
  /** Takster that cite the merknad. */
  codes: string[];
}

export type SearchHit<E extends SearchEntry = SearchEntry> =
  | { type: 'takst'; entry: E; score: number }
  | { type: 'merknad'; merknad: MerknadEntry; score: number };

/** Where a word occurs: entry, position among the label's words, and whether it came from the label. */
interface Posting {
  i: number;
  pos: number;
  fromLabel: boolean;
}

export interface SearchIndex<E extends SearchEntry = SearchEntry> {
  readonly entries: readonly E[];
  readonly merknader: readonly MerknadEntry[];
  /** Canonical word -> where it occurs. */
  readonly vocab: ReadonlyMap<string, readonly Posting[]>;
  readonly words: readonly string[];
}

// Words a doctor uses for a kind of takst that a short label may not contain. They find the takst, but
// rank after the label's own words.
const KIND_WORDS: Record<string, string> = {
  contact: 'enkel pasientkontakt',
  consultation: 'konsultasjon',
  'home-visit': 'sykebesok hjemmebesok',
  supplement: 'tillegg',
  material: 'materiell forbruksmateriell',
  travel: 'reise skyss',
  procedure: 'prosedyre',
  lab: 'laboratorium lab prove',
  radiology: 'rontgen radiologi',
};

// Score tiers; lower is better. Tier gaps (10) exceed any within-tier adjustment.
const TIER = { code: 0, codePrefix: 10, word: 20, prefix: 30, fuzzy: 40 } as const;

/** Folded, canonical words of one label with positions; a hyphenated word also counts joined ("ekonsultasjon"). */
function labelWords(text: string): Array<{ w: string; pos: number }> {
  const out: Array<{ w: string; pos: number }> = [];
  let pos = 0;
  for (const token of fold(text).split(/[^a-z0-9-]+/)) {
    const parts = token.split('-').filter(Boolean);
    if (!parts.length) continue;
    if (parts.length > 1) out.push({ w: canonical(parts.join('')), pos });
    for (const p of parts) out.push({ w: canonical(p), pos: pos++ });
  }
  return out;
}

export function buildSearchIndex<E extends SearchEntry>(entries: readonly E[], merknader: readonly MerknadEntry[] = []): SearchIndex<E> {
  const vocab = new Map<string, Posting[]>();
  const add = (w: string, p: Posting) => {
    const list = vocab.get(w);
    if (!list) vocab.set(w, [p]);
    else if (!list.some((x) => x.i === p.i && x.fromLabel === p.fromLabel && x.pos <= p.pos)) list.push(p);
  };
  entries.forEach((e, i) => {
    // A placeholder's label says nothing about the takst: it is found by its code only.
    if (e.placeholder) return;
    for (const label of [e.label, e.labelNn, e.labelEn]) {
      if (label) for (const { w, pos } of labelWords(label)) add(w, { i, pos, fromLabel: true });
    }
    for (const w of words(e.kind ? (KIND_WORDS[e.kind] ?? '') : '')) add(canonical(w), { i, pos: 99, fromLabel: false });
  });
  return { entries, merknader, vocab, words: [...vocab.keys()] };
}

/** Edits allowed for a query word of this length: none for 1-3 letters, 1 up to 6, then 2. */
function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

interface WordMatch {
  /** 0 whole word, 1 prefix, 2 typo. */
  kind: 0 | 1 | 2;
  /** Edit distance for typos, else 0. */
  d: number;
  pos: number;
  fromLabel: boolean;
}

const better = (a: WordMatch, b: WordMatch) =>
  a.kind !== b.kind ? a.kind < b.kind : a.d !== b.d ? a.d < b.d : a.fromLabel !== b.fromLabel ? a.fromLabel : a.pos < b.pos;

/** Best match per entry for one query word against the vocabulary. */
function wordMatches(index: SearchIndex, q: string): Map<number, WordMatch> {
  const best = new Map<number, WordMatch>();
  const put = (w: string, kind: 0 | 1 | 2, d: number) => {
    for (const p of index.vocab.get(w) ?? []) {
      const m: WordMatch = { kind, d, pos: p.pos, fromLabel: p.fromLabel };
      const prev = best.get(p.i);
      if (!prev || better(m, prev)) best.set(p.i, m);
    }
  };
  const max = allowedEdits(q.length);
  for (const w of index.words) {
    if (w === q) put(w, 0, 0);
    else if (w.startsWith(q)) put(w, 1, 0);
    else if (max > 0) {
      // Typo in a whole word, or in the part typed so far (the user is still typing).
      const whole = editDistance(q, w, max);
      const head = w.length > q.length ? editDistance(q, w.slice(0, q.length), max) : max + 1;
      const d = Math.min(whole, head + 0.5);
      if (d <= max) put(w, 2, d);
    }
  }
  return best;
}

/** Score of an entry's code against a code-shaped query, or null when it does not match. */
function codeScore(key: string, q: string): number | null {
  if (key === q) return TIER.code;
  if (key.startsWith(q)) return TIER.codePrefix + (key.length - q.length) * 0.01;
  const max = q.length <= 2 ? 0 : q.length <= 4 ? 1 : 2;
  if (max === 0) return null;
  const d = editDistance(q, key, max);
  return d <= max ? TIER.fuzzy + d : null;
}

/** Score of a whole-query word match: tier by the worst word, then typos, label order and adjacency. */
function wordsScore(matches: WordMatch[]): number {
  const worst = Math.max(...matches.map((m) => m.kind));
  const tier = worst === 0 ? TIER.word : worst === 1 ? TIER.prefix : TIER.fuzzy;
  const typos = matches.reduce((s, m) => s + m.d, 0);
  const kindOnly = matches.filter((m) => !m.fromLabel).length;
  // Query words in the label's order, each right after the previous: the label says what was typed.
  const adjacent = matches.every((m, k) => k === 0 || (m.fromLabel && matches[k - 1]!.fromLabel && m.pos === matches[k - 1]!.pos + 1));
  const first = Math.min(...matches.map((m) => (m.fromLabel ? m.pos : 20)));
  return tier + typos + kindOnly * 2 + (adjacent ? 0 : 1) + Math.min(first, 20) * 0.05;
}

const MERKNAD_ID = /^[a-z]{1,2}\d{1,2}[a-z]?$/;

/** Merknader for a query: an id ("d1", "merknad a1", "merknad d") or the word "merknad(er)" alone. */
function merknadHits(index: SearchIndex, trimmed: string): Array<{ merknad: MerknadEntry; score: number }> {
  const q = fold(trimmed).replace(/\s+/g, ' ');
  const m = /^(merkn[a-z]*)?\s*([a-z0-9-]*)$/.exec(q);
  if (!m) return [];
  const named = !!m[1];
  const id = (m[2] ?? '').replace(/-/g, '');
  if (!named && !MERKNAD_ID.test(id)) return [];
  const out: Array<{ merknad: MerknadEntry; score: number }> = [];
  for (const mk of index.merknader) {
    const mid = fold(mk.id).replace(/[^a-z0-9]/g, '');
    // An exact id ranks with an exact code, just after it; "merknad" alone lists them all.
    if (mid === id) out.push({ merknad: mk, score: TIER.code + 0.05 });
    else if (named && mid.startsWith(id)) out.push({ merknad: mk, score: TIER.codePrefix + 0.05 + mid.length * 0.01 });
  }
  return out;
}

export function search<E extends SearchEntry>(index: SearchIndex<E>, query: string, limit = 50): SearchHit<E>[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  const total = new Map<number, number>();
  const asCode = fold(normalizeCode(trimmed));
  if (isCodeShaped(asCode)) {
    index.entries.forEach((e, i) => {
      const s = codeScore(e.key, asCode);
      // A placeholder shows only for its exact code: the doctor learns the code exists, nothing more.
      if (s !== null && (!e.placeholder || s === TIER.code)) total.set(i, s);
    });
  }
  const qWords = words(trimmed).map(canonical);
  const compact = qWords.join('');
  if (qWords.length > 0 && !(qWords.length === 1 && /\d/.test(qWords[0]!))) {
    // Every query word must match a word of the entry.
    let acc: Map<number, WordMatch[]> | null = null;
    for (const q of qWords) {
      const s = wordMatches(index as SearchIndex, q);
      const next = new Map<number, WordMatch[]>();
      if (acc === null) for (const [i, m] of s) next.set(i, [m]);
      else
        for (const [i, list] of acc) {
          const m = s.get(i);
          if (m) next.set(i, [...list, m]);
        }
      acc = next;
    }
    const put = (i: number, score: number) => {
      const prev = total.get(i);
      if (prev === undefined || score < prev) total.set(i, score);
    };
    for (const [i, list] of acc ?? []) put(i, wordsScore(list));
    // "e-konsultasjon" typed as "e konsultasjon" or "ekonsultasjon": the joined form is a word too.
    if (qWords.length > 1) for (const [i, m] of wordMatches(index as SearchIndex, compact)) put(i, wordsScore([m]));
  }
  const takster: SearchHit<E>[] = [...total].map(([i, score]) => ({ type: 'takst' as const, entry: index.entries[i]!, score }));
  const merknader: SearchHit<E>[] = merknadHits(index as SearchIndex, trimmed).map((h) => ({ type: 'merknad' as const, ...h }));
  return [...takster, ...merknader]
    .sort((a, b) => a.score - b.score || compareCodes(hitKey(a), hitKey(b)))
    .slice(0, limit);
}

/** A stable key for a hit: the takst's code key, or `merknad-<id>`. */
export function hitKey(h: SearchHit): string {
  return h.type === 'takst' ? h.entry.key : `merknad-${h.merknad.id}`;
}
