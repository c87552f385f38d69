// `takstvakt fetch-tariff` against a stand-in for the takstkoder API on 127.0.0.1: exit 0 and one
// version file on success; exit 2, one line and nothing written on HTTP errors, time-outs, non-JSON,
// empty or malformed answers. Only the public query leaves. The written file then drives `check`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIO, runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { fetchTakstkoder, takstkoderQuery } from '../../src/data/import/fetch';
import type { TariffVersion } from '../../src/core/types';
import { serveTakstkoder, type TakstkoderServer } from '../support/takstkoder-server';

let server: TakstkoderServer;
beforeAll(async () => {
  server = await serveTakstkoder({ lifetimeMs: 60_000 });
});
afterAll(() => server.close());

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { ...nodeIO, stdout: (s) => out.push(s), stderr: (s) => err.push(s) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'takstvakt-fetch-')), 'out');

async function fetchCli(kind: string, extra: string[] = [], date = '2026-11-29') {
  const dir = freshDir();
  const c = captureIO();
  const code = await runCli(['fetch-tariff', '--date', date, '--out', dir, '--source', server.endpoint(kind), ...extra], c.io);
  return { code, dir, ...c };
}

describe('fetch-tariff: a good answer', () => {
  let got: Awaited<ReturnType<typeof fetchCli>>;
  let version: TariffVersion;
  beforeAll(async () => {
    got = await fetchCli('ok', ['--replace']);
    const files = existsSync(got.dir) ? readdirSync(got.dir) : [];
    version = JSON.parse(readFileSync(join(got.dir, files[0] ?? 'missing'), 'utf8')) as TariffVersion;
  });

  test('exit 0 and one file for the tariff year holding the date', () => {
    expect(got.code).toBe(0);
    expect(readdirSync(got.dir)).toEqual(['takstkoder-2026-2027.json']);
    expect(version).toMatchObject({ validFrom: '2026-07-01', validTo: '2027-06-30', source: { verified: true, year: '2026-2027' } });
  });

  test('reads thousands of rows with their quirks: comma decimals, thousands separators, empty strings, prose lists, J/N', () => {
    expect(version.takster.length).toBe(26 + 3000);
    const row = (code: string) => version.takster.find((t) => t.code === code);
    // 2ad: fixture 190/18/172 + 2 years; 1ad's amounts came as "86,00" text.
    expect(row('2ad')).toMatchObject({ hon: 192, ref: 20, egen: 174 });
    expect(row('1ad')).toMatchObject({ hon: 86, ref: 22, egen: 66 });
    expect(row('4000')).toMatchObject({ hon: 1234.5, egen: null, specialistOnly: true });
    expect(row('1bd')?.deny).toBe('Alle unntatt 1h, 1i');
    expect(row('2cd')?.requiresAnyOf).toEqual(['2ad', '2ak', '2ae']);
    expect(row('100')?.repetition).toEqual({ kind: 'times', max: 8 });
    expect(version.takster.filter((t) => t.code === '2ae')).toHaveLength(1);
  });

  test('sends nothing but the public query: fagomraade and date; no cookie, no referrer', () => {
    const seen = server.requests.filter((r) => r.path === '/ok/v1/takstkoder');
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) {
      expect(r.query).toEqual({ fagomraade: 'LE', gyldigdato: '2026-11-29' });
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
    }
  });

  test('prints what it wrote and how much of the version in use the answer covers', () => {
    expect(got.out()).toMatch(/takstkoder-2026-2027\.json: 3026 takster, 2026-07-01 – 2027-06-30/);
    expect(got.out()).toMatch(/of the 188 takster of fastlege-2026-2027.*replace: \d+ dropped/);
  });

  test('check --tariff <that file>: a 2026 bill gets its amounts and no tariff-version finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'takstvakt-bill-'));
    const billPath = join(dir, 'bill.json');
    writeFileSync(billPath, JSON.stringify({ at: '2026-11-26T10:30', setting: 'fastlege', diagnoses: ['R74'], lines: [{ code: '2ad', count: 1 }, { code: '701a', count: 1 }] }));
    const c = captureIO();
    const code = runCli(['check', billPath, '--tariff', join(got.dir, 'takstkoder-2026-2027.json'), '--now', '2026-11-29T12:00'], c.io);
    const report = JSON.parse(c.out()) as { tariff: { id: string }; findings: Array<{ rule: string }>; amounts: { egenandel: number; honorar: number } };
    expect(code).toBe(0);
    expect(report.tariff.id).toBe('takstkoder-2026-2027');
    expect(report.findings.map((f) => f.rule)).not.toContain('tariff-version');
    expect(report.amounts).toMatchObject({ honorar: 192 + 80, egenandel: 174 + 68 });
  });
});

