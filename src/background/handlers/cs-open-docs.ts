// cs:open-docs: a marker's "Les mer" opens the rule's help page in the reader's language
// (help/<locale>/<id>.html, built from docs/rules/<id>.md with the catalog's short text; issue 12 §8)
// without making the pages web-accessible to every site. The developer page links from there.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';
import { currentSettings } from '../settings-cache';

export function csOpenDocs(ctx: BackgroundContext): Handler<'cs:open-docs'> {
  return async ({ rule }) => {
    const { settings } = await currentSettings(ctx.api);
    await ctx.api.tabs.create({ url: ctx.api.runtime.getURL(`help/${settings.locale}/${rule}.html`) });
    return { ok: true as const };
  };
}
