// cs:open-docs: a marker's "read more" opens the rule's page in the extension (docs/rules/<id>.html,
// built from docs/rules/<id>.md) without making the docs web-accessible to every site.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';

export function csOpenDocs(ctx: BackgroundContext): Handler<'cs:open-docs'> {
  return async ({ rule }) => {
    await ctx.api.tabs.create({ url: ctx.api.runtime.getURL(`docs/rules/${rule}.html`) });
    return { ok: true as const };
  };
}
