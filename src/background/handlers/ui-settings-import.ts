// ui:settings-import: one settings file (any known schema version, migrated). An invalid file is
// refused with its fields named, and the current settings stay as they are.
import type { Handler } from '../../messages';
import { importSettings } from '../../settings/store';
import type { BackgroundContext } from '../context';
import { changeReply } from './ui-settings-state';

export function uiSettingsImport(ctx: BackgroundContext): Handler<'ui:settings-import'> {
  return async ({ text }) => changeReply(ctx, await importSettings(ctx.api.storage.sync, text));
}
