import { buildSearchIndex, search, type SearchEntry } from '../../src/ui/search/index';
import { uiTakstIndex } from '../../src/background/handlers/ui-takst-index';
import { fakeBrowser } from './background/fake-browser';
import { editDistance } from '../../src/ui/search/distance';
import { fold, words } from '../../src/ui/search/fold';
import { canonical } from '../../src/ui/search/synonyms';

const entries: SearchEntry[] = [
  { code: '2ad', key: '2ad', chapter: 'B', kind: 'consultation', label: 'Konsultasjon hos allmennlege, dag' },
  { code: '2ak', key: '2ak', chapter: 'B', kind: 'consultation', label: 'Konsultasjon hos allmennlege, kveld/natt/helg' },
  { code: '2fk', key: '2fk', chapter: 'B', kind: 'consultation', label: 'Konsultasjon og utrykning til legevaktkontor, første pasient' },
  { code: '11ad', key: '11ad', chapter: 'B', kind: 'home-visit', label: 'Sykebesøk, dag', labelNn: 'Sjukebesøk, dag' },
  { code: '11ak', key: '11ak', chapter: 'B', kind: 'home-visit', label: 'Sykebesøk, kveld' },
  { code: '1ad', key: '1ad', chapter: 'A', kind: 'contact', label: 'Enkel pasientkontakt ved frammøte, dag' },
  { code: '701a', key: '701a', chapter: 'F', kind: 'lab', label: 'Taking av blodprøve' },
  { code: '701c', key: '701c', chapter: 'F', kind: 'lab', label: 'Tillegg for blodprøve fra vene' },
  { code: '21', key: '21', chapter: 'C', kind: 'travel', label: 'Reisetillegg per påbegynt halvtime' },
  { code: '612b', key: '612b', chapter: 'E', kind: 'procedure', label: 'Samtaleterapi med barn under 18 år' },
];
const index = buildSearchIndex(entries);
const codes = (q: string) => search(index, q).flatMap((h) => (h.type === 'takst' ? [h.entry.code] : []));

describe('fold', () => {
  test('æ ø å and their ASCII spellings meet', () => {
    expect(fold('Sykebesøk')).toBe(fold('sykebesok'));
    expect(fold('påbegynt')).toBe(fold('paabegynt'));
    expect(fold('Bærum')).toBe(fold('baerum'));
    expect(fold('sykebesøk')).toBe(fold('sykebesoek'));
    expect(fold('kafé')).toBe('kafe');
  });
  test('words keep codes whole', () => {
    expect(words('Takst 2fk, 701a/701c')).toEqual(['takst', '2fk', '701a', '701c']);
  });
});

describe('bokmål/nynorsk stems', () => {
  test('sjukebesøk and sykebesøk share a canonical form', () => {
    expect(canonical(fold('sjukebesøk'))).toBe(canonical(fold('sykebesøk')));
    expect(canonical('heimebesok')).toBe(canonical('hjemmebesok'));
    expect(canonical('konsultasjon')).toBe('konsultasjon');
  });
});

