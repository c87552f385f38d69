// cs:activate: the boot script saw a takst field in its frame; the full content script goes there.
import type { Handler } from '../../messages';
import { injectMain } from '../content-scripts';
import type { BackgroundContext } from '../context';
import { contentSender } from './sender';

export function csActivate(ctx: BackgroundContext): Handler<'cs:activate'> {
  return async (_payload, sender) => {
    const { tabId, frameId } = contentSender(sender);
    await injectMain(ctx.api, tabId, [frameId]);
    return { ok: true as const };
  };
}
