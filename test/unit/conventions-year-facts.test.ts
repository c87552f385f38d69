// Convention: tariff facts of a year live in the tariff rows, never in rule code. The next tariff year
// must be an import, not a code change. So src/core/rules/ (and the shared src/core/rule.ts) hold no
// takst code in a string or identifier, and no date or year anywhere (comments included).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_TARIFFS } from '../../src/data/index';

const ROOT = join(__dirname, '..', '..');
const FILES = [
  ...readdirSync(join(ROOT, 'src/core/rules'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/core/rules/${f}`),
  'src/core/rule.ts',
];

const HOW =
  'Tariff facts belong in the tariff rows: add a field or rule option to TakstRow (src/core/types.ts and ' +
  'src/core/tariff/schema.ts), set it in src/data/curation/ (and map the official field in src/data/import/takstkoder.ts), ' +
  'and read it from e.takst.row in the rule. See docs/tariff-data.md, "Year facts as data".';

/** Splits source into code, comments and string literals (enough for these files: no quotes inside regex literals). */
export function splitSource(src: string): { code: string; comments: string[]; strings: string[] } {
  let code = '';
  const comments: string[] = [];
  const strings: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      comments.push(src.slice(i + 2, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      comments.push(src.slice(i + 2, stop - 2));
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      strings.push(src.slice(i + 1, j));
      code += ' "" ';
      i = j + 1;
    } else {
      code += c;
      i += 1;
    }
  }
  return { code, comments, strings };
}

const KNOWN = new Set(BUNDLED_TARIFFS.flatMap((v) => v.takster.map((t) => t.code.toLowerCase())));
/** Shapes no word or identifier has: digits then letters (2cd, 11ak, 701a, 2aef), or K01a-like. */
const CODE_SHAPE = /^(\d{1,4}[a-z]{1,4}\d?|[a-z]\d{2}[a-z]\d?)$/i;

export function takstCodesIn(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((tok) => tok !== '' && (CODE_SHAPE.test(tok) || KNOWN.has(tok.toLowerCase())));
}

const DATE = /\b(19|20)\d{2}\b|\b\d{1,2}\.? ?(jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-z]*\.?,? (19|20)?\d{2}\b/gi;

export function datesIn(text: string): string[] {
  return [...text.matchAll(DATE)].map((m) => m[0]);
}

describe('no year facts in rule code', () => {
  test.each(FILES)('%s: no takst code in a string or identifier', (file) => {
    const { code, strings } = splitSource(readFileSync(join(ROOT, file), 'utf8'));
    const found = [...strings.flatMap(takstCodesIn), ...takstCodesIn(code).filter((t) => !/^\d+$/.test(t))];
    if (found.length) throw new Error(`${file} names takst code(s) ${[...new Set(found)].join(', ')}. ${HOW}`);
  });

  test.each(FILES)('%s: no date or year, not even in a comment', (file) => {
    const found = datesIn(readFileSync(join(ROOT, file), 'utf8'));
    if (found.length) throw new Error(`${file} holds date(s) ${[...new Set(found)].join(', ')}. A date is a fact of a tariff year: ${HOW}`);
  });
});

describe('the convention test itself', () => {
  test('finds codes in strings and skips comments', () => {
    const s = splitSource("// 2cd in a comment\nif (e.key === '2cd' || x === \"11ak\") f(`${a} 701a`);");
    expect(s.strings.flatMap(takstCodesIn)).toEqual(['2cd', '11ak', '701a']);
    expect(s.comments.join('')).toContain('2cd');
    expect(takstCodesIn(s.code)).toEqual([]);
  });

  test('does not mistake words, message keys or code systems for takst codes', () => {
    expect(takstCodesIn('rule_time_window_k ICPC-2 ICD-10 HH:MM merknad D1 B1 LEGEND-REPETISJONER')).toEqual([]);
  });

  test('finds dates and years', () => {
    expect(datesIn('before 1 July 2024; Fastlegetariffen-2023-2024; since 1 Dec 2017')).toEqual(['1 July 2024', '2023', '2024', '1 Dec 2017']);
    expect(datesIn('d{4}-d{2} 23 * 60 seed 004')).toEqual([]);
  });
});
