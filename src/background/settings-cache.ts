// Effective settings (sync merged with managed policy), cached for the worker's lifetime and dropped
// on storage.onChanged, so an edit on the page does not wait for two storage reads.
import type { MergedSettings } from '../settings/managed';
import { loadSettings } from '../settings/store';
import type { BackgroundApi } from './api';

let cached: Promise<MergedSettings> | null = null;

export function currentSettings(api: BackgroundApi): Promise<MergedSettings> {
  cached ??= loadSettings(api.storage.sync, api.storage.managed).catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

export function invalidateSettings(): void {
  cached = null;
}
