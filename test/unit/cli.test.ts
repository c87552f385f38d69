// The `takstvakt` CLI contract: exit codes 0/1/2, JSON and Norwegian text reports, explain, and an
// all-or-nothing import. In-process with an in-memory IO, plus the real bundled binary.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { runCli } from '../../src/cli/main';
import { UsageError, type CliIO } from '../../src/cli/io';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/takstkoder');

function memoryIO(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (p) => {
      if (p in written) return written[p] as string;
      if (p in files) return files[p] as string;
      if (existsSync(p)) return readFileSync(p, 'utf8');
      throw new UsageError(`cannot read ${p}: ENOENT`);
    },
    readStdin: () => stdin,
    writeFile: (p, d) => {
      written[p] = d;
    },
    mkdirp: () => undefined,
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}

const bill = (lines: { code: string; count?: number }[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ at: '2024-03-13T10:30', setting: 'fastlege', diagnoses: ['R74'], lines, ...extra });

describe('takstvakt check', () => {
  test('a valid bill exits 0 with a JSON report naming the tariff in force', () => {
    const m = memoryIO({ 'b.json': bill([{ code: '2ad' }, { code: '701a' }]) });
    expect(runCli(['check', 'b.json'], m.io)).toBe(0);
    const report = JSON.parse(m.out());
    expect(report.tariff).toEqual({ id: 'fastlege-2023-2024', validFrom: '2023-07-01', validTo: '2024-06-30', label: 'Normaltariffen 2023-24, Takstvakts delvise data (fastlege)', year: '2023-24', official: false });
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(report.amounts).toEqual(expect.objectContaining({ unknown: expect.any(Array) }));
  });

  test('an invalid combination exits 1 and names both codes', () => {
    const m = memoryIO({}, bill([{ code: '1bd' }, { code: '2AD ' }]));
    expect(runCli(['check', '-'], m.io)).toBe(1);
    const report = JSON.parse(m.out());
    const f = report.findings.find((x: { rule: string }) => x.rule === 'invalid-combination');
    expect(f.severity).toBe('error');
    expect(f.codes.sort()).toEqual(['1bd', '2ad']);
    expect(f.message.length).toBeGreaterThan(10);
  });

  test('--format text prints Norwegian for people', () => {
    const m = memoryIO({ 'b.json': bill([{ code: '1bd' }, { code: '2ad' }]) });
    expect(runCli(['check', 'b.json', '--format', 'text'], m.io)).toBe(1);
    expect(m.out()).toMatch(/^Takstvakt – kontroll av regning 2024-03-13 10:30/);
    expect(m.out()).toContain('FEIL');
    expect(m.out()).toContain('Slik retter du:');
    // The bundled data is not official, and the text says so under the version line.
    expect(m.out()).toContain('Ikke Helsedirektoratets offisielle takster: Normaltariffen 2023-24, Takstvakts delvise data (fastlege). Hent gjeldende takster for 2023-24');
  });

  test('text never shows an unknown sum as 0: unknown, or "minst" for a lower bound', () => {
    const only2ad = memoryIO({ 'b.json': bill([{ code: '2ad' }]) });
    runCli(['check', 'b.json', '--format', 'text'], only2ad.io);
    // 2023-2024 sources give 2ad's egenandel (170) but not its honorar or refusjon.
    expect(only2ad.out()).toContain('Beløp: honorar ukjent, refusjon ukjent, egenandel 170 kr.');
    const withLab = memoryIO({ 'b.json': bill([{ code: '2ad' }, { code: '701a' }]) });
    runCli(['check', 'b.json', '--format', 'text'], withLab.io);
    expect(withLab.out()).toMatch(/honorar minst \d+ kr/);
  });

  test('--locale en switches the text', () => {
    const m = memoryIO({ 'b.json': bill([{ code: '1bd' }, { code: '2ad' }]) });
    runCli(['check', 'b.json', '--format', 'text', '--locale', 'en'], m.io);
    expect(m.out()).toContain('ERROR');
    expect(m.out()).toContain('How to fix:');
  });

  test.each([
    ['not JSON', '{"at": ', /regningen \(standard inn\) er ikke gyldig JSON/],
    ['missing lines', JSON.stringify({ at: '2024-03-13T10:30', setting: 'fastlege' }), /regningen: lines: mangler/],
    ['bad count', bill([{ code: '2ad', count: 0 }]), /regningen: lines\[0\]\.count: må være et helt tall fra 1 til 999 \(fikk «0»\)/],
    ['bad setting', JSON.stringify({ at: '2024-03-13T10:30', setting: 'sykehus', lines: [{ code: '2ad' }] }), /regningen: setting: må være fastlege, legevakt eller spesialist/],
  ])('bad input (%s) exits 2 with one message naming the field and no stack trace', (_name, stdin, message) => {
    const m = memoryIO({}, stdin);
    expect(runCli(['check'], m.io)).toBe(2);
    expect(m.err()).toMatch(message);
    expect(m.err()).not.toMatch(/\n\s+at /);
    expect(m.out()).toBe('');
  });

  test('usage errors exit 2', () => {
    expect(runCli(['check', 'a.json', '--bogus'], memoryIO().io)).toBe(2);
    expect(runCli(['frobnicate'], memoryIO().io)).toBe(2);
    expect(runCli(['check', 'missing.json'], memoryIO().io)).toBe(2);
    expect(runCli(['check', '-', '--format', 'xml'], memoryIO({}, bill([])).io)).toBe(2);
  });
});

