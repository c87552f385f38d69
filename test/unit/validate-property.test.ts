// Any well-formed bill gives a report, never an exception; findings only name codes on the bill.
import fc from 'fast-check';
import { bundledCompiled } from '../../src/data/index';
import { normalizeCode } from '../../src/core/codes';
import { EXEMPTION_IDS, type Bill } from '../../src/core/types';
import { validateBill } from '../../src/core/validate';

const tariffs = bundledCompiled();
const known = [...tariffs[0]!.byKey.keys()];
const code = fc.oneof(fc.constantFrom(...known), fc.string({ minLength: 1, maxLength: 6 }));
const two = (n: number) => String(n).padStart(2, '0');
const at = fc
  .record({ d: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
  .map(({ d, h, m }) => `${d.toISOString().slice(0, 10)}T${two(h)}:${two(m)}`);

const bill: fc.Arbitrary<Bill> = fc.record(
  {
    at,
    setting: fc.constantFrom('fastlege', 'legevakt', 'spesialist'),
    onCall: fc.constantFrom('presence', 'home', undefined),
    urgent: fc.boolean(),
    clinician: fc.record({ specialistGP: fc.boolean(), turnus: fc.boolean(), performedBy: fc.constantFrom('doctor', 'staff') }, { requiredKeys: [] }),
    patient: fc.record({ age: fc.integer({ min: 0, max: 120 }), exemptions: fc.subarray([...EXEMPTION_IDS]) }, { requiredKeys: [] }),
    diagnoses: fc.array(fc.constantFrom('K86', 'R74', 'J06.9', 'I10', 'x', ''), { maxLength: 3 }),
    durationMinutes: fc.integer({ min: 0, max: 240 }),
    clinic: fc.record({ holidayEveStart: fc.constantFrom('12:00', '00:00', '15:30') }, { requiredKeys: [] }),
    lines: fc.array(fc.record({ code, count: fc.integer({ min: 1, max: 20 }) }), { maxLength: 25 }),
  },
  { requiredKeys: ['at', 'setting', 'lines'] },
) as fc.Arbitrary<Bill>;

test('validateBill is total on well-formed bills and only names codes on the bill', () => {
  fc.assert(
    fc.property(bill, fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>, (b, locale) => {
      const r = validateBill(b, { tariffs, locale, now: '2050-01-01' });
      const keys = new Set(b.lines.map((l) => normalizeCode(l.code)));
      for (const f of r.findings) {
        for (const c of f.codes) expect(keys.has(c)).toBe(true);
        // No unfilled placeholder in our text; a code the user typed may itself contain braces ("{0}").
        // Longest codes out first: taking "o" out of "o{0}" first would leave a "{0}" the user typed.
        const ownText = [...keys].sort((a, b) => b.length - a.length).reduce((m, k) => m.split(k).join(''), f.message);
        expect(ownText).not.toMatch(/\{\w+\}/);
      }
      for (const k of r.amounts.unknown) expect(keys.has(k)).toBe(true);
      expect(Number.isFinite(r.amounts.honorar + r.amounts.refusjon + r.amounts.egenandel)).toBe(true);
    }),
    // FC_SEED / FC_PATH replay a failure fast-check printed.
    { numRuns: 400, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}) },
  );
});
