// ui:settings-export: the user's settings as one JSON file (policy values belong to the clinic's IT).
import type { Handler } from '../../messages';
import { exportSettings } from '../../settings/store';
import type { BackgroundContext } from '../context';
import { osloClock } from '../../core/oslo-clock';

export function uiSettingsExport(ctx: BackgroundContext): Handler<'ui:settings-export'> {
  return async () => ({ json: await exportSettings(ctx.api.storage.sync), fileName: `takstvakt-innstillinger-${osloClock(ctx.now()).date}.json` });
}
