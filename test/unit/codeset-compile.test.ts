import { codeSetHas, compileCodeSet, expandTerm, unmatchedTerms } from '../../src/core/codeset/compile';
import { inRange, parseCodeSet } from '../../src/core/codeset/parse';
import type { CodeSetExpr } from '../../src/core/codeset/expr';

const UNIVERSE = ['1ad', '1ad2', '1bd', '1bk', '2ad', '2cd', '2cdd', '21', '21k', '217c', '701a', '703', '712', '712a', '713', 'k02a', 'k02b', 'V3'];

function parsed(text: string): CodeSetExpr {
  const r = parseCodeSet(text);
  if (!r.ok) throw new Error(r.error);
  return r.expr;
}

describe('expandTerm', () => {
  test.each([
    [{ kind: 'number', prefix: '', num: 21, text: '21' }, ['21', '21k']],
    [{ kind: 'number', prefix: '', num: 217, text: '217' }, ['217c']],
    [{ kind: 'code', prefix: '', num: 1, letters: 'b', suffix: '', text: '1b' }, ['1bd', '1bk']],
    [{ kind: 'code', prefix: '', num: 1, letters: 'ad', suffix: '', text: '1ad' }, ['1ad']],
    [{ kind: 'code', prefix: '', num: 1, letters: 'ad', suffix: '3', text: '1ad3' }, []],
    [{ kind: 'range', from: '703', to: '712', text: '703-712' }, ['703', '712', '712a']],
    [{ kind: 'range', from: 'k02a', to: 'k02a', text: 'k02a-k02a' }, ['k02a']],
  ] as const)('%j', (term, want) => expect([...expandTerm(term, UNIVERSE)].sort()).toEqual([...want].sort()));

  test('the universe is normalised (V3 matches v3)', () => {
    expect(expandTerm({ kind: 'number', prefix: 'v', num: 3, text: 'v3' }, UNIVERSE)).toEqual(['v3']);
  });
});

describe('inRange', () => {
  test.each([
    ['701a', true], ['712', true], ['712a', true], ['713', false], ['700', false], ['k702', false],
  ])('%s in 701a..712: %s', (key, want) => expect(inRange(key, '701a', '712')).toBe(want));
  test('a lettered upper bound is exact', () => expect(inRange('712b', '701a', '712a')).toBe(false));
});

describe('compileCodeSet', () => {
  test('only-sets are exactly the expansion, minus the owner', () => {
    const s = compileCodeSet(parsed('1, 2cd'), UNIVERSE, '1AD');
    expect(s.mode).toBe('only');
    expect([...s.codes].sort()).toEqual(['1ad2', '1bd', '1bk', '2cd']);
    expect(s.text).toBe('1, 2cd');
    expect([codeSetHas(s, '1bd'), codeSetHas(s, '1ad'), codeSetHas(s, '2cdd')]).toEqual([true, false, false]);
  });

  test('allExcept sets match everything else, including codes outside the universe', () => {
    const s = compileCodeSet(parsed('alle bortsett fra 2ad'), UNIVERSE, '1bd');
    expect([codeSetHas(s, '2ad'), codeSetHas(s, '1bd'), codeSetHas(s, '2cd'), codeSetHas(s, '999x')]).toEqual([false, false, true, true]);
  });

  test('without an owner nothing is removed', () => {
    expect(compileCodeSet(parsed('1ad, 2ad'), UNIVERSE).codes.size).toBe(2);
  });
});

describe('unmatchedTerms', () => {
  test('names terms that match nothing in the universe', () => {
    expect(unmatchedTerms(parsed('1ad, 621, 2ad med unntak av 2adx, 1z'), UNIVERSE)).toEqual(['621', '2adx', '1z']);
    expect(unmatchedTerms(parsed('Alle unntatt 701a t.o.m. 712'), UNIVERSE)).toEqual([]);
  });
});
