// Takst search for the popup: by code or by words, tolerant of typos (edit distance 1-2), of æ/ø/å
// spelled ae/o/aa and of bokmål/nynorsk forms. The index is built once per tariff; a query then only
// scans the tariff's vocabulary (a few thousand short words), which keeps each keystroke cheap.
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
}

export interface SearchHit<E extends SearchEntry = SearchEntry> {
  entry: E;
  /** Lower is better: 0 = exact code. */
  score: number;
}

export interface SearchIndex<E extends SearchEntry = SearchEntry> {
  readonly entries: readonly E[];
  /** Canonical word -> entry indexes. */
  readonly vocab: ReadonlyMap<string, readonly number[]>;
  readonly words: readonly string[];
}

// Words a doctor uses for a kind of takst that a short label may not contain.
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

function entryWords(e: SearchEntry): Set<string> {
  const text = [e.label, e.labelNn ?? '', e.labelEn ?? '', e.kind ? (KIND_WORDS[e.kind] ?? '') : ''].join(' ');
  return new Set(words(text).map(canonical));
}

export function buildSearchIndex<E extends SearchEntry>(entries: readonly E[]): SearchIndex<E> {
  const vocab = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const w of entryWords(e)) {
      const list = vocab.get(w);
      if (list) list.push(i);
      else vocab.set(w, [i]);
    }
  });
  return { entries, vocab, words: [...vocab.keys()] };
}

/** Edits allowed for a query word of this length: none for 1-3 letters, 1 up to 6, then 2. */
function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** Best score per entry for one query word matched against the vocabulary (exact, prefix, typo). */
function wordScores(index: SearchIndex, q: string): Map<number, number> {
  const scores = new Map<number, number>();
  const put = (w: string, score: number) => {
    for (const i of index.vocab.get(w) ?? []) {
      const prev = scores.get(i);
      if (prev === undefined || score < prev) scores.set(i, score);
    }
  };
  const max = allowedEdits(q.length);
  for (const w of index.words) {
    if (w === q) put(w, 0);
    else if (w.startsWith(q)) put(w, 0.5);
    else if (max > 0) {
      // Typo in a whole word, or in the part typed so far (the user is still typing).
      const whole = editDistance(q, w, max);
      const head = w.length > q.length ? editDistance(q, w.slice(0, q.length), max) : max + 1;
      const d = Math.min(whole, head + 0.5);
      if (d <= max) put(w, 1 + d);
    }
  }
  return scores;
}

/** Score of an entry's code against a code-shaped query, or null when it does not match. */
function codeScore(key: string, q: string): number | null {
  if (key === q) return 0;
  if (key.startsWith(q)) return 0.2 + (key.length - q.length) * 0.01;
  const max = q.length <= 2 ? 0 : q.length <= 4 ? 1 : 2;
  if (max === 0) return null;
  const d = editDistance(q, key, max);
  return d <= max ? 1 + d : null;
}

export function search<E extends SearchEntry>(index: SearchIndex<E>, query: string, limit = 50): SearchHit<E>[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  const total = new Map<number, number>();
  const asCode = fold(normalizeCode(trimmed));
  if (isCodeShaped(asCode)) {
    index.entries.forEach((e, i) => {
      const s = codeScore(e.key, asCode);
      if (s !== null) total.set(i, s);
    });
  }
  const qWords = words(trimmed).map(canonical);
  if (qWords.length > 0 && !(qWords.length === 1 && /\d/.test(qWords[0]!))) {
    // Every query word must match a word of the entry; the scores add up.
    let acc: Map<number, number> | null = null;
    for (const q of qWords) {
      const s = wordScores(index as SearchIndex, q);
      if (acc === null) acc = s;
      else {
        const next = new Map<number, number>();
        for (const [i, v] of acc) {
          const w = s.get(i);
          if (w !== undefined) next.set(i, v + w);
        }
        acc = next;
      }
    }
    for (const [i, v] of acc ?? []) {
      // Word matches rank after code matches of the same quality.
      const score = v + 0.1;
      const prev = total.get(i);
      if (prev === undefined || score < prev) total.set(i, score);
    }
  }
  return [...total]
    .map(([i, score]) => ({ entry: index.entries[i]!, score }))
    .sort((a, b) => a.score - b.score || compareCodes(a.entry.key, b.entry.key))
    .slice(0, limit);
}
