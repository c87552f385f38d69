// Effective settings (sync merged with managed policy), cached for the worker's lifetime and dropped
// on storage.onChanged, so an edit on the page does not wait for two storage reads.
//
// Chromium answers the first storage.managed read of a browser session only once its policy service
// is ready: 1.8-4.8 s after start here (measured), and the popup's first search waited for it. So a
// read that takes longer than MANAGED_WAIT_MS uses the policy as last seen (kept in storage.local;
// policy is the clinic's configuration, never patient data), and when the real read arrives and
// differs, that copy is rewritten: its storage.onChanged (main.ts) drops this cache and rescans.
import { mergeManaged, type MergedSettings } from '../settings/managed';
import { loadUserSettings } from '../settings/store';
import type { BackgroundApi } from './api';

export const MANAGED_COPY_KEY = 'managed:last';
export const MANAGED_WAIT_MS = 250;

let cached: Promise<MergedSettings> | null = null;

async function readManaged(api: BackgroundApi): Promise<unknown> {
  const fresh = api.storage.managed.get(null).catch(() => undefined);
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), MANAGED_WAIT_MS));
  const copy = api.storage.local.get(MANAGED_COPY_KEY).then((r) => r[MANAGED_COPY_KEY]);
  const keep = (value: unknown) =>
    void copy.then((old) => {
      if (JSON.stringify(old ?? null) !== JSON.stringify(value ?? null)) return api.storage.local.set({ [MANAGED_COPY_KEY]: value ?? null });
    }).catch(() => undefined);
  void fresh.then(keep);
  const first = await Promise.race([fresh, timer]);
  if (first !== 'late') return first;
  return (await copy) ?? undefined;
}

export function currentSettings(api: BackgroundApi): Promise<MergedSettings> {
  cached ??= Promise.all([loadUserSettings(api.storage.sync), readManaged(api)])
    .then(([user, managed]) => mergeManaged(user, managed))
    .catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}

export function invalidateSettings(): void {
  cached = null;
}
