// cs:boot: a frame of a granted site started. A site with the clinic's own selectors gets the full
// script at once (the boot script only knows the generic adapter's words); others wait for cs:activate.
import type { Handler } from '../../messages';
import { frameWanted, injectMain } from '../content-scripts';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { adapterFor } from './cs-get-config';
import { contentSender } from '../content-sender';

export function csBoot(ctx: BackgroundContext): Handler<'cs:boot'> {
  return async (_payload, sender) => {
    const { tabId, frameId } = contentSender(sender);
    const { settings } = await currentSettings(ctx.api);
    if (frameWanted(ctx.api, settings, sender.url) && adapterFor(settings, sender.url) !== null) await injectMain(ctx.api, tabId, [frameId]);
    return { ok: true as const };
  };
}