describe('fetch-tariff: every failure exits 2 with one line and writes nothing', () => {
  test.each([
    ['e500', /HTTP 500/],
    ['e503', /HTTP 503/],
    ['html', /not JSON \(text\/html\)/],
    ['empty', /holds no takster for 2026-11-29/],
    ['malformed', /not a takstkoder list/],
    ['badrow', /1 bad row\(s\), nothing written/],
    ['nowhere', /HTTP 404/],
  ])('%s', async (kind, message) => {
    const got = await fetchCli(kind);
    expect(got.code).toBe(2);
    expect(got.err()).toMatch(message);
    expect(got.err()).toMatch(/^takstvakt: /);
    if (kind !== 'badrow') expect(got.err().trim().split('\n')).toHaveLength(1);
    expect(existsSync(got.dir)).toBe(false);
  });

  test('a server that never answers: time-out', async () => {
    const got = await fetchCli('hang', ['--timeout', '1']);
    expect(got.code).toBe(2);
    expect(got.err().trim().split('\n')).toEqual([expect.stringMatching(/no answer within 1 s; nothing written$/)]);
    expect(existsSync(got.dir)).toBe(false);
  });

  test('bad arguments are refused before any request', async () => {
    const before = server.requests.length;
    for (const argv of [
      ['fetch-tariff', '--out', freshDir()],
      ['fetch-tariff', '--date', '29.11.2026', '--out', freshDir()],
      ['fetch-tariff', '--date', '2026-11-29'],
      ['fetch-tariff', '--date', '2026-11-29', '--out', freshDir(), '--source', `${server.endpoint('ok')}?fagomraade=LE`],
      ['fetch-tariff', '--date', '2026-11-29', '--out', freshDir(), '--merge', '--replace'],
    ]) {
      const c = captureIO();
      expect(await runCli(argv, c.io)).toBe(2);
      expect(c.err()).toMatch(/^takstvakt: .+\n$/);
    }
    expect(server.requests.length).toBe(before);
  });
});

describe('fetchTakstkoder', () => {
  test('tries the endpoints in order: a failing first one falls through to the next', async () => {
    const r = await fetchTakstkoder([server.endpoint('e503'), server.endpoint('bare')], '2026-07-01', { fetch: (u, i) => fetch(u, i), timeoutMs: 5000 });
    expect(r.ok && r.url).toBe(takstkoderQuery(server.endpoint('bare'), '2026-07-01'));
  });

  test('every endpoint failing: one line naming each', async () => {
    const r = await fetchTakstkoder([server.endpoint('e500'), server.endpoint('html')], '2026-07-01', { fetch: (u, i) => fetch(u, i), timeoutMs: 5000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/e500.*HTTP 500.*; .*html.*not JSON/);
  });

  test('only https, or http to this machine', () => {
    expect(() => takstkoderQuery('http://example.no/v1/takstkoder', '2026-07-01')).toThrow(/https/);
    expect(takstkoderQuery('https://api.helsedirektoratet.no/helserefusjon/v1/takstkoder', '2026-07-01')).toBe(
      'https://api.helsedirektoratet.no/helserefusjon/v1/takstkoder?fagomraade=LE&gyldigdato=2026-07-01',
    );
  });
});
