// cs:activate: the boot script saw a takst field in its frame; the full content script goes there if
// the frame belongs to one of the clinic's sites.
import type { Handler } from '../../messages';
import { frameWanted, injectMain } from '../content-scripts';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';
import { contentSender } from '../content-sender';

export function csActivate(ctx: BackgroundContext): Handler<'cs:activate'> {
  return async (_payload, sender) => {
    const { tabId, frameId } = contentSender(sender);
    // The registered pattern may cover more than the clinic's site (Firefox: every port of the host).
    const { settings } = await currentSettings(ctx.api);
    if (frameWanted(ctx.api, settings, sender.url)) await injectMain(ctx.api, tabId, [frameId]);
    return { ok: true as const };
  };
}
