// ui:settings-get: effective settings and the paths locked by policy.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { settingsState } from '../settings-state';

export function uiSettingsGet(ctx: BackgroundContext): Handler<'ui:settings-get'> {
  return () => settingsState(ctx);
}
