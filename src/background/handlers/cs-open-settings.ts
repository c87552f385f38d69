// cs:open-settings: the page badge's "hent takster" opens the settings page at its fetch section. The
// content script only asks; the fetch itself happens in the settings page after the clinic clicks.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';

export function csOpenSettings(ctx: BackgroundContext): Handler<'cs:open-settings'> {
  return async ({ section }) => {
    await ctx.api.tabs.create({ url: ctx.api.runtime.getURL(`options/options.html#${section}`) });
    return { ok: true as const };
  };
}
