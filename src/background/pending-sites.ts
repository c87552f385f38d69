// "Kontroller dette nettstedet" in the popup (issue 12 §2): the browser's permission prompt can close
// the popup, and with it the code that would add the site once granted. So the popup first names the
// origin here (storage.session, a few minutes), and the grant itself (permissions.onAdded) adds it.
import { OriginSchema } from '../settings/schema';
import { updateSettings } from '../settings/store';
import type { BackgroundApi } from './api';
import { originPattern } from './content-scripts';

const KEY = 'sites:pending';
const TTL_MS = 5 * 60_000;
const MAX = 5;

type Pending = { origin: string; at: number };

async function read(api: BackgroundApi, now: number): Promise<Pending[]> {
  const list = (await api.storage.session.get(KEY))[KEY];
  return Array.isArray(list) ? (list as Pending[]).filter((p) => typeof p?.origin === 'string' && now - p.at < TTL_MS) : [];
}

export async function addPending(api: BackgroundApi, origin: string, now: number): Promise<boolean> {
  const o = OriginSchema.safeParse(origin);
  if (!o.success) return false;
  const list = (await read(api, now)).filter((p) => p.origin !== o.data);
  await api.storage.session.set({ [KEY]: [...list, { origin: o.data, at: now }].slice(-MAX) });
  return true;
}

/** On a grant: pending origins it covers become sites (generic adapter, clinic profile). Returns those added. */
export async function addGrantedPending(api: BackgroundApi, granted: readonly string[], now: number): Promise<string[]> {
  const list = await read(api, now);
  const done = list.filter((p) => granted.includes(originPattern(p.origin)));
  if (!done.length) return [];
  await api.storage.session.set({ [KEY]: list.filter((p) => !done.includes(p)) });
  const saved = await updateSettings(api.storage.sync, (s) => {
    for (const { origin } of done) if (!s.sites.some((x) => x.origin === origin)) s.sites.push({ origin, adapter: { kind: 'generic' }, enabled: true });
  });
  return saved.ok ? done.map((p) => p.origin) : [];
}
