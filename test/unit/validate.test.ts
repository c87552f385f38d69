import { t } from '../../src/core/i18n';
import { RULE_IDS } from '../../src/core/rules/index';
import { RULES, validateBill } from '../../src/core/validate';
import { BASE, BASE_ROWS, bill, check, compile } from './rules/helpers';
import { displayParam } from '../../src/core/i18n';

const OFFICIAL = compile(BASE_ROWS, { official: true });

describe('validateBill', () => {
  test('the registry holds every stable rule id once', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of RULE_IDS) expect(ids).toContain(id);
  });

  test('findings come in bill order, bill-level findings first', () => {
    const r = check({ codes: '100 x9 1bd hello 2ad', diagnoses: [] });
    // The registry runs unknown-code before invalid-combination and repetition-limit; the report is still in bill order.
    expect(r.findings.map((f) => [f.rule, f.codes[0] ?? '-'])).toEqual([
      ['diagnosis-required', '-'],
      ['repetition-limit', '100'],
      ['invalid-combination', '1bd'],
      ['unknown-code', 'hello'],
    ]);
  });

  test('same input, same report (pure)', () => {
    const b = bill({ codes: '1bd 2ad 2cd x9', durationMinutes: 30, diagnoses: [] });
    const copy = structuredClone(b);
    expect(validateBill(b, { tariffs: [BASE] })).toEqual(validateBill(b, { tariffs: [BASE] }));
    expect(b).toEqual(copy);
  });

  test('codes are matched case- and space-insensitively and lines with one code are merged', () => {
    const r = validateBill(
      { at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], durationMinutes: 40, lines: [{ code: ' 2AD', count: 1 }, { code: '2 c d', count: 1 }, { code: '2CD', count: 1 }] },
      { tariffs: [BASE] },
    );
    expect(r.findings).toEqual([]);
    const over = validateBill(
      { at: '2024-03-13T10:00', setting: 'fastlege', diagnoses: ['R74'], durationMinutes: 30, lines: [{ code: '2ad', count: 1 }, { code: '2cd', count: 1 }, { code: '2CD', count: 1 }] },
      { tariffs: [BASE] },
    );
    expect(over.findings.map((f) => [f.rule, f.params?.count])).toEqual([['duration', 2]]);
  });

  test('severity overrides, off and muted', () => {
    const spec = { codes: '1bd 2ad', diagnoses: [] as string[] };
    expect(check(spec).findings.map((f) => [f.rule, f.severity])).toEqual([
      ['diagnosis-required', 'error'],
      ['invalid-combination', 'error'],
    ]);
    expect(check(spec, { severity: { 'invalid-combination': 'warning' } }).findings.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(check(spec, { severity: { 'diagnosis-required': 'off' } }).findings.map((f) => f.rule)).toEqual(['invalid-combination']);
    expect(check(spec, { muted: ['invalid-combination'] }).findings.map((f) => f.rule)).toEqual(['diagnosis-required']);
  });

  test('a finding carries message, fix, source and docs in the chosen locale', () => {
    const nb = check({ codes: '1bd 2ad' }).findings[0];
    const en = check({ codes: '1bd 2ad' }, { locale: 'en' }).findings[0];
    const nn = check({ codes: '1bd 2ad' }, { locale: 'nn' }).findings[0];
    expect(nb).toMatchObject({ rule: 'invalid-combination', codes: ['1bd', '2ad'], docs: 'docs/rules/invalid-combination.md', key: 'rule_invalid_combination_alone' });
    expect(nb?.message).toContain('kan ikke kombineres');
    expect(nn?.message).toContain('kan ikkje kombinerast');
    expect(en?.message).toContain('cannot be combined');
    expect(nb?.fix).toBeTruthy();
    expect(nb?.source.merknad).toBe('A1');
  });

  test('messages are exactly what t() gives for the key and params as people read them (the fast formatter agrees)', () => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      // An official version, so no finding carries the partial-data note (tested below).
      const r = check({ codes: '100 x9 1bd hello 2ad 2cd x3 612b', diagnoses: ['J06.9'], durationMinutes: 30, patient: { age: 12 } }, { locale, now: '2024-01-01' }, OFFICIAL);
      expect(r.findings.length).toBeGreaterThan(5);
      for (const f of r.findings) {
        // Issue 12 §8: dates as 13.03.2024 and tariff versions by name in the text; `params` keep the raw values.
        const shown = f.params && Object.fromEntries(Object.keys(f.params).map((k) => [k, displayParam(locale, k, f.params!)]));
        expect(f.message).toBe(t(locale, f.key, shown));
      }
    }
  });

  test('dates in messages read 13.03.2024 and a tariff version "Normaltariffen 2023-24" (issue 12 §8)', () => {
    const future = check({ codes: '2ad' }, { now: '2024-01-01' }).findings.find((f) => f.rule === 'future-date');
    expect(future?.message).toContain('13.03.2024');
    expect(future?.message).toContain('01.01.2024');
    expect(future?.params?.date).toBe('2024-03-13');
    expect(displayParam('nb', 'id', { id: 'fastlege-2023-2024', from: '2023-07-01', to: '2024-06-30' })).toBe('Normaltariffen 2023-24');
  });

  test('a malformed time is a clear error naming the field', () => {
    expect(() => validateBill({ at: '13.03.2024', setting: 'fastlege', lines: [] }, { tariffs: [BASE] })).toThrow(/^at: /);
  });

  test('the report names the tariff used', () => {
    expect(check({ codes: '2ad' }).tariff).toEqual({ id: 'test-2023-2024', validFrom: '2023-07-01', validTo: '2024-06-30', label: 'Test tariff', year: '2023-24', official: false });
    expect(check({ codes: '2ad' }, {}, OFFICIAL).tariff).toMatchObject({ official: true });
  });

  test('without an official version for the date, findings that depend on the year say so; others do not', () => {
    const partial = check({ codes: '100 x9', diagnoses: [] });
    const rep = partial.findings.find((f) => f.rule === 'repetition-limit');
    expect(rep?.message).toBe(`${t('nb', rep?.key ?? '', rep?.params)} (Kontrollert mot Test tariff, ikke mot Helsedirektoratets offisielle takster for datoen.)`);
    const dx = partial.findings.find((f) => f.rule === 'diagnosis-required');
    expect(dx?.message).toBe(t('nb', 'rule_diagnosis_required'));
    const official = check({ codes: '100 x9' }, {}, OFFICIAL);
    expect(official.findings.find((f) => f.rule === 'repetition-limit')?.message).not.toContain('Kontrollert mot');
    // An official version that does not cover the bill's date is not "for the date".
    const other = check({ codes: '100 x9', at: '2025-01-10T10:00' }, {}, OFFICIAL);
    expect(other.findings.find((f) => f.rule === 'repetition-limit')?.message).toContain('Kontrollert mot Test tariff');
  });
});
