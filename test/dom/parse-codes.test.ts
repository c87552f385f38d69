// Splitting what a doctor types into codes and counts.
import { isCode, parseCodes, parseCount } from '../../content-scripts/adapters/parse-codes';

describe('parseCodes', () => {
  test.each([
    ['2ad, 701a; 2cd x2', [['2ad', 1], ['701a', 1], ['2cd', 2]]],
    ['2ad 2cd x2 701a', [['2ad', 1], ['2cd', 2], ['701a', 1]]],
    ['2cd×3', [['2cd', 3]]],
    ['2cd x 3', [['2cd', 3]]],
    ['2cd X3', [['2cd', 3]]],
    ['3 x 2cd', [['2cd', 3]]],
    ['3x2cd, 2ad', [['2cd', 3], ['2ad', 1]]],
    ['2ad\n701a\n2cd*2', [['2ad', 1], ['701a', 1], ['2cd', 2]]],
    ['K02a, H1', [['K02a', 1], ['H1', 1]]],
    ['1ad2 4a1', [['1ad2', 1], ['4a1', 1]]],
    ['', []],
    ['konsultasjon', []],
  ])('%j', (text, expected) => {
    expect(parseCodes(text).map((c) => [c.code, c.count])).toEqual(expected);
  });

  test('a bare number before x is a code when the right side is a bare number too (100 x 2)', () => {
    expect(parseCodes('100 x 2')).toEqual([{ code: '100', count: 2 }]);
  });

  test('counts are clamped to 1..999', () => {
    expect(parseCodes('2cd x0')).toEqual([{ code: '2cd', count: 1 }]);
  });

  test('codes glued to words are not codes', () => {
    expect(parseCodes('abc2ad 2adx')).toEqual([]);
  });
});

describe('isCode / parseCount', () => {
  test('isCode accepts one code-shaped token only', () => {
    expect(isCode(' 701a ')).toBe(true);
    expect(isCode('2ad 2cd')).toBe(false);
    expect(isCode('Konsultasjon')).toBe(false);
  });

  test('parseCount reads x N, N x and a lone number', () => {
    expect(parseCount('– Konsultasjon × 2')).toBe(2);
    expect(parseCount('3 x')).toBe(3);
    expect(parseCount('Antall: 4')).toBe(4);
    expect(parseCount('ingen')).toBeNull();
  });
});
