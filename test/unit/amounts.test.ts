import { computeAmounts, exemptionOf, feeMultiplier } from '../../src/core/amounts';
import { bundledCompiled } from '../../src/data/index';
import { validateBill } from '../../src/core/validate';
import { check, lines } from './rules/helpers';

// Fixture amounts (test/unit/rules/helpers.ts): 2ad 200/30/170, 2cd 40/30/10, 105 100/100/-, 10b 93/0/93, 701a 72/11/61, 703 21/21/-.
describe('amounts', () => {
  test('sums honorar, refusjon and egenandel with counts', () => {
    expect(check({ codes: '2ad 2cd x2', durationMinutes: 40 }).amounts).toEqual({ honorar: 280, refusjon: 90, egenandel: 190, unknown: [] });
  });

  test('a missing amount is derived from the other two (Hon/ref tables: egenandel 0)', () => {
    expect(check({ codes: '2ad 703' }).amounts).toEqual({ honorar: 221, refusjon: 51, egenandel: 170, unknown: [] });
  });

  test('reduced repetition: 105 x2 = one full fee + one at 50 %', () => {
    expect(check({ codes: '2ad 105 x2' }).amounts.honorar).toBe(200 + 150);
  });

  test('unknown amounts are listed, never counted as 0', () => {
    const a = check({ codes: '2ad 612b hello', patient: { age: 10 } }).amounts;
    expect(a.unknown).toEqual(['612b', 'hello']);
  });

  test('an exemption: egenandel 0 and refusjon = honorar; material fees stay a patient payment', () => {
    expect(check({ codes: '2ad 701a', patient: { age: 12 } }).amounts).toEqual({ honorar: 272, refusjon: 272, egenandel: 0, unknown: [], exemption: 'under16' });
    expect(check({ codes: '2ad 100 10b', patient: { exemptions: ['frikort'] } }).amounts).toMatchObject({ egenandel: 93, exemption: 'frikort' });
  });

  test('exemptionOf: listed ground first, else under 16 by age', () => {
    const base = { at: '2024-03-13T10:00', setting: 'fastlege' as const, lines: [] };
    expect(exemptionOf({ ...base, patient: { age: 15 } })).toBe('under16');
    expect(exemptionOf({ ...base, patient: { age: 16 } })).toBeUndefined();
    expect(exemptionOf({ ...base, patient: { age: 5, exemptions: ['violence-abuse'] } })).toBe('violence-abuse');
    expect(exemptionOf(base)).toBeUndefined();
  });

  test.each([
    [{ kind: 'once' as const }, 3, 1],
    [{ kind: 'times' as const, max: 8 }, 9, 8],
    [{ kind: 'unlimited' as const }, 4, 4],
    [{ kind: 'reduced' as const, percent: 50, max: 1 }, 3, 1.5],
    [{ kind: 'reduced' as const, percent: 70, max: null }, 3, 2.4],
    [null, 2, 2],
  ])('feeMultiplier(%j, %i) = %p', (rep, count, want) => expect(feeMultiplier(rep, count)).toBeCloseTo(want));

  test('a code outside the tariff is unknown', () => {
    expect(computeAmounts([{ code: 'x1', count: 1, takst: undefined }], undefined)).toEqual({ honorar: 0, refusjon: 0, egenandel: 0, unknown: ['x1'], incomplete: ['honorar', 'refusjon', 'egenandel'] });
  });

  test('bundled 2023-2024 data: 2ad has only an egenandel, so it is unknown; 1bd 72/72/0 is known', () => {
    const r = validateBill({ at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], lines: lines('1bd') }, { tariffs: bundledCompiled() });
    expect(r.amounts).toEqual({ honorar: 72, refusjon: 72, egenandel: 0, unknown: [] });
    const c = validateBill({ at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], lines: lines('2ad 701a') }, { tariffs: bundledCompiled() });
    expect(c.amounts).toEqual({ honorar: 72, refusjon: 11, egenandel: 170 + 61, unknown: ['2ad'], incomplete: ['honorar', 'refusjon'] });
  });
});
