import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTakstkoder, serializeTariff } from '../../src/data/import/takstkoder';
import { parseTariffVersion } from '../../src/core/tariff/schema';
import { compileTariff } from '../../src/core/tariff/compile';
import { BUNDLED_TARIFFS } from '../../src/data/index';
import { validateBill } from '../../src/core/validate';
import type { TakstRow, TariffVersion } from '../../src/core/types';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/takstkoder', name), 'utf8'));
const base = BUNDLED_TARIFFS[0] as TariffVersion;

function imported(name: string, options = {}): TariffVersion {
  const r = importTakstkoder(fixture(name), options);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.version;
}
const row = (v: TariffVersion, code: string): TakstRow => {
  const t = v.takster.find((x) => x.code === code);
  if (!t) throw new Error(`no ${code}`);
  return t;
};

describe('importTakstkoder: the valid 2024-07-01 file', () => {
  const r = importTakstkoder(fixture('valid-2024-07-01.json'), { base });

  test('builds a version for tariff year 2024-2025 that validates and compiles', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.version).toMatchObject({ id: 'takstkoder-2024-2025', validFrom: '2024-07-01', validTo: '2025-06-30', schemaVersion: 1 });
    expect(parseTariffVersion(r.version).ok).toBe(true);
    expect(compileTariff(r.version).ok).toBe(true);
  });

  test('skips the row that expired before the tariff year, with a warning', () => {
    if (!r.ok) throw new Error('import failed');
    expect(r.version.takster.map((t) => t.code)).not.toContain('701h');
    expect(r.version.takster).toHaveLength(26);
    expect(r.warnings.join('\n')).toMatch(/row 27 \(701h\).*skipped/);
  });

  test('maps amounts, repetition, deny, companions, duration', () => {
    if (!r.ok) throw new Error('import failed');
    const v = r.version;
    expect(row(v, '2ad')).toMatchObject({ hon: 190, ref: 18, egen: 172, repetition: { kind: 'once' } });
    expect(row(v, '2ad').deny).toBe('1, 2ak, 3, 4, 11med unntak av 11e, 12, 13, 14, 15, 21, 22, 217c, 621, 622, 623, 624');
    expect(row(v, '100').repetition).toEqual({ kind: 'times', max: 8 });
    expect(row(v, '105').repetition).toEqual({ kind: 'reduced', percent: 70, max: null });
    expect(row(v, '2cd').requiresAnyOf).toEqual(['2ad', '2ak', '2ae']);
    expect(row(v, '615').minDurationMinutes).toBe(15);
  });

  test('2aef is in the 2024-25 version; the bundled 2023-24 version does not have it', () => {
    if (!r.ok) throw new Error('import failed');
    expect(row(r.version, '2aef')).toMatchObject({ chapter: 'B', timeClass: null, provenance: { year: '2024-2025', verified: true } });
    expect(base.takster.some((t) => t.code === '2aef')).toBe(false);
  });

  test('carries allow lists, settings, ages, kind and timeClass over from the base, saying so', () => {
    if (!r.ok) throw new Error('import failed');
    const v = r.version;
    expect(row(v, '2ae').allow).toEqual(row(base, '2ae').allow);
    expect(row(v, '2ad')).toMatchObject({ settings: ['fastlege', 'legevakt'], kind: 'consultation', timeClass: 'd' });
    expect(row(v, '612b').maxAgeExclusive).toBe(18);
    expect(row(v, '2ae').fieldProvenance?.rules?.note).toMatch(/carried over from the base/);
    expect(row(v, '2ae').fieldProvenance?.rules?.source).toMatch(/^fastlege-2023-2024: /);
    expect(r.version.merknader.map((m) => m.id)).toContain('D1');
  });

  test('without a base: chapter and d/k time class come from the code', () => {
    const v = imported('valid-2024-07-01.json');
    expect(row(v, '1ak')).toMatchObject({ chapter: 'A', timeClass: 'k', allow: null, settings: null });
    expect(row(v, '2ad')).toMatchObject({ chapter: 'B', timeClass: 'd' });
    expect(row(v, '701a')).toMatchObject({ chapter: 'F', timeClass: null });
    expect(row(v, '21k')).toMatchObject({ chapter: 'C', timeClass: null });
    expect(row(v, '2ad').fieldProvenance).toBeUndefined();
  });

  test('round-trips through serializeTariff', () => {
    if (!r.ok) throw new Error('import failed');
    const text = serializeTariff(r.version);
    const back = parseTariffVersion(JSON.parse(text));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value).toEqual(r.version);
    expect(serializeTariff(JSON.parse(text) as TariffVersion)).toBe(text);
    // stable order: a row starts with its code whatever order the object had
    const shuffled = { ...r.version, takster: r.version.takster.map((t) => Object.fromEntries(Object.entries(t).reverse()) as unknown as TakstRow) };
    expect(serializeTariff(shuffled)).toBe(text);
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,\n {2}"id": "takstkoder-2024-2025"/);
  });

  test('options.id names the version', () => {
    expect(imported('valid-2024-07-01.json', { id: 'klinikk-2024' }).id).toBe('klinikk-2024');
  });
});

