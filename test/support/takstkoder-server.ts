// A stand-in for Helsedirektoratet's takstkoder API on 127.0.0.1 only, for unit and e2e tests. It
// serves the official shape ({"takstkoder": [...]}, the documented field names) with the quirks real
// answers are known or suspected to have: amounts as numbers or as text with comma decimals, empty
// strings for null, code lists in the tariff's prose ("Alle unntatt ...", "11med unntak av 11e"),
// `resource_id`, the same row twice under another id, and thousands of rows. Other paths answer with
// HTTP 500/503, hang, send HTML or an empty list. Bounded: it refuses after MAX_REQUESTS and stops
// itself after `lifetimeMs` even if a test forgets to close it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';

const MAX_REQUESTS = 200;

export interface SeenRequest {
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface TakstkoderServer {
  origin: string;
  /** Endpoint (no query) for a behaviour: ok, e500, e503, hang, html, empty, malformed, badrow. */
  endpoint(kind: string): string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Row = Record<string, unknown>;
const FIXTURE = join(__dirname, '../fixtures/takstkoder/valid-2024-07-01.json');

/** The tariff year (1 July - 30 June) holding `date`: its first day. */
function yearStart(date: string): string {
  const y = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 7 ? 1 : 0);
  return `${y}-07-01`;
}

const comma = (n: unknown): unknown => (typeof n === 'number' ? n.toFixed(2).replace('.', ',') : n);

/**
 * The rows in force on `date`: the fixture's 2024-25 rows moved to that tariff year (amounts +1 per
 * year after 2024, so a diff has changed amounts), with quirks, plus `filler` generated lab-like rows.
 */
export function takstkoderRows(date: string, filler = 3000): Row[] {
  const start = yearStart(date);
  const bump = Number(start.slice(0, 4)) - 2024;
  const fixture = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { takstkoder: Row[] }).takstkoder;
  const rows = fixture
    .filter((r) => r.tildato === null)
    .map((r, i): Row => {
      const row: Row = { ...r, resource_id: `res-${1000 + i}` };
      if (r.fradato === '2024-07-01') row.fradato = start;
      for (const k of ['honorar', 'refusjon', 'egenandel', 'pasient_egenbetaling']) {
        if (typeof row[k] === 'number' && (row[k] as number) > 0) row[k] = (row[k] as number) + bump;
      }
      // Every third row writes its amounts as text with a comma decimal; nulls as empty strings.
      if (i % 3 === 0) for (const k of ['honorar', 'refusjon', 'egenandel']) row[k] = comma(row[k]);
      for (const k of Object.keys(row)) if (row[k] === null && i % 2 === 0) row[k] = '';
      return row;
    });
  const byCode = (code: string): Row => rows.find((r) => r.takstkode === code) as Row;
  byCode('1bd').ugyldig_kombinasjon = 'Alle unntatt 1h, 1i';
  byCode('2cd').krever_takst = '2ad, 2ak eller 2ae';
  byCode('100').maks_repetisjoner = '8';
  // The same row again under another id (the API's store has one per resource).
  rows.push({ ...byCode('2ae'), resource_id: 'res-dup', takst_id: 99999 });
  for (let i = 0; i < filler; i++) {
    const code = String(4000 + i);
    rows.push({
      takst_id: 50000 + i,
      resource_id: `res-f${i}`,
      takstkode: code,
      fagomraade: 'LE',
      fradato: i % 2 ? start : '2015-07-01',
      tildato: '',
      honorar: i % 5 === 0 ? '1 234,50' : 20 + (i % 40),
      refusjon: i % 5 === 0 ? '1 234,50' : 20 + (i % 40),
      egenandel: i % 7 === 0 ? '' : 0,
      beskrivelse: `Laboratorieanalyse ${code}`,
      maks_repetisjoner: i % 4 === 0 ? '' : 0,
      repetisjonsprosent: '',
      spesialisttakst: i % 9 === 0 ? 'J' : 'N',
      ugyldig_kombinasjon: i % 50 === 0 ? `${code} med unntak av ${code}` : '',
      krever_takst: '',
      minimum_tidsbruk: null,
    });
  }
  return rows;
}

export async function serveTakstkoder(opts: { lifetimeMs?: number; filler?: number } = {}): Promise<TakstkoderServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const cache = new Map<string, string>();
  const answer = (res: ServerResponse, status: number, type: string, body: string) =>
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' }).end(body);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers });
    if (requests.length > MAX_REQUESTS) return answer(res, 429, 'text/plain', 'too many requests');
    const kind = url.pathname.split('/')[1] ?? '';
    const date = url.searchParams.get('gyldigdato') ?? '';
    switch (kind) {
      case 'ok': {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return answer(res, 400, 'application/json', '{"feil":"gyldigdato"}');
        const key = yearStart(date);
        if (!cache.has(key)) cache.set(key, JSON.stringify({ takstkoder: takstkoderRows(date, opts.filler ?? 3000) }));
        return answer(res, 200, 'application/json; charset=utf-8', cache.get(key) as string);
      }
      case 'bare':
        return answer(res, 200, 'application/json', JSON.stringify(takstkoderRows(date || '2026-07-01', 0)));
      case 'e500':
        return answer(res, 500, 'text/plain', 'Internal Server Error');
      case 'e503':
        return answer(res, 503, 'text/html', '<html><body>Service Unavailable</body></html>');
      case 'hang':
        return; // never answers; the client's time-out must end it
      case 'html':
        return answer(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><body><h1>Vedlikehold</h1></body></html>');
      case 'empty':
        return answer(res, 200, 'application/json', '{"takstkoder":[]}');
      case 'malformed':
        return answer(res, 200, 'application/json', '{"resultat":"ok"}');
      case 'badrow':
        return answer(res, 200, 'application/json', JSON.stringify({ takstkoder: [{ takstkode: '2ad', fagomraade: 'LE', fradato: date, honorar: 'mange' }] }));
      default:
        return answer(res, 404, 'text/plain', 'not found');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
    return closed;
  };
  const stopper = setTimeout(() => void close(), opts.lifetimeMs ?? 120_000);
  stopper.unref();
  return { origin, endpoint: (kind) => `${origin}/${kind}/v1/takstkoder`, requests, close: () => (clearTimeout(stopper), close()) };
}
