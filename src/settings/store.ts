// Loading and saving settings. The user's settings live in storage.sync, one key per top-level section
// (sync allows 8 KB per item); policy values from storage.managed are merged over them on load.
import { describeZodError } from '../core/bill';
import type { ReadonlyAreaLike, StorageAreaLike } from './area';
import { defaultSettings } from './defaults';
import { mergeManaged, type MergedSettings } from './managed';
import { migrate } from './migrations';
import { SettingsSchema, type Settings } from './schema';

export const KEY_PREFIX = 'settings:';
/** Where version 0 kept its one flat object. */
export const LEGACY_KEY = 'settings';
/** One storage key per top-level section, read from the schema so a new section is never left out. */
const SECTIONS = Object.keys(SettingsSchema.shape) as (keyof Settings)[];

export type SaveResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Validates anything claiming to be settings (any version): migrated, then parsed; errors name the field. */
export function parseSettings(input: unknown): SaveResult {
  const migrated = migrate(input);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const r = SettingsSchema.safeParse(migrated.value);
  return r.success ? { ok: true, settings: r.data } : { ok: false, error: describeZodError(r.error) };
}

async function writeSections(sync: StorageAreaLike, settings: Settings): Promise<void> {
  await sync.set(Object.fromEntries(SECTIONS.map((k) => [KEY_PREFIX + k, settings[k]])));
}

/**
 * The user's own settings (no policy values). Migrates a version-0 object found under the legacy key
 * and rewrites it in the current layout. Stored settings that no longer validate fall back to defaults
 * rather than breaking the extension.
 */
export async function loadUserSettings(sync: StorageAreaLike): Promise<Settings> {
  const stored = await sync.get([...SECTIONS.map((k) => KEY_PREFIX + k), LEGACY_KEY]);
  if (stored[KEY_PREFIX + 'schemaVersion'] !== undefined) {
    const obj: Record<string, unknown> = {};
    for (const k of SECTIONS) if (stored[KEY_PREFIX + k] !== undefined) obj[k] = stored[KEY_PREFIX + k];
    const r = parseSettings(obj);
    if (r.ok) return r.settings;
    return defaultSettings();
  }
  if (stored[LEGACY_KEY] !== undefined) {
    const r = parseSettings(stored[LEGACY_KEY]);
    const settings = r.ok ? r.settings : defaultSettings();
    await writeSections(sync, settings);
    await sync.remove(LEGACY_KEY);
    return settings;
  }
  return defaultSettings();
}

async function readManaged(managed: ReadonlyAreaLike | undefined): Promise<unknown> {
  if (!managed) return undefined;
  try {
    return await managed.get(null);
  } catch {
    // No policy store on this browser/profile: nothing is managed.
    return undefined;
  }
}

/** Effective settings: the user's merged with policy values (which win), plus the locked paths. */
export async function loadSettings(sync: StorageAreaLike, managed?: ReadonlyAreaLike): Promise<MergedSettings> {
  return mergeManaged(await loadUserSettings(sync), await readManaged(managed));
}

/** Validates and stores the user's settings; on any error nothing is written and the error names the field. */
export async function saveSettings(sync: StorageAreaLike, candidate: unknown): Promise<SaveResult> {
  const r = parseSettings(candidate);
  if (!r.ok) return r;
  try {
    await writeSections(sync, r.settings);
  } catch (e) {
    return { ok: false, error: `storage: ${e instanceof Error ? e.message : String(e)}` };
  }
  return r;
}

/** Read-modify-write of the user's settings (e.g. muting a rule from a marker). */
export async function updateSettings(sync: StorageAreaLike, change: (s: Settings) => void): Promise<SaveResult> {
  const current = await loadUserSettings(sync);
  change(current);
  return saveSettings(sync, current);
}

/** All user settings as one JSON file (policy values are the clinic's, not the user's, so left out). */
export async function exportSettings(sync: StorageAreaLike): Promise<string> {
  return `${JSON.stringify(await loadUserSettings(sync), null, 2)}\n`;
}

/** Imports a settings file of any known version; an invalid file changes nothing. */
export async function importSettings(sync: StorageAreaLike, text: string): Promise<SaveResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `(root): not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return saveSettings(sync, data);
}

/** True when a storage.onChanged change concerns settings. */
export function isSettingsKey(key: string): boolean {
  return key === LEGACY_KEY || key.startsWith(KEY_PREFIX);
}