describe('importTakstkoder: bad rows', () => {
  const r = importTakstkoder(fixture('bad-rows.json'), { base });

  test('fails, with no version', () => {
    expect(r.ok).toBe(false);
    expect('version' in r).toBe(false);
  });

  test('names each bad row with its code and field', () => {
    if (r.ok) throw new Error('should fail');
    const got = r.errors.map((e) => [e.row, e.code, e.field]);
    expect(got).toEqual([
      [2, '2ak', 'honorar'],
      [3, '1ad', 'ugyldig_kombinasjon'],
      [4, null, 'takstkode'],
      [5, '2cd', 'krever_takst.1'],
      [6, '105', 'repetisjonsprosent'],
      [7, '11ad', 'fradato'],
      [8, '701a', 'honorar'],
    ]);
    expect(r.errors[1]?.message).toMatch(/"hello" at position 1/);
    expect(r.errors[0]?.message).toMatch(/must be a number, got "tre hundre"/);
  });

  test.each([
    [null, 'takstkoder'],
    [[], 'takstkoder'],
    [{ takstkoder: 'x' }, 'takstkoder'],
    [{ takstkoder: [] }, 'takstkoder'],
    [{ takstkoder: [42] }, '(row)'],
  ])('rejects %j', (json, field) => {
    const bad = importTakstkoder(json, {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.field).toBe(field);
  });

  test('a code twice in force is an error naming both rows', () => {
    const one = { takstkode: '2ad', fagomraade: 'LE', fradato: '2024-07-01', honorar: 1, refusjon: 1, egenandel: 0, beskrivelse: 'x' };
    const dup = importTakstkoder({ takstkoder: [one, { ...one, takstkode: '2AD' }] }, {});
    expect(dup).toEqual({ ok: false, errors: [{ row: 2, code: '2AD', field: 'takstkode', message: 'appears twice in force (rows 1 and 2)' }] });
  });

  test('rows of another fagomraade are skipped with a warning', () => {
    const rows = [
      { takstkode: '2ad', fagomraade: 'LE', fradato: '2024-07-01', beskrivelse: 'x' },
      { takstkode: '2ad', fagomraade: 'TA', fradato: '2024-07-01', beskrivelse: 'tannlege' },
    ];
    const res = importTakstkoder({ takstkoder: rows }, {});
    expect(res.ok && res.version.takster).toHaveLength(1);
    expect(res.ok && res.warnings.join()).toMatch(/fagomraade TA/);
  });
});

describe('importTakstkoder: list fields as strings or arrays, numbers as strings', () => {
  const v = imported('types-mixed.json');

  test('array and string lists give the same notation', () => {
    expect(row(v, '1ad').deny).toBe('1ak, b, f, g, 2');
    expect(row(v, '2ad').deny).toBe('1, 2ak, 3, 11med unntak av 11e');
    expect(row(v, '2cd').requiresAnyOf).toEqual(['2ad', '2ak']);
    expect(row(v, '11e').requiresAnyOf).toEqual(['11ak']);
    expect(row(v, '701a').deny).toBeNull();
  });

  test('krever_takst written as prose ("2ad og 2AK.") gives plain codes', () => {
    const rows = [
      { takstkode: '2cd', fradato: '2024-07-01', beskrivelse: 'x', krever_takst: '2ad og 2AK.' },
      { takstkode: '2ad', fradato: '2024-07-01', beskrivelse: 'x' },
      { takstkode: '2ak', fradato: '2024-07-01', beskrivelse: 'x' },
    ];
    const r = importTakstkoder({ takstkoder: rows }, {});
    expect(r.ok && r.version.takster[0]?.requiresAnyOf).toEqual(['2ad', '2ak']);
  });

  test('numbers written as text, with comma decimals and spaces', () => {
    expect(row(v, '1ad')).toMatchObject({ hon: 84, ref: 20, egen: 64 });
    expect(row(v, '2cd').ref).toBe(50);
    expect(row(v, '100').repetition).toEqual({ kind: 'times', max: 8 });
    expect(row(v, '615').minDurationMinutes).toBe(15);
    expect(row(v, 'K01a').maxPerYear).toBe(500);
  });

  test('spesialisttakst as J/N, 0, "false" and true', () => {
    expect(v.takster.filter((t) => t.specialistOnly).map((t) => t.code).sort()).toEqual(['3ad', 'K01a']);
  });

  test('the whole file compiles: the deny lists expand against its own codes', () => {
    const c = compileTariff(v);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect([...(c.tariff.byKey.get('1ad')?.deny?.codes ?? [])].sort()).toEqual(['2ad', '2ak', '2cd']);
    expect(c.tariff.byKey.get('k01a')?.deny).toMatchObject({ mode: 'allExcept' });
  });
});

describe('importTakstkoder: never throws', () => {
  const rows = (fixture('valid-2024-07-01.json') as { takstkoder: Record<string, unknown>[] }).takstkoder;
  const fields = Object.keys(rows[0] ?? {});

  test('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => typeof importTakstkoder(json, {}).ok === 'boolean'), { numRuns: 500 });
  });

  test('on real rows with one field replaced by any JSON value; errors name that row and field', () => {
    fc.assert(
      fc.property(fc.nat(rows.length - 1), fc.constantFrom(...fields), fc.jsonValue(), (i, field, value) => {
        const copy = rows.map((r, j) => (j === i ? { ...r, [field]: value } : r));
        const r = importTakstkoder({ takstkoder: copy }, { base });
        return r.ok || r.errors.every((e) => typeof e.field === 'string' && e.field.length > 0 && e.row >= 0);
      }),
      { numRuns: 500 },
    );
  });
});

