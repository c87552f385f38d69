// Settings a fresh install starts with: every default comes from the schema itself.
import { SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings } from './schema';

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION });
}
