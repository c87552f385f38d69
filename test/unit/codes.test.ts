import { normalizeCode, compareCodes, codeParts } from '../../src/core/codes';
import { parseBill } from '../../src/core/bill';

describe('codes', () => {
  test.each([
    [' 2AD ', '2ad'],
    ['K02a', 'k02a'],
    ['2 c d', '2cd'],
  ])('normalizeCode(%p) = %p', (input, want) => expect(normalizeCode(input)).toBe(want));

  test('tariff order: number first, then letters, then suffix', () => {
    const codes = ['712', '701c', '703', '701a', '1ad2', '1ad', '11ak', '2ad', 'k02a', '100'];
    expect([...codes].sort(compareCodes)).toEqual(['1ad', '1ad2', '2ad', '11ak', '100', '701a', '701c', '703', '712', 'k02a']);
  });

  test('codeParts splits prefix, number, letters and suffix', () => {
    expect(codeParts('1ad2')).toEqual({ prefix: '', num: 1, letters: 'ad', suffix: '2' });
    expect(codeParts('k02a')).toEqual({ prefix: 'k', num: 2, letters: 'a', suffix: '' });
    expect(codeParts('hello world')).toBeNull();
  });
});

describe('parseBill', () => {
  test('accepts the minimal bill and defaults count to 1', () => {
    const r = parseBill({ at: '2024-03-13T17:30', setting: 'fastlege', lines: [{ code: '2ad' }] });
    expect(r).toEqual({ ok: true, value: { at: '2024-03-13T17:30', setting: 'fastlege', lines: [{ code: '2ad', count: 1 }] } });
  });
  test.each([
    [{ at: '2024-02-30T10:00', setting: 'fastlege', lines: [] }, 'at:'],
    [{ at: '2024-03-13T10:00', setting: 'sykehus', lines: [] }, 'setting:'],
    [{ at: '2024-03-13T10:00', setting: 'fastlege', lines: [{ code: '2ad', count: 0 }] }, 'lines[0].count:'],
    [{ at: '2024-03-13T10:00', setting: 'fastlege' }, 'lines:'],
  ])('rejects %j naming the field', (bill, field) => {
    const r = parseBill(bill);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(field);
  });
});