// Every field of the official format drives a check or is shown (docs/tariff-data.md, field -> rule -> test).
describe('importTakstkoder: official fields -> row fields -> rules', () => {
  const r0 = (code: string, extra: Record<string, unknown>) => ({ takstkode: code, fagomraade: 'LE', fradato: '2026-07-01', beskrivelse: `Takst ${code}`, ...extra });
  const rows = [
    r0('2ad', { maks_repetisjoner: 0 }),
    r0('2cd', { krever_takst: '2ad', minimum_tidsbruk: 20, tidsbruk_per_rep: '15', maks_repetisjoner: null }),
    r0('615', { minimum_tidsbruk: 15 }),
    r0('100', { maks_repetisjoner: 8 }),
    r0('10a', { krever_prosedyre: 'J' }),
    r0('10b', { krever_prosedyre: '100, 105' }),
    r0('10c', { krever_prosedyre: 'N' }),
    r0('6x', { krever_diagnose: 'P76, p01' }),
    r0('6y', { krever_diagnose: true }),
    r0('660', { maks_antall_per_aar: '1' }),
    r0('K01a', { spesialisttakst: 'J' }),
  ];
  const res = importTakstkoder({ takstkoder: rows }, { base });
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  const v = res.version;

  test('the version is marked official (origin imported)', () => {
    expect(v).toMatchObject({ official: true, origin: 'imported' });
    expect(res.tariff.ref).toMatchObject({ official: true, year: '2026-27' });
  });

  test('minimum_tidsbruk + tidsbruk_per_rep -> durationSteps; minimum_tidsbruk alone -> minDurationMinutes', () => {
    expect(row(v, '2cd')).toMatchObject({ durationSteps: { over: 20, per: 15 }, minDurationMinutes: null });
    expect(row(v, '615')).toMatchObject({ minDurationMinutes: 15 });
    expect(row(v, '615').durationSteps).toBeUndefined();
  });

  test('krever_prosedyre: yes -> true, a list -> codes, no -> absent', () => {
    expect(row(v, '10a').requiresProcedure).toBe(true);
    expect(row(v, '10b').requiresProcedure).toEqual(['100', '105']);
    expect(row(v, '10c').requiresProcedure).toBeUndefined();
  });

  test('krever_diagnose: a list -> diagnosis codes, true -> true; a bad code names the field', () => {
    expect(row(v, '6x').requiresDiagnosis).toEqual(['P76', 'P01']);
    expect(row(v, '6y').requiresDiagnosis).toBe(true);
    const bad = importTakstkoder({ takstkoder: [r0('6z', { krever_diagnose: 'not a code!' })] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatchObject({ row: 1, code: '6z', field: 'krever_diagnose' });
  });

  test('maks_antall_per_aar -> maxPerYear; spesialisttakst -> specialistOnly', () => {
    expect(row(v, '660').maxPerYear).toBe(1);
    expect(row(v, 'K01a').specialistOnly).toBe(true);
  });

  test('rule options the API lacks are carried from the base (2cd doctor-only), and serialize round-trips them', () => {
    expect(row(v, '2cd').who).toEqual({ doctorOnly: true });
    const again = JSON.parse(serializeTariff(v)) as TariffVersion;
    expect(row(again, '2cd')).toMatchObject({ durationSteps: { over: 20, per: 15 }, who: { doctorOnly: true } });
    expect(again.official).toBe(true);
  });

  test('the imported data drives the rules on a bill of its year', () => {
    const report = validateBill(
      { at: '2026-11-25T10:00', setting: 'fastlege', diagnoses: ['R74'], durationMinutes: 30, lines: [{ code: '2ad', count: 1 }, { code: '2cd', count: 2 }, { code: '10a', count: 1 }, { code: '6x', count: 1 }, { code: '708a', count: 1 }] },
      { tariffs: [res.tariff] },
    );
    // 660 is a procedure (chapter E), so it gets a bill of its own.
    const yearly = validateBill({ at: '2026-11-25T10:00', setting: 'fastlege', diagnoses: ['R74'], lines: [{ code: '660', count: 2 }] }, { tariffs: [res.tariff] });
    const keys = [...report.findings, ...yearly.findings].map((f) => `${f.rule}:${f.key}:${f.severity}`);
    expect(keys).toEqual(expect.arrayContaining([
      'duration:rule_duration_steps:error',
      'requires-companion:rule_requires_procedure:error',
      'diagnosis-required:rule_diagnosis_required_for:error',
      'repetition-limit:rule_repetition_limit_per_year:error',
      'unknown-code:rule_unknown_code:error',
    ]));
    expect(report.tariff).toMatchObject({ official: true });
    expect(report.findings.every((f) => !f.message.includes('Kontrollert mot'))).toBe(true);
  });
});
