import { EGENANDELSTAK, egenandelstak } from '../../src/data/egenandelstak';

describe('egenandelstak', () => {
  test.each([
    [2019, 2369],
    [2020, 2460],
    [2022, 2921],
    [2023, 3040],
    [2024, 3165],
    [2025, 3278],
  ])('%i: %i kr', (year, amount) => expect(egenandelstak(year)?.amount).toBe(amount));

  test('years no source gives are null, never guessed', () => {
    expect(egenandelstak(2021)).toBeNull();
    expect(egenandelstak(2026)).toBeNull();
  });

  test('2024 is verified against the seed; the others are marked unverified', () => {
    expect(egenandelstak(2024)?.provenance).toMatchObject({ verified: true, year: '2024' });
    expect(egenandelstak(2024)?.provenance.note).toContain('3165');
    expect(EGENANDELSTAK.filter((e) => e.provenance.verified).map((e) => e.year)).toEqual([2024]);
  });

  test('every entry has provenance for its own year, oldest first', () => {
    for (const e of EGENANDELSTAK) expect(e.provenance.year).toBe(String(e.year));
    const years = EGENANDELSTAK.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});
