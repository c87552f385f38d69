import { compileTariff, compileTariffOrThrow } from '../../src/core/tariff/compile';
import { parseTariffVersion } from '../../src/core/tariff/schema';
import { codeSetHas } from '../../src/core/codeset/compile';
import type { TakstRow, TariffVersion } from '../../src/core/types';

const prov = { source: 'test', url: null, year: '2023-2024', verified: false };

function takst(code: string, extra: Partial<TakstRow> = {}): TakstRow {
  return {
    code, chapter: 'B', label: `Takst ${code}`, hon: null, ref: null, egen: null, repetition: { kind: 'once' },
    merknader: [], deny: null, allow: null, requiresAnyOf: null, specialistOnly: false, settings: null,
    minDurationMinutes: null, maxPerYear: null, timeClass: null, minAge: null, maxAgeExclusive: null, provenance: prov, ...extra,
  };
}

function version(takster: TakstRow[], extra: Partial<TariffVersion> = {}): TariffVersion {
  return {
    schemaVersion: 1, id: 'test-2023-2024', label: 'Test', validFrom: '2023-07-01', validTo: '2024-06-30', source: prov,
    takster, merknader: [{ id: 'A1', summary: null, url: null, provenance: prov }], ...extra,
  };
}

const sample = version([
  takst('1ad', { deny: '1ak, b, 2', merknader: ['A1'] }),
  takst('1ak'),
  takst('1bd', { deny: 'alle' }),
  takst('1bk', { deny: 'alle' }),
  takst('1ad2', { deny: 'Alle unntatt 701a t.o.m. 712.' }),
  takst('2ad', { deny: '1, 11med unntak av 11e' }),
  takst('2AE', { allow: { fastlege: '2cd, 701a.', legevakt: '2cd' } }),
  takst('2cd', { requiresAnyOf: ['2AD', ' 2ak', '2ad'] }),
  takst('2ak'),
  takst('11ak'),
  takst('11e', { requiresAnyOf: ['11ak'] }),
  takst('701a'),
  takst('712'),
  takst('K02a'),
  takst('K02b'),
  takst('K02c', { deny: '701a' }),
  takst('K02g', { deny: 'Takstene K02a-K02g er gjensidig utelukkende.' }),
]);

describe('compileTariff', () => {
  const r = compileTariff(sample);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const { byKey } = r.tariff;
  const codes = (k: string, f: 'deny' = 'deny'): string[] => [...(byKey.get(k)?.[f]?.codes ?? [])].sort();

  test('keys rows by normalised code and keeps the ref', () => {
    expect(byKey.get('2ae')?.row.code).toBe('2AE');
    expect(byKey.get('k02a')?.key).toBe('k02a');
    expect(r.tariff.ref).toEqual({ id: 'test-2023-2024', validFrom: '2023-07-01', validTo: '2024-06-30', label: 'Test', year: '2023-24', official: false });
    expect(r.tariff.merknader.get('A1')?.id).toBe('A1');
  });

  test('expands deny lists once against the tariff universe', () => {
    expect(codes('1ad')).toEqual(['1ak', '1bd', '1bk', '2ad', '2ae', '2ak', '2cd']);
    expect(codes('2ad')).toEqual(['11ak', '1ad', '1ad2', '1ak', '1bd', '1bk']);
    expect(byKey.get('2ak')?.deny).toBeNull();
  });

  test('alle and Alle unntatt become allExcept sets that never match the owner', () => {
    const d = byKey.get('1bd')?.deny;
    expect(d?.mode).toBe('allExcept');
    if (!d) return;
    expect(codeSetHas(d, '2ad')).toBe(true);
    expect(codeSetHas(d, '1bd')).toBe(false);
    const d2 = byKey.get('1ad2')?.deny;
    if (!d2) throw new Error('no deny');
    expect([codeSetHas(d2, '701a'), codeSetHas(d2, '712'), codeSetHas(d2, '2ad'), codeSetHas(d2, '1ad2')]).toEqual([false, false, true, false]);
  });

  test('allow lists per setting', () => {
    const a = byKey.get('2ae')?.allow;
    expect([...(a?.fastlege?.codes ?? [])].sort()).toEqual(['2cd', '701a']);
    expect([...(a?.legevakt?.codes ?? [])]).toEqual(['2cd']);
    expect(a?.any).toBeNull();
    expect(a?.fastlege?.text).toBe('2cd, 701a.');
  });

  test('normalises and de-duplicates requiresAnyOf', () => {
    expect(byKey.get('2cd')?.requiresAnyOf).toEqual(['2ad', '2ak']);
    expect(byKey.get('2ak')?.requiresAnyOf).toBeNull();
  });

  test('a mutually exclusive group reaches every member, merged with its own list', () => {
    expect(codes('k02a')).toEqual(['k02b', 'k02c', 'k02g']);
    expect(codes('k02c')).toEqual(['701a', 'k02a', 'k02b', 'k02g']);
    expect(codes('k02g')).toEqual(['k02a', 'k02b', 'k02c']);
  });

  test('warns about codes a list names that the tariff lacks', () => {
    const w = compileTariff(version([takst('2ad', { deny: '2ak, 621' }), takst('2ak')]));
    expect(w.ok && w.warnings).toEqual(['2ad deny: not in this tariff: 621']);
  });
});

