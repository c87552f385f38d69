// Fetches Helsedirektoratet's takstkoder for one date: the public query (fagområde LE, date) and
// nothing else - no cookies, no referrer, no other header than Accept. Endpoints are tried in order;
// every failure (HTTP status, time-out, not JSON, no rows) is one line naming the endpoint.
import { takstkoderList } from './normalize';

/** The documented addresses, tried in this order (README-2: the second is the newer open-data root). */
export const TAKSTKODER_ENDPOINTS = [
  'https://api.helsedirektoratet.no/helserefusjon/v1/takstkoder',
  'https://opne-data-api.helserefusjon.no/v1/takstkoder',
] as const;

export const FETCH_TIMEOUT_MS = 30_000;
/** The full LE answer is a few MB; anything far larger is not a takstkoder answer. */
export const FETCH_MAX_CHARS = 20_000_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export interface FetchTakstkoderOptions {
  fetch: FetchLike;
  timeoutMs?: number;
}
export type FetchTakstkoderResult = { ok: true; json: unknown; text: string; url: string } | { ok: false; error: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An endpoint is an https URL without query, credentials or fragment; http only to this machine (tests). */
export function checkEndpoint(endpoint: string): { ok: true; url: URL } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, error: `${endpoint} is not a URL` };
  }
  if (url.search || url.hash || url.username || url.password) return { ok: false, error: `${endpoint}: give the address without query, fragment or user` };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { ok: false, error: `${endpoint}: must be https (http only for 127.0.0.1/localhost)` };
  }
  return { ok: true, url };
}

/** The one query ever sent: `?fagomraade=LE&gyldigdato=YYYY-MM-DD`. */
export function takstkoderQuery(endpoint: string, date: string): string {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) throw new Error(checked.error);
  const url = checked.url;
  url.search = new URLSearchParams({ fagomraade: 'LE', gyldigdato: date }).toString();
  return url.toString();
}

async function fetchOne(endpoint: string, date: string, opts: FetchTakstkoderOptions): Promise<FetchTakstkoderResult> {
  let url: string;
  try {
    url = takstkoderQuery(endpoint, date);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await opts.fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
      signal: abort.signal,
    });
    if (!res.ok) return { ok: false, error: `${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > FETCH_MAX_CHARS) return { ok: false, error: `${url}: answer of ${declared} bytes is too large` };
    const text = await res.text();
    if (text.length > FETCH_MAX_CHARS) return { ok: false, error: `${url}: answer is too large` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const type = res.headers.get('content-type') ?? 'no content type';
      return { ok: false, error: `${url}: the answer is not JSON (${type.split(';')[0]})` };
    }
    const list = takstkoderList(json);
    if (list === null) return { ok: false, error: `${url}: the answer is not a takstkoder list ({"takstkoder": [...]})` };
    if (list.length === 0) return { ok: false, error: `${url}: the answer holds no takster for ${date}` };
    return { ok: true, json, text, url };
  } catch (e) {
    if (abort.signal.aborted) return { ok: false, error: `${url}: no answer within ${Math.round(timeoutMs / 1000)} s` };
    return { ok: false, error: `${url}: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Tries each endpoint in order; the first usable answer wins. On failure, one line with every attempt. */
export async function fetchTakstkoder(endpoints: readonly string[], date: string, opts: FetchTakstkoderOptions): Promise<FetchTakstkoderResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, error: `date must be YYYY-MM-DD, got ${date}` };
  const errors: string[] = [];
  for (const endpoint of endpoints) {
    const r = await fetchOne(endpoint, date, opts);
    if (r.ok) return r;
    errors.push(r.error);
  }
  return { ok: false, error: errors.join('; ') || 'no endpoint given' };
}
