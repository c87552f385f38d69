import fc from 'fast-check';
import { parseCodeSet } from '../../src/core/codeset/parse';
import { compileCodeSet } from '../../src/core/codeset/compile';
import raw from '../fixtures/tariff-raw-lists.json';

// A small universe covering the tricky corners of the notation.
const UNIVERSE = [
  '1ad', '1ad2', '1ak', '1bd', '1be', '1bk', '1e', '1f', '1g', '1h', '1i',
  '2ad', '2ae', '2aek', '2ak', '2bd', '2cd', '2cdd', '2ck', '2p',
  '7', '8', '10a', '10b', '11ad', '11ak', '11e', '11f', '12', '21', '21k', '22',
  '100', '109b', '217c', '612a', '612b',
  '701a', '701c', '703', '705a', '712', '712a', '713',
  '3ad', 'k02a', 'k02b', 'k02g', 'k02h', 'v2', 'v3', 'v4', 'h1',
];

function expand(text: string, self?: string): { mode: string; codes: string[] } {
  const r = parseCodeSet(text);
  if (!r.ok) throw new Error(r.error);
  const set = compileCodeSet(r.expr, UNIVERSE, self);
  return { mode: set.mode, codes: [...set.codes].sort() };
}

describe('parseCodeSet: every raw list of the reference parses', () => {
  test.each(raw.lists.map((l) => [l.code, l.field, l.text] as const))('%s %s: %s', (_code, _field, text) => {
    const r = parseCodeSet(text);
    expect(r).toMatchObject({ ok: true });
  });
  test('the fixture holds every list (42 distinct strings)', () => expect(raw.lists).toHaveLength(42));
});

describe('parseCodeSet: expansions of the tricky notation', () => {
  test.each([
    // number prefixes: the NUMBER, not a textual prefix
    ['1', ['1ad', '1ad2', '1ak', '1bd', '1be', '1bk', '1e', '1f', '1g', '1h', '1i']],
    ['2', ['2ad', '2ae', '2aek', '2ak', '2bd', '2cd', '2cdd', '2ck', '2p']],
    // continuation letters
    ['1ak, b, f, g', ['1ak', '1bd', '1be', '1bk', '1f', '1g']],
    ['1b, f og g', ['1bd', '1be', '1bk', '1f', '1g']],
    ['1ak, b, d, f, g h og i', ['1ak', '1bd', '1be', '1bk', '1f', '1g', '1h', '1i']],
    // missing spaces/commas
    ['2p,7, 8', ['2p', '7', '8']],
    ['109b,10a, 10b', ['109b', '10a', '10b']],
    // exceptions bind to the term before them, and the list continues
    ['11med unntak av 11e, 12', ['11ad', '11ak', '11f', '12']],
    ['1, 11med unntak av 11e og 11f, 12, 21', ['1ad', '1ad2', '1ak', '1bd', '1be', '1bk', '1e', '1f', '1g', '1h', '1i', '11ad', '11ak', '12', '21', '21k']],
    ['11 med unntak av 11e', ['11ad', '11ak', '11f']],
    // a code the tariff has means that code; otherwise letters are a prefix
    ['1ad', ['1ad']],
    ['2c', ['2cd', '2cdd', '2ck']],
    ['2cd', ['2cd']],
    // ranges, inclusive, bare-number upper bound includes its lettered codes
    ['701a-712', ['701a', '701c', '703', '705a', '712', '712a']],
    ['701a t.o.m. 712', ['701a', '701c', '703', '705a', '712', '712a']],
    ['701c–703', ['701c', '703']],
    // prose allow-lists
    ['Taksten kan kun kombineres med V3 og V4.', ['v3', 'v4']],
    ['Taksten kan kun kombineres med takst 701a der det også blir gjort ordinær PCR-test i samme kontakt.', ['701a']],
    // trailing dot, upper case
    ['2cd, 2cdd, 7, 8, 612a.', ['2cd', '2cdd', '612a', '7', '8']],
    ['H1, 2BD', ['2bd', 'h1']],
    // truncated extract: what is there
    ['1ak, 1b, f, g og h, 2, … (text garbled/cut in extract)', ['1ak', '1bd', '1be', '1bk', '1f', '1g', '1h', '2ad', '2ae', '2aek', '2ak', '2bd', '2cd', '2cdd', '2ck', '2p']],
  ])('%s', (text, want) => {
    expect(expand(text)).toEqual({ mode: 'only', codes: [...want].sort() });
  });

  test('alle = every other code (allExcept, never matching the owner)', () => {
    expect(expand('alle', '1bd')).toEqual({ mode: 'allExcept', codes: ['1bd'] });
  });
  test('Alle unntatt 701a t.o.m. 712 = all except the range (and the owner)', () => {
    expect(expand('Alle unntatt 701a t.o.m. 712.', '1ad2')).toEqual({
      mode: 'allExcept',
      codes: ['1ad2', '701a', '701c', '703', '705a', '712', '712a'],
    });
  });
  test('alle bortsett fra 3ad', () => {
    expect(expand('alle bortsett fra 3ad')).toEqual({ mode: 'allExcept', codes: ['3ad'] });
  });
  test('mutually exclusive group', () => {
    const r = parseCodeSet('Takstene K02a-K02g er gjensidig utelukkende.');
    expect(r.ok && r.expr.kind).toBe('exclusiveGroup');
    expect(expand('Takstene K02a-K02g er gjensidig utelukkende.', 'k02g')).toEqual({ mode: 'only', codes: ['k02a', 'k02b'] });
  });
  test('the owner never matches its own list', () => {
    expect(expand('1ak, b', '1bd').codes).not.toContain('1bd');
  });

  test('prose conditions and truncation are reported as warnings', () => {
    const prose = parseCodeSet('Taksten kan kun kombineres med takst 701a der det også blir gjort ordinær PCR-test i samme kontakt.');
    expect(prose).toMatchObject({ ok: true, expr: { kind: 'list', condition: 'der det også blir gjort ordinær PCR-test i samme kontakt' } });
    expect(prose.ok && prose.warnings[0]).toContain('PCR-test');
    const cut = parseCodeSet('1ad, 1b, … (text garbled/cut in extract)');
    expect(cut.ok && cut.warnings.join()).toMatch(/truncated at position 10/);
    expect(parseCodeSet('1ad, 2ad').ok && (parseCodeSet('1ad, 2ad') as { warnings: string[] }).warnings).toEqual([]);
  });
});

