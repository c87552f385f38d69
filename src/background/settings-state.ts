// Shared by the ui: settings handlers: the state the pages show, the reply to a change (issues named
// by field; current state unchanged on refusal), and keeping policy values out of the user's store.
import type { Response } from '../messages';
import type { Settings } from '../settings/schema';
import { loadUserSettings } from '../settings/store';
import { RULE_IDS } from '../core/rules/index';
import type { BackgroundContext } from './context';
import { currentSettings, invalidateSettings } from './settings-cache';

type SettingsChange = Response<'ui:settings-save'>;
export type Issue = SettingsChange['issues'][number];

export async function settingsState(ctx: BackgroundContext): Promise<Response<'ui:settings-get'>> {
  const { settings, locked } = await currentSettings(ctx.api);
  return { settings, locked, ruleIds: [...RULE_IDS] };
}

/** `clinic.setting: must be ...; sites.0.origin: must be ...` (describeZodError) -> one issue per field. */
export function toIssues(error: string): Issue[] {
  return error
    .split('; ')
    .filter((part) => part.length > 0)
    .map((part) => {
      const i = part.indexOf(': ');
      return i < 0 ? { path: '(root)', message: part } : { path: part.slice(0, i), message: part.slice(i + 2) };
    });
}

/** Reply after a store attempt: on failure the issues, and the settings as they still are. */
export async function changeReply(ctx: BackgroundContext, result: { ok: true } | { ok: false; error: string }): Promise<SettingsChange> {
  if (result.ok) invalidateSettings();
  return { state: await settingsState(ctx), issues: result.ok ? [] : toIssues(result.error) };
}

function get(obj: unknown, path: string[]): unknown {
  return path.reduce<unknown>((cur, k) => (typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[k] : undefined), obj);
}

function put(obj: unknown, path: string[], value: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    if (typeof cur !== 'object' || cur === null) return;
    cur = (cur as Record<string, unknown>)[k];
  }
  const last = path[path.length - 1];
  if (last !== undefined && typeof cur === 'object' && cur !== null) (cur as Record<string, unknown>)[last] = value;
}

/**
 * The pages send effective settings (policy values merged in). Before storing, each locked path gets the
 * user's own value back, so a policy value never becomes the user's and lifting the policy restores theirs.
 */
export async function withUserValuesAtLockedPaths(ctx: BackgroundContext, candidate: unknown): Promise<unknown> {
  const { locked } = await currentSettings(ctx.api);
  if (!locked.length || typeof candidate !== 'object' || candidate === null) return candidate;
  const user: Settings = await loadUserSettings(ctx.api.storage.sync);
  const copy = structuredClone(candidate);
  for (const path of locked) {
    const parts = path.split('.');
    const mine = get(user, parts);
    if (mine === undefined && parts[0] === 'rules' && parts[1] === 'severity') {
      const sev = get(copy, ['rules', 'severity']);
      if (typeof sev === 'object' && sev !== null) delete (sev as Record<string, unknown>)[parts.slice(2).join('.')];
    } else put(copy, parts, structuredClone(mine));
  }
  return copy;
}

