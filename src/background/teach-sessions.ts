// Teach mode (issue 12 §6) runs on an untrusted page, so its "Lagre" is honoured only for a tab where the
// popup started teaching, for that tab's origin then, once, and within a while. Kept in storage.session
// (the worker may sleep while the IT person clicks; content scripts cannot read that area).
import type { BackgroundApi } from './api';

const KEY = 'teach:sessions';
const TTL_MS = 30 * 60_000;

type Session = { tabId: number; origin: string; at: number };

async function read(api: BackgroundApi, now: number): Promise<Session[]> {
  const list = (await api.storage.session.get(KEY))[KEY];
  return Array.isArray(list) ? (list as Session[]).filter((s) => typeof s?.origin === 'string' && now - s.at < TTL_MS) : [];
}

export async function startTeaching(api: BackgroundApi, tabId: number, origin: string, now: number): Promise<void> {
  const list = (await read(api, now)).filter((s) => s.tabId !== tabId);
  await api.storage.session.set({ [KEY]: [...list, { tabId, origin, at: now }].slice(-10) });
}

/** Ends the tab's session and says whether it was one for `origin`. */
export async function endTeaching(api: BackgroundApi, tabId: number, origin: string | null, now: number): Promise<boolean> {
  const list = await read(api, now);
  const mine = list.find((s) => s.tabId === tabId);
  await api.storage.session.set({ [KEY]: list.filter((s) => s !== mine) });
  return !!mine && mine.origin === origin;
}
