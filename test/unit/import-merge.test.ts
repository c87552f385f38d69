// A partial takstkoder file never drops takster silently: coverage against the version in use,
// merge (file wins, others carried and marked) or replace, the same in the CLI (default merge).
// Plus the importer's input normalisation (bare array, camelCase, separators, dotted dates).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIO, runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { bundledCompiled } from '../../src/data/index';
import { prepareImport } from '../../src/data/import/prepare';
import { pickTariff } from '../../src/core/tariff/pick';
import { importTakstkoder } from '../../src/data/import/takstkoder';
import { normalizeRow } from '../../src/data/import/normalize';
import type { TariffVersion } from '../../src/core/types';

const row = (code: string, extra: Record<string, unknown> = {}) => ({ takstkode: code, fagomraade: 'LE', fradato: '2023-07-01', honorar: 100, refusjon: 50, egenandel: 50, ...extra });
const partial = { takstkoder: [row('2ad', { egenandel: '175,00' }), row('2ak'), row('701a'), row('2aef')] };

describe('prepareImport: a 4-takst file against the bundled 187', () => {
  const loaded = bundledCompiled();

  test('merge: the file wins on its rows, the other 184 stay, each marked carriedFrom', () => {
    const r = prepareImport(partial, { mode: 'merge', loaded });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.coverage).toMatchObject({ fileCount: 4, againstCount: 187, covered: 3 });
    expect(r.coverage?.missing).toHaveLength(184);
    expect(r.version.takster).toHaveLength(188);
    const byCode = new Map(r.version.takster.map((t) => [t.code, t]));
    expect(byCode.get('2ad')).toMatchObject({ egen: 175 });
    expect(byCode.get('2ad')?.carriedFrom).toBeUndefined();
    expect(byCode.get('1ad')).toMatchObject({ carriedFrom: 'fastlege-2023-2024', egen: 61 });
    expect(r.version.source.note).toMatch(/184 takster ført videre fra/);
    expect(r.diff?.added).toEqual(['2aef']);
    expect(r.diff?.removed).toEqual([]);
    expect(r.diff?.changed.find((c) => c.code === '2ad')?.fields).toContainEqual({ field: 'egen', before: 170, after: 175 });
  });

  test('replace: only the file rows; the diff lists the 184 removed', () => {
    const r = prepareImport(partial, { mode: 'replace', loaded });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.version.takster.map((t) => t.code)).toEqual(['2ad', '2ak', '701a', '2aef']);
    expect(r.diff?.removed).toHaveLength(184);
    expect(r.version.takster.some((t) => t.carriedFrom)).toBe(false);
  });
});

describe('import-tariff --merge / --replace', () => {
  function run(flags: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'takstvakt-merge-'));
    const file = join(dir, 'partial.json');
    writeFileSync(file, JSON.stringify(partial));
    const out: string[] = [];
    const io: CliIO = { ...nodeIO, stdout: (s) => out.push(s), stderr: () => undefined };
    const code = runCli(['import-tariff', file, '--out', dir, ...flags], io);
    const version = JSON.parse(readFileSync(join(dir, 'takstkoder-2023-2024.json'), 'utf8')) as TariffVersion;
    return { code, out: out.join(''), version };
  }

  test('default is merge, with a printed summary', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.version.takster).toHaveLength(188);
    expect(r.out).toMatch(/the file has 3 of the 187 takster of fastlege-2023-2024 \(4 in the file\); merge: 184 carried from fastlege-2023-2024/);
  });

  test('--replace keeps only the file rows and says how many were dropped', () => {
    const r = run(['--replace']);
    expect(r.version.takster).toHaveLength(4);
    expect(r.out).toMatch(/replace: 184 dropped/);
  });
});

describe('importer input normalisation', () => {
  test('a bare array of rows is read like {"takstkoder": [...]}', () => {
    const r = importTakstkoder(partial.takstkoder);
    expect(r.ok && r.version.takster.length).toBe(4);
  });

  test('camelCase keys, thousands separators, dotted dates, "null" and "-" as absent, "eller" in lists', () => {
    expect(normalizeRow({ takstkode: '2cd', ugyldigKombinasjon: '1h', honorar: '1 234,50', fradato: '1.7.2024', tildato: 'null', egenandel: '-', kreverTakst: '2ad eller 2ak' })).toEqual({
      takstkode: '2cd',
      ugyldig_kombinasjon: '1h',
      honorar: '1234,50',
      fradato: '2024-07-01',
      tildato: null,
      egenandel: null,
      krever_takst: '2ad, 2ak',
    });
  });

  test('the same row twice under other ids is one row (a warning); two different rows for one code still fail', () => {
    const dup = importTakstkoder({ takstkoder: [{ ...row('2ad'), resource_id: 'a' }, { ...row('2ad'), resource_id: 'b' }] });
    expect(dup.ok && dup.version.takster.length).toBe(1);
    expect(dup.ok && dup.warnings.join()).toMatch(/row 2: repeats an earlier row/);
    const clash = importTakstkoder({ takstkoder: [row('2ad'), row('2ad', { honorar: 101 })] });
    expect(clash.ok).toBe(false);
  });

  test('asOf picks the tariff year holding the date asked for, not the latest change', () => {
    const r = importTakstkoder({ takstkoder: [row('2ad', { fradato: '2015-07-01' })] }, { asOf: '2026-11-29' });
    expect(r.ok && [r.version.validFrom, r.version.validTo]).toEqual(['2026-07-01', '2027-06-30']);
  });
});

describe('version selection follows dates, not import order', () => {
  test('an official version with the same dates as a bundled one wins, in either order', () => {
    const r = prepareImport(partial, { mode: 'merge', loaded: bundledCompiled() });
    if (!r.ok) throw new Error('import failed');
    const bundled = bundledCompiled();
    for (const list of [[r.tariff, ...bundled], [...bundled, r.tariff]]) {
      expect(pickTariff(list, '2024-03-12').tariff?.ref.id).toBe('takstkoder-2023-2024');
    }
    // Dates outside the imported year still get the version covering them (here the bundled 2024-25).
    expect(pickTariff([...bundled, r.tariff], '2024-08-01')).toMatchObject({ covers: true, tariff: { ref: { id: 'fastlege-2024-2025' } } });
  });
});