describe('compileTariff: errors name the code and field', () => {
  test.each([
    [[takst('2ad', { deny: 'hello' })], { code: '2ad', field: 'deny' }],
    [[takst('2ae', { allow: { legevakt: '2cd, ???' } })], { code: '2ae', field: 'allow.legevakt' }],
    [[takst('2ad'), takst('2AD')], { code: '2AD', field: 'code' }],
    [[takst('612b', { minAge: 18, maxAgeExclusive: 18 })], { code: '612b', field: 'maxAgeExclusive' }],
    [[takst('2ad', { allow: {} })], { code: '2ad', field: 'allow' }],
  ])('%#', (takster, want) => {
    const r = compileTariff(version(takster));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject(want);
  });

  test('compileTariffOrThrow throws for bad data and returns the tariff for good data', () => {
    expect(() => compileTariffOrThrow(version([takst('2ad', { deny: 'banana' })]))).toThrow(/2ad deny: not a takst code: "banana"/);
    expect(compileTariffOrThrow(sample).byKey.size).toBe(17);
  });
});

describe('TariffVersionSchema', () => {
  test('accepts a good version', () => expect(parseTariffVersion(sample)).toMatchObject({ ok: true }));

  test.each([
    [(v: any) => (v.takster[3].hon = -1), 'takster.3.hon: must not be negative'],
    [(v: any) => (v.takster[0].code = 'two ad'), 'takster.0.code: is not a takst code'],
    [(v: any) => (v.takster[1].repetition = { kind: 'times', max: 0 }), 'takster.1.repetition.max: must be at least 1'],
    [(v: any) => (v.takster[2].timeClass = 'x'), 'takster.2.timeClass: must be d, k or null'],
    [(v: any) => (v.takster[2].settings = ['sykehus']), 'takster.2.settings.0: must be fastlege, legevakt or spesialist'],
    [(v: any) => delete v.takster[4].provenance, 'takster.4.provenance'],
    [(v: any) => (v.takster[4].provenance.year = '23/24'), 'takster.4.provenance.year: must be YYYY or YYYY-YYYY'],
    [(v: any) => (v.validFrom = '2023-02-30'), 'validFrom: is not a real date'],
    [(v: any) => (v.validTo = '2022-06-30'), 'validTo: must not be before validFrom'],
    [(v: any) => (v.takster[0].extra = 1), 'takster.0'],
    [(v: any) => (v.schemaVersion = 2), 'schemaVersion: must be 1'],
  ])('%#', (mutate, want) => {
    const v = structuredClone(sample);
    mutate(v);
    const r = parseTariffVersion(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(want);
  });
});
