// ui:site-remove: forget a site (the page also gives the host permission back, which unregisters
// its content scripts through permissions.onRemoved).
import type { Handler } from '../../messages';
import { isLocked } from '../../settings/managed';
import { updateSettings } from '../../settings/store';
import { syncContentScripts } from '../content-scripts';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { changeReply, settingsState } from '../settings-state';

export function uiSiteRemove(ctx: BackgroundContext): Handler<'ui:site-remove'> {
  return async ({ origin }) => {
    const { locked } = await currentSettings(ctx.api);
    if (isLocked(locked, 'sites')) return { state: await settingsState(ctx), issues: [{ path: 'sites', message: 'set by the clinic policy' }] };
    const saved = await updateSettings(ctx.api.storage.sync, (s) => {
      s.sites = s.sites.filter((x) => x.origin !== origin);
    });
    const reply = await changeReply(ctx, saved);
    if (saved.ok) await syncContentScripts(ctx.api, saved.settings);
    return reply;
  };
}
