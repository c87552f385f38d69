// ui:settings-save: the settings page stores its form. Validated (fields named); a refused form
// changes nothing. Policy-locked values stay the policy's.
import type { Handler } from '../../messages';
import { saveSettings } from '../../settings/store';
import type { BackgroundContext } from '../context';
import { changeReply, withUserValuesAtLockedPaths } from './ui-settings-state';

export function uiSettingsSave(ctx: BackgroundContext): Handler<'ui:settings-save'> {
  return async ({ settings }) => {
    const candidate = await withUserValuesAtLockedPaths(ctx, settings);
    return changeReply(ctx, await saveSettings(ctx.api.storage.sync, candidate));
  };
}
