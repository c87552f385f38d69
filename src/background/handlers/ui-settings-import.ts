// ui:settings-import: one settings file (any known schema version, migrated; a BOM is fine). An invalid
// file is refused with its fields named in the user's language (settings-import.ts), and the current
// settings stay as they are.
import type { Handler } from '../../messages';
import { saveSettings } from '../../settings/store';
import type { BackgroundContext } from '../context';
import { checkSettingsFile, storageMessage } from '../settings-import';
import { currentSettings } from '../settings-cache';
import { availableTariffs } from '../tariffs';
import { changeReply, settingsState } from '../settings-state';

export function uiSettingsImport(ctx: BackgroundContext): Handler<'ui:settings-import'> {
  return async ({ text }) => {
    const { settings } = await currentSettings(ctx.api);
    const tariffIds = (await availableTariffs(ctx.api.storage.local)).map((v) => v.ref.id);
    const checked = checkSettingsFile(text, settings.locale, tariffIds);
    if (!checked.ok) return { state: await settingsState(ctx), issues: checked.issues };
    const saved = await saveSettings(ctx.api.storage.sync, checked.settings);
    if (!saved.ok) return { state: await settingsState(ctx), issues: [{ path: '(root)', message: storageMessage(settings.locale, saved.error) }] };
    return changeReply(ctx, saved);
  };
}
