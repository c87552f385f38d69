// Settings as the UI receives them: parsed again with the settings schema (the protocol carries them
// as unknown), so a page never renders a shape it does not understand.
import { SettingsSchema, type Settings } from '../settings/schema';

export interface SettingsView {
  settings: Settings;
  /** Dotted paths set by browser policy (storage.managed): shown, but locked. */
  locked: ReadonlySet<string>;
  /** Rule ids of the background's registry (empty when an older background does not send them). */
  ruleIds: readonly string[];
}

export function toSettingsView(state: { settings: unknown; locked: string[]; ruleIds?: string[] | undefined }): SettingsView | null {
  const parsed = SettingsSchema.safeParse(state.settings);
  return parsed.success ? { settings: parsed.data, locked: new Set(state.locked), ruleIds: state.ruleIds ?? [] } : null;
}

/** A path is locked when it, or an object above it, is managed (`clinic` locks `clinic.setting`). */
export function isLocked(view: SettingsView, path: string): boolean {
  for (const p of view.locked) if (path === p || path.startsWith(`${p}.`)) return true;
  return false;
}
