// ui:settings-save: the settings page stores its form. Validated (fields named); a refused form
// changes nothing. Policy-locked values stay the policy's. A custom adapter's selectors must compile
// (one the browser rejects would silently stop checking on the EPJ page).
import type { Handler } from '../../messages';
import { parseSettings, saveSettings } from '../../settings/store';
import type { BackgroundContext } from '../context';
import { adapterIssues } from '../settings-import';
import { currentSettings } from '../settings-cache';
import { changeReply, settingsState, withUserValuesAtLockedPaths } from '../settings-state';

export function uiSettingsSave(ctx: BackgroundContext): Handler<'ui:settings-save'> {
  return async ({ settings }) => {
    const candidate = await withUserValuesAtLockedPaths(ctx, settings);
    const parsed = parseSettings(candidate);
    if (parsed.ok) {
      const { locale } = (await currentSettings(ctx.api)).settings;
      const issues = parsed.settings.sites.flatMap((s, i) => adapterIssues(locale, s.adapter, `sites.${i}.adapter`));
      if (issues.length) return { state: await settingsState(ctx), issues };
    }
    return changeReply(ctx, await saveSettings(ctx.api.storage.sync, candidate));
  };
}