describe('parseCodeSet: garbage gives an error naming the token', () => {
  test.each([
    ['', /empty/],
    ['   ', /empty/],
    ['hello world', /"hello" at position 1/],
    ['2ad, banana', /"banana" at position 6/],
    ['2ad, 50%', /"%" at position 8/],
    ['701a-', /range needs a code/],
    ['712-701a', /runs backwards/],
    ['K02a-712', /letter prefix/],
    ['med unntak av 11e', /needs a code before it/],
    ['11 med unntak av 12', /inside "11"/],
    ['2ad, alle', /"alle" must stand first/],
    ['alle 2ad', /after "alle"/],
    ['Taksten kan kun kombineres med der', /not a takst code: "der" at position 32/],
    ['… cut', /no takst code/],
    ['2ad (x)', /"\(" at position 5/],
  ])('%j', (text, want) => {
    const r = parseCodeSet(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(want);
  });

  test('non-string and oversized input', () => {
    expect(parseCodeSet(42 as unknown as string)).toEqual({ ok: false, error: 'code list must be text' });
    expect(parseCodeSet('1, '.repeat(2000)).ok).toBe(false);
  });
});

describe('parseCodeSet: properties', () => {
  const wellFormed = (r: ReturnType<typeof parseCodeSet>): boolean =>
    r.ok ? Array.isArray(r.warnings) && typeof r.expr.kind === 'string' : typeof r.error === 'string' && r.error.length > 0;

  test('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => wellFormed(parseCodeSet(s))), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => wellFormed(parseCodeSet(s))), { numRuns: 1000 });
  });

  const texts = raw.lists.map((l) => l.text);
  const pieces = [',', ' ', '-', '.', 'og', 'med unntak av', 't.o.m.', 'alle', 'unntatt', '…', '1', 'b', '2ad', 'x', '(', 'Takstene'];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...pieces) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('swapCase' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  );
  type Mutation = { kind: 'insert'; at: number; piece: string } | { kind: 'delete' | 'swapCase'; at: number; len: number };
  function mutate(text: string, m: Mutation): string {
    const at = text.length ? m.at % text.length : 0;
    if (m.kind === 'insert') return text.slice(0, at) + m.piece + text.slice(at);
    if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.len);
    return text.slice(0, at) + text.slice(at, at + m.len).toUpperCase() + text.slice(at + m.len);
  }

  test('never throws on mutations of real lists, and compiles whatever parses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        const mutated = ms.reduce((t, m) => mutate(t, m as Mutation), text);
        const r = parseCodeSet(mutated);
        if (r.ok) expect(() => compileCodeSet(r.expr, UNIVERSE)).not.toThrow();
        return wellFormed(r);
      }),
      { numRuns: 2000 },
    );
  });

  test('case and extra spaces after commas do not change the meaning', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.integer({ min: 1, max: 3 }), (text, n) => {
        const a = parseCodeSet(text);
        const b = parseCodeSet(text.toUpperCase().replace(/, /g, `,${' '.repeat(n)}`));
        if (!a.ok || !b.ok) return a.ok === b.ok;
        const sa = compileCodeSet(a.expr, UNIVERSE);
        const sb = compileCodeSet(b.expr, UNIVERSE);
        return sa.mode === sb.mode && [...sa.codes].sort().join() === [...sb.codes].sort().join();
      }),
    );
  });
});
