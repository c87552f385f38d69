// ui:ignored-list: the findings ignored once in open tabs, for the settings page's list with a way back.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { listIgnored } from '../tab-state';

export function uiIgnoredList(ctx: BackgroundContext): Handler<'ui:ignored-list'> {
  return async () => ({ items: await listIgnored(ctx.api.storage.session) });
}