describe('takstvakt explain', () => {
  test('explains a takst with its conditions and source', () => {
    const m = memoryIO();
    expect(runCli(['explain', '2FK', '--date', '2024-01-10'], m.io)).toBe(0);
    expect(m.out()).toMatch(/^2fk /);
    expect(m.out()).toContain('legevakt');
    expect(m.out()).toContain('fastlege-2023-2024');
  });
  test('615 names the diagnoses that justify it (indication from the tariff data)', () => {
    const m = memoryIO();
    expect(runCli(['explain', '615', '--date', '2024-01-10'], m.io)).toBe(0);
    expect(m.out()).toMatch(/Vilkår\s+diagnosen må vise grunnlaget: psykisk lidelse \(ICPC-2 P70–P99, ICD-10 kapittel F\)/);
  });
  test('unknown amounts show as unknown, never 0', () => {
    const m = memoryIO();
    runCli(['explain', '2fk', '--date', '2024-01-10', '--format', 'json'], m.io);
    const d = JSON.parse(m.out());
    expect(d.code).toBe('2fk');
    // No source gives 2fk's 2023-2024 amounts: the data holds null and the text must say so.
    expect(d.hon).toBeNull();
    const text = memoryIO();
    runCli(['explain', '2fk', '--date', '2024-01-10'], text.io);
    expect(text.out()).toMatch(/Honorar\/refusjon\/egenandel\s+ukjent \/ ukjent \/ ukjent/);
  });
  test('expands the deny list into real codes', () => {
    const m = memoryIO();
    runCli(['explain', '1ad2', '--date', '2024-01-10', '--format', 'json'], m.io);
    const d = JSON.parse(m.out());
    expect(d.deny.mode).toBe('allExcept');
    expect(d.deny.codes).toEqual(expect.arrayContaining(['701a', '703']));
    expect(d.deny.codes).not.toContain('2ad');
  });
  test('an unknown code exits 2', () => {
    const m = memoryIO();
    expect(runCli(['explain', '9zz'], m.io)).toBe(2);
    expect(m.err()).toContain('9zz');
  });
});

describe('takstvakt import-tariff', () => {
  test('imports the official format, writes one tariff file, and check can use it', () => {
    const m = memoryIO();
    expect(runCli(['import-tariff', join(FIXTURES, 'valid-2024-07-01.json'), '--out', 'out'], m.io)).toBe(0);
    const paths = Object.keys(m.written);
    expect(paths).toHaveLength(1);
    const version = JSON.parse(m.written[paths[0] as string] as string);
    expect(version.validFrom).toBe('2024-07-01');
    expect(version.validTo).toBe('2025-06-30');
    const c = memoryIO({ 'b.json': bill([{ code: '2ad' }], { at: '2024-09-02T10:00' }) });
    c.written[paths[0] as string] = m.written[paths[0] as string] as string;
    expect(runCli(['check', 'b.json', '--tariff', paths[0] as string], c.io)).toBe(0);
    expect(JSON.parse(c.out()).tariff.id).toBe(version.id);
  });

  test('a file with bad rows is refused: every bad row named with code and field, nothing written', () => {
    const m = memoryIO();
    expect(runCli(['import-tariff', join(FIXTURES, 'bad-rows.json'), '--out', 'out'], m.io)).toBe(2);
    expect(Object.keys(m.written)).toEqual([]);
    expect(m.err()).toContain('nothing written');
    expect(m.err()).toMatch(/row \d+ \(2ak\): honorar:/);
  });

  test('needs --out', () => {
    const m = memoryIO();
    expect(runCli(['import-tariff', join(FIXTURES, 'valid-2024-07-01.json')], m.io)).toBe(2);
    expect(m.err()).toContain('--out');
  });
});

describe('the built binary (bin/takstvakt.cjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'takstvakt-cli-'));
  const bundle = join(dir, 'takstvakt.cjs');
  beforeAll(async () => {
    await esbuild.build({ entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  });
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, ['-e', `const {runCli,nodeIO}=require(${JSON.stringify(bundle)});process.exitCode=runCli(process.argv.slice(1),nodeIO)`, ...args], {
      input,
      encoding: 'utf8',
    });

  test('stdin bill, exit codes 0, 1 and 2 from a real process', () => {
    expect(run(['check', '-'], bill([{ code: '2ad' }])).status).toBe(0);
    expect(run(['check', '-'], bill([{ code: '1bd' }, { code: '2ad' }])).status).toBe(1);
    const bad = run(['check', '-'], '[]');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('import-tariff writes nothing on error (real file system)', () => {
    const out = join(dir, 'tariffs');
    expect(run(['import-tariff', join(FIXTURES, 'bad-rows.json'), '--out', out], '').status).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(run(['import-tariff', join(FIXTURES, 'valid-2024-07-01.json'), '--out', out], '').status).toBe(0);
    expect(readdirSync(out)).toHaveLength(1);
  });

  test('bin/takstvakt.cjs runs the bundle made by npm run build', () => {
    if (!existsSync(join(ROOT, 'dist/cli/takstvakt.cjs'))) execFileSync(process.execPath, ['-e', "import('./scripts/build-cli.mjs').then(m=>m.buildCli())"], { cwd: ROOT });
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/takstvakt.cjs'), 'explain', '2ad', '--date', '2024-01-10'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2ad /);
  });
});

describe('one amount format for every surface', () => {
  test('formatAmount: locale digits and currency words; null is the word for unknown', async () => {
    const { formatAmount } = await import('../../src/core/i18n');
    expect(formatAmount(171.5, 'nb')).toBe('171,5 kr');
    expect(formatAmount(171.5, 'en')).toBe('NOK 171.5');
    expect(formatAmount(null, 'nn')).toBe('ukjend');
    expect(formatAmount(0, 'nb')).toBe('0 kr');
  });
});
