import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickTariff } from '../../src/core/tariff/pick';
import { BUNDLED_TARIFFS, bundledCompiled } from '../../src/data/index';
import { parseTariffVersion } from '../../src/core/tariff/schema';
import { compileTariff } from '../../src/core/tariff/compile';
import { codeSetHas } from '../../src/core/codeset/compile';
import type { CompiledTakst, CompiledTariff, TakstRow } from '../../src/core/types';
import raw from '../fixtures/tariff-raw-lists.json';

const root = join(__dirname, '../..');
const v = BUNDLED_TARIFFS[0]!;
const row = (code: string): TakstRow => {
  const t = v.takster.find((x) => x.code === code);
  if (!t) throw new Error(`no row ${code}`);
  return t;
};
const compiled = (key: string): CompiledTakst => {
  const t = bundledCompiled()[0]!.byKey.get(key);
  if (!t) throw new Error(`no compiled ${key}`);
  return t;
};

describe('bundled tariff fastlege-2023-2024', () => {
  test('is the 2023-2024 tariff year', () => {
    expect(v).toMatchObject({ id: 'fastlege-2023-2024', validFrom: '2023-07-01', validTo: '2024-06-30' });
  });

  test('validates against the schema', () => {
    const r = parseTariffVersion(v);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  test('compiles without errors; every merknad it cites has a row', () => {
    const r = compileTariff(v);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (r.ok) expect(r.warnings.filter((w) => w.includes('merknad'))).toEqual([]);
  });

  test('every row has provenance with a source and a tariff year', () => {
    const bad = v.takster.filter((t) => !t.provenance.source || !/^\d{4}-\d{4}$/.test(t.provenance.year ?? ''));
    expect(bad.map((t) => t.code)).toEqual([]);
  });

  test('amounts come only from 2023-2024 sources (never from older editions)', () => {
    for (const t of v.takster) {
      for (const f of ['hon', 'ref', 'egen'] as const) {
        if (t[f] === null) continue;
        const p = t.fieldProvenance?.[f] ?? t.provenance;
        expect([t.code, f, p.year]).toEqual([t.code, f, '2023-2024']);
        expect(p.source).toMatch(/2023-2024/);
      }
    }
  });

  test('holds every code the seeds and the issue name', () => {
    const named = ['1ad', '1ad2', '1ak', '1bd', '1be', '1bk', '1e', '1f', '1g', '1h', '1i', '2ad', '2ae', '2aek', '2ak', '2bd',
      '2cd', '2dd', '2fk', '10a', '10b', '10c', '10d', '11ad', '11ak', '11e', '14', '21', '21d', '21k', '21k2', '100', '105', '149a',
      '506', '612a', '612b', '615', '701a', '701c', '701d', '701h', '703', '705a', '706f', 'H1'];
    const have = new Set(v.takster.map((t) => t.code));
    expect(named.filter((c) => !have.has(c))).toEqual([]);
  });

  test('holds every code facts.json names, except 2aef (from 1 July 2024)', () => {
    const facts = JSON.parse(readFileSync(join(root, 'src/data/reference/facts.json'), 'utf8')) as { code: string }[];
    const have = new Set(v.takster.map((t) => t.code));
    expect([...new Set(facts.map((f) => f.code))].filter((c) => !have.has(c))).toEqual(['2aef']);
  });

  test('deny/allow texts are the tariff text exactly where the tariff gives one', () => {
    expect(row('1ad').deny).toBe('1ak, b, f, g, 2, 3, 4, 11, 12, 13, 14, 15, 21, 217c, 612, 621, 622, 623, 624');
    expect(row('2ae').allow?.legevakt).toBe('2cd, 2cdd, 2dd, 7, 8, 612a, 615, 616, 617.');
    expect(row('K02g').deny).toBe('Takstene K02a-K02g er gjensidig utelukkende.');
  });

  test('every raw list of the fixture is a list of the reference copy (same source)', () => {
    const facts = JSON.parse(readFileSync(join(root, 'src/data/reference/facts.json'), 'utf8')) as {
      invalidCombinationRaw: string | null;
      allowOnlyRaw: Record<string, string> | null;
    }[];
    const lists = new Set(facts.flatMap((f) => [f.invalidCombinationRaw, ...Object.values(f.allowOnlyRaw ?? {})]).filter((x) => x !== null));
    expect(new Set(raw.lists.map((l) => l.text))).toEqual(lists);
  });

  test('regenerating from the reference and curation gives the committed file', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-tariff.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('regenerating the diagnosis code lists from src/data/reference/codes gives the committed module', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-diagnosis-codes.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('bundled tariff: the rules the seeds state are data', () => {
  test.each([
    ['612b', { maxAgeExclusive: 18 }],
    ['506', { maxAgeExclusive: 7 }],
    ['615', { minDurationMinutes: 15 }],
    ['100', { repetition: { kind: 'times', max: 8 } }],
    ['105', { repetition: { kind: 'reduced', percent: 70, max: null } }],
    ['2ad', { settings: ['fastlege', 'legevakt'] }],
    ['2fk', { settings: ['legevakt'], timeClass: 'k' }],
    ['1g', { settings: ['legevakt'] }],
    ['21', { requiresAnyOf: ['2fk', '11ad', '11ak'] }],
    ['21k', { requiresAnyOf: ['2fk', '11ad', '11ak'], timeClass: 'k' }],
    ['701c', { requiresAnyOf: ['701a'] }],
    ['11e', { requiresAnyOf: ['11ak'] }],
    ['2cd', { requiresAnyOf: ['2ad', '2ak', '2ae'] }],
    ['1be', { replacedBy: '1bd', deny: 'alle' }],
    ['K01a', { specialistOnly: true }],
  ])('%s %j', (code, want) => {
    expect(row(code)).toMatchObject(want);
    expect(row(code).fieldProvenance?.rules ?? row(code).provenance).toBeDefined();
  });

  test('seed-only rules name the seed section', () => {
    expect(row('612b').fieldProvenance?.rules?.source).toMatch(/^Helfo: Takstar og regelverk for legar.*Takst 612b/);
    expect(row('1i').fieldProvenance?.rules?.source).toMatch(/Takst 1i/);
    expect(row('701c').fieldProvenance?.rules?.source).toMatch(/Merknad F1/);
  });

  test('10a-d need a procedure takst we know, and say that the official list is missing', () => {
    for (const c of ['10a', '10b', '10c', '10d']) {
      expect(row(c).requiresAnyOf).toContain('100');
      expect(row(c).fieldProvenance?.rules?.note).toMatch(/Den listen har vi ikke/);
    }
  });

  test('1i is denied with 1h, consultations and home visits; 2ae with 1i and 1h; 2fk with 2ak', () => {
    const deny1i = compiled('1i').deny;
    expect([...(deny1i?.codes ?? [])].sort()).toEqual(['11ad', '11ak', '1h', '2ad', '2ae', '2aek', '2ak', '2fk']);
    expect([...(compiled('2fk').deny?.codes ?? [])]).toEqual(['2ak']);
    const deny2ae = compiled('2ae').deny;
    expect([...(deny2ae?.codes ?? [])].sort()).toEqual(['1h', '1i']);
  });

  test('compiled sets answer the seed examples', () => {
    const d = compiled('1ad2').deny;
    if (!d) throw new Error('1ad2 has no deny');
    expect(['701a', '703', '706f'].map((c) => codeSetHas(d, c))).toEqual([false, false, false]);
    expect(['2ad', '1ad'].map((c) => codeSetHas(d, c))).toEqual([true, true]);
    expect(codeSetHas(compiled('1bd').deny!, '2ad')).toBe(true);
    expect(codeSetHas(compiled('2ad').deny!, '11e')).toBe(false);
    expect(codeSetHas(compiled('2ad').deny!, '11ad')).toBe(true);
    expect(compiled('2ae').allow.fastlege?.codes.has('701a')).toBe(true);
    expect(compiled('2ae').allow.legevakt?.codes.has('701a')).toBe(false);
  });
});

describe('bundled tariff: decisions on conflicting sources', () => {
  test('2ad/2ak egenandel 170/288 from the 2023-24 price lists; honorar unknown', () => {
    expect(row('2ad')).toMatchObject({ egen: 170, hon: null, ref: null });
    expect(row('2ak')).toMatchObject({ egen: 288, hon: null, ref: null });
    expect(row('2ad').fieldProvenance?.egen?.source).toMatch(/Egenandel 2023-2024/);
  });
  test('705a honorar 26 (2023-24), not 45 (2020)', () => expect(row('705a')).toMatchObject({ hon: 26, ref: 26, egen: 0 }));
  test('1ad: 2023-24 amounts and list', () => expect(row('1ad')).toMatchObject({ hon: 80, ref: 19, egen: 61 }));
  test('2ae: the 2023-24 allow list decides, not the seed prose', () => {
    expect(row('2ae').allow?.fastlege).toContain('2cd');
    expect(row('2ae').fieldProvenance?.rules?.note).toMatch(/IKKE brukt/);
  });
});

describe('bundled merknader', () => {
  test('summaries in Norwegian with a source; unretrieved ones are null', () => {
    const m = new Map(v.merknader.map((x) => [x.id, x]));
    expect(m.get('F1')?.summary).toMatch(/701c kan bare brukes sammen med 701a/);
    expect(m.get('F1')?.url).toMatch(/^https:\/\/normaltariffen\.legeforeningen\.no\//);
    expect(m.get('A1')?.summary).toBeNull();
    expect(m.get('D1')?.provenance.source).toMatch(/^Helfo: Takstar og regelverk for legar/);
    for (const x of v.merknader) expect(x.provenance.source.length).toBeGreaterThan(0);
  });
});

describe('pickTariff', () => {
  const fake = (id: string, validFrom: string, validTo: string): CompiledTariff =>
    ({ ref: { id, validFrom, validTo } }) as unknown as CompiledTariff;
  const y22 = fake('2022', '2022-07-01', '2023-06-30');
  const y23 = fake('2023', '2023-07-01', '2024-06-30');
  const y25 = fake('2025', '2025-07-01', '2026-06-30');
  const all = [y25, y22, y23];

  test.each([
    ['2023-07-01', '2023', true],
    ['2024-06-30', '2023', true],
    ['2023-06-30', '2022', true],
    ['2024-07-01', '2023', false], // gap: nearest earlier
    ['2025-06-30', '2023', false],
    ['2021-01-01', '2022', false], // before all: nearest later
    ['2030-01-01', '2025', false],
    ['2024-03-13T17:30', '2023', true],
    ['2024-06-30T23:59', '2023', true], // last day, with a time
  ])('%s -> %s (covers %s)', (date, id, covers) => {
    const r = pickTariff(all, date);
    expect([r.tariff?.ref.id, r.covers]).toEqual([id, covers]);
  });

  test('an overlapping later-starting version wins; no versions gives null', () => {
    const imported = fake('import', '2024-01-01', '2024-06-30');
    expect(pickTariff([y23, imported], '2024-02-01').tariff?.ref.id).toBe('import');
    expect(pickTariff([], '2024-02-01')).toEqual({ tariff: null, covers: false });
  });

  test('bundledCompiled is memoised and covers 2024-03-13', () => {
    expect(bundledCompiled()).toBe(bundledCompiled());
    expect(pickTariff(bundledCompiled(), '2024-03-13')).toMatchObject({ covers: true, tariff: { ref: { id: 'fastlege-2023-2024' } } });
  });
});

describe('bundled tariff 2023-24: year facts the rules read are row data', () => {
  test.each([
    ['1g', { onCall: ['home'], clock: { from: '23:00', to: '08:00' } }],
    ['2fk', { onCall: ['home'], dayCode: '2ad' }],
    ['11ak', { eveningException: { settings: ['fastlege'], after: '16:00' } }],
    ['11e', { eveningException: { settings: ['fastlege'], after: '16:00' } }],
    ['2aek', { eveningException: { settings: ['fastlege'], after: null } }],
    ['2cd', { durationSteps: { over: 20, per: 15 }, who: { doctorOnly: true } }],
    ['2ae', { who: { notTurnus: true } }],
    ['2dd', { who: { specialistGP: true } }],
    ['1bk', { prescriptionCode: '1i' }],
  ])('%s %j, with the Helfo guidance as its source', (code, want) => {
    expect(row(code)).toMatchObject(want);
    expect(row(code).fieldProvenance?.rules?.source).toMatch(/^Helfo: Takstar og regelverk for legar .*avsnitt «/);
  });

  test('the version is Takstvakt data, not official, with a short human label', () => {
    expect(v).toMatchObject({ official: false, origin: 'bundled', label: expect.stringMatching(/^Normaltariffen 2023-24/) });
  });
});

describe('bundled tariffs 2024-25, 2025-26, 2026-27: carried forward, honest about it', () => {
  const later = BUNDLED_TARIFFS.slice(1);
  const at = (i: number, code: string): TakstRow => {
    const t = later[i]!.takster.find((x) => x.code === code);
    if (!t) throw new Error(`no ${code}`);
    return t;
  };

  test('one version per tariff year, back to back, none official', () => {
    expect(BUNDLED_TARIFFS.map((x) => [x.id, x.validFrom, x.validTo, x.official])).toEqual([
      ['fastlege-2023-2024', '2023-07-01', '2024-06-30', false],
      ['fastlege-2024-2025', '2024-07-01', '2025-06-30', false],
      ['fastlege-2025-2026', '2025-07-01', '2026-06-30', false],
      ['fastlege-2026-2027', '2026-07-01', '2027-06-30', false],
    ]);
  });

  test.each(later.map((x) => [x.id, x] as const))('%s validates, compiles and cites no merknad it lacks', (_id, x) => {
    const p = parseTariffVersion(x);
    expect(p.ok ? [] : p.errors).toEqual([]);
    const c = compileTariff(x);
    expect(c.ok ? [] : c.errors).toEqual([]);
  });

  test.each(later.map((x) => [x.id, x] as const))('%s: every row says its year; carried rows are unverified and name 2023-24', (_id, x) => {
    const year = x.id.replace('fastlege-', '');
    for (const t of x.takster) {
      expect([t.code, t.provenance.year, t.provenance.verified]).toEqual([t.code, year, false]);
      if (t.code !== '2aef') expect([t.code, t.carriedFrom]).toEqual([t.code, 'fastlege-2023-2024']);
      expect([t.code, t.hon, t.ref]).toEqual([t.code, null, null]);
    }
  });

  test('patient shares only from a price list of that year, never carried from 2023-24', () => {
    for (const x of later) {
      const year = x.id.replace('fastlege-', '');
      for (const t of x.takster) {
        if (t.egen === null) continue;
        expect([t.code, t.fieldProvenance?.egen?.year]).toEqual([t.code, year]);
        expect(t.fieldProvenance?.egen?.source).toMatch(new RegExp(`Egenandel ${year}`));
      }
    }
    expect(later[0]!.takster.filter((t) => t.egen !== null)).toEqual([]); // no 2024-25 price list in the reference
    expect([at(1, '2ad').egen, at(1, '2ak').egen, at(2, '2ad').egen, at(2, '10d').egen]).toEqual([179, 301, 179, 235]);
  });

  test('from 1 July 2024: 2aef is the fastlege evening e-consultation, 2aek legevakt only', () => {
    for (let i = 0; i < later.length; i++) {
      expect(at(i, '2aef')).toMatchObject({ settings: ['fastlege'], timeClass: 'k', eveningException: { settings: ['fastlege'], after: null }, deny: '1h, 1i' });
      expect(at(i, '2aek')).toMatchObject({ settings: ['legevakt'] });
      expect(at(i, '2aek').eveningException).toBeUndefined();
    }
    expect(at(2, '2aef').egen).toBe(179); // "egenandel equal to 2ad", derived and said so
    expect(at(2, '2aef').fieldProvenance?.egen?.note).toMatch(/^Avledet: egenandel som 2ad/);
  });

  test('a bill picks the version of its date', () => {
    const ids = ['2024-03-13', '2024-07-01', '2025-12-24', '2026-11-25'].map((d) => pickTariff(bundledCompiled(), d).tariff?.ref.id);
    expect(ids).toEqual(['fastlege-2023-2024', 'fastlege-2024-2025', 'fastlege-2025-2026', 'fastlege-2026-2027']);
  });
});

describe('bundledCompiled', () => {
  test('gives every version its ref at once and the same compiled rows on each use', () => {
    const all = bundledCompiled();
    expect(all.map((t) => t.ref.year)).toEqual(['2023-24', '2024-25', '2025-26', '2026-27']);
    const last = all[3]!;
    expect(last.byKey.get('2aef')?.row.code).toBe('2aef');
    expect(last.byKey).toBe(last.byKey);
    expect(last.merknader.get('D1')?.id).toBe('D1');
  });
});