describe('editDistance', () => {
  test('counts substitutions, insertions, deletions and transpositions', () => {
    expect(editDistance('2fk', '2fk', 2)).toBe(0);
    expect(editDistance('2kf', '2fk', 2)).toBe(1);
    expect(editDistance('konsultasjn', 'konsultasjon', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('search', () => {
  test('an exact code comes first', () => {
    expect(codes('2fk')[0]).toBe('2fk');
    expect(codes(' 2FK ')[0]).toBe('2fk');
  });
  test('a code prefix lists the codes it starts', () => {
    expect(codes('701')).toEqual(['701a', '701c']);
    expect(codes('11a')).toEqual(['11ad', '11ak']);
  });
  test('a code typo within one edit still finds it', () => {
    expect(codes('2kf')).toContain('2fk');
    expect(codes('701x')).toEqual(expect.arrayContaining(['701a', '701c']));
  });
  test('very short codes are not fuzzed into noise', () => {
    expect(codes('21')).toEqual(['21']);
  });
  test('words find takster in bokmål, nynorsk and ASCII spelling', () => {
    expect(codes('sykebesøk')).toEqual(['11ad', '11ak']);
    expect(codes('sjukebesøk')).toEqual(['11ad', '11ak']);
    expect(codes('sykebesok')).toEqual(['11ad', '11ak']);
    expect(codes('blodprove')).toEqual(['701a', '701c']);
  });
  test('typos in words are tolerated', () => {
    expect(codes('konsultasjn')).toEqual(expect.arrayContaining(['2ad', '2ak', '2fk']));
    expect(codes('utryknnig')).toContain('2fk');
  });
  test('a prefix typed so far already matches', () => {
    expect(codes('legevak')).toEqual(['2fk']);
    expect(codes('sykeb')).toEqual(['11ad', '11ak']);
  });
  test('all words must match', () => {
    expect(codes('sykebesøk kveld')).toEqual(['11ak']);
    expect(codes('konsultasjon dag')).toEqual(['2ad']);
  });
  test('kind words find takster whose label lacks them', () => {
    expect(codes('hjemmebesøk')).toEqual(['11ad', '11ak']);
  });
  test('nothing matches nonsense or an empty query', () => {
    expect(codes('xqzw')).toEqual([]);
    expect(codes('   ')).toEqual([]);
  });
});

// Issue 12: the ranking against the real bundled tariff and its merknader, through the background's index.
describe('search over the bundled tariff', () => {
  let real: ReturnType<typeof buildSearchIndex>;
  beforeAll(async () => {
    const handler = uiTakstIndex({ api: fakeBrowser(), now: () => new Date('2024-03-12T09:00:00Z') });
    const r = await handler({ tariffId: 'fastlege-2023-2024' }, { fromExtensionPage: true });
    real = buildSearchIndex(r.entries, r.merknader ?? []);
  });
  const top = (q: string, n = 5) => search(real, q, n).map((h) => (h.type === 'takst' ? h.entry.code : `merknad ${h.merknad.id}`));

  test('"e-konsultasjon" and "ekonsultasjon" put 2ae first', () => {
    expect(top('e-konsultasjon')[0]).toBe('2ae');
    expect(top('ekonsultasjon')[0]).toBe('2ae');
    expect(top('e konsultasjon')[0]).toBe('2ae');
  });
  test('"konsultasjn" (a typo) has 2ad in the top 3', () => {
    expect(top('konsultasjn', 3)).toContain('2ad');
  });
  test('tiers: exact code, then code prefix, then whole words, then word prefixes, then typos', () => {
    expect(top('2ad')[0]).toBe('2ad');
    expect(top('2a', 50).slice(0, 3).every((c) => c.startsWith('2a'))).toBe(true);
    // A whole word beats a prefix of a longer word and a typo.
    const r = search(real, 'konsultasjon', 100);
    const firstPrefixOrTypo = r.findIndex((h) => h.score >= 30);
    const lastWhole = r.map((h) => h.score < 30).lastIndexOf(true);
    expect(lastWhole).toBeLessThan(firstPrefixOrTypo === -1 ? Infinity : firstPrefixOrTypo);
  });
  test('merknader are results of their own: "D1", "B1", "merknad A1"', () => {
    const d1 = search(real, 'D1')[0]!;
    expect(d1.type).toBe('merknad');
    if (d1.type !== 'merknad') return;
    expect(d1.merknad.id).toBe('D1');
    expect(d1.merknad.summary).toMatch(/16/);
    expect(d1.merknad.codes).toEqual(expect.arrayContaining(['2ak', '2fk']));
    expect(top('B1')[0]).toBe('merknad B1');
    expect(top('merknad A1')[0]).toBe('merknad A1');
    expect(top('merknad a1')[0]).toBe('merknad A1');
    // "merknad" alone lists merknader; legends and chapter texts are not merknader.
    const all = top('merknad', 100);
    expect(all).toEqual(expect.arrayContaining(['merknad A1', 'merknad D1', 'merknad B9']));
    expect(all.some((x) => /LEGEND/.test(x))).toBe(false);
  });
  test('placeholder takster ("innhold ikke hentet") appear only for their exact code', () => {
    const labels = (q: string) => search(real, q, 100).flatMap((h) => (h.type === 'takst' ? [h.entry.label] : []));
    for (const q of ['tillegg', 'konsultasjon', 'sykebesøk', 'innhold', 'hentet', '11', '6']) {
      expect({ q, placeholders: labels(q).filter((l) => /ikke hentet/.test(l)) }).toEqual({ q, placeholders: [] });
    }
    expect(top('2p')[0]).toBe('2p');
  });
});
