// ui:site-pending: the popup names the origin it is about to ask the browser for (see pending-sites.ts).
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { addPending } from '../pending-sites';

export function uiSitePending(ctx: BackgroundContext): Handler<'ui:site-pending'> {
  return async ({ origin }) => {
    await addPending(ctx.api, origin, ctx.now().getTime());
    return { ok: true as const };
  };
}
