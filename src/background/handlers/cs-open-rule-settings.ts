// cs:open-rule-settings: a card's link to the rule's settings. The settings page (the extension's own,
// out of every web page's reach) is where a rule is muted, with a confirmation and an undo.
import type { Handler } from '../../messages';
import type { BackgroundContext } from '../context';

export function csOpenRuleSettings(ctx: BackgroundContext): Handler<'cs:open-rule-settings'> {
  return async ({ rule }) => {
    await ctx.api.tabs.create({ url: ctx.api.runtime.getURL(`options/options.html#regel=${rule}`) });
    return { ok: true as const };
  };
}
