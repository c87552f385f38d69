// Full content script (bundled to content-main.js; the background injects it into a frame when the boot
// script, content.js, saw a takst field there): asks the background for its config, then reads billing
// regions and shows the findings beside the offending codes.
import { customAdapter, asCustomAdapter } from './adapters/custom';
import { genericAdapter } from './adapters/generic';
import type { Adapter } from './adapters/types';
import { Bridge } from './bridge';
import { ContentScriptContext } from './context';
import { OWN_HOSTS } from './overlay/host';
import { Overlay } from './overlay/overlay';
import { probe } from './probe';
import { NotChecked } from './not-checked';
import { createSender, listenToBackground } from './runtime';
import { Scanner } from './scanner';

/**
 * The running copy of this script in this frame, kept in the isolated world (the page cannot see,
 * forge or dispatch it): a newer copy (injected twice, or after an extension update into the same
 * world) stops the older one. Copies in a different world stop on their own when their runtime dies.
 */
const RUNNING = Symbol.for('takstvakt.content-main');
type Running = { [RUNNING]?: ContentScriptContext };

function adapterFrom(raw: unknown): { adapter: Adapter; kind: 'generic' | 'custom' } {
  const custom = asCustomAdapter(raw);
  return custom ? { adapter: customAdapter(custom), kind: 'custom' } : { adapter: genericAdapter, kind: 'generic' };
}

async function main(ctx: ContentScriptContext, notChecked: NotChecked, setStrings: (s: Record<string, string>) => void): Promise<void> {
  const world = globalThis as Running;
  world[RUNNING]?.invalidate();
  world[RUNNING] = ctx;
  ctx.onInvalidated(() => {
    if (world[RUNNING] === ctx) delete world[RUNNING];
  });
  if (document.documentElement.closest('[data-takstvakt="off"]')) return;

  const send = createSender(ctx);
  notChecked.send = send;
  const config = await send('cs:get-config', {});
  if (ctx.invalid) return;
  if (!config.ok) return notChecked.show('config');
  setStrings(config.value.strings);
  let { adapter, kind } = adapterFrom(config.value.adapter);

  // Called only after a reply, when `scanner` below exists.
  const rescan = (): void => scanner.refresh();
  // One strings object, refreshed in place on bg:rescan (the locale may have changed).
  // `overlay_profile`: the site's profile for the page badge (issue 12 §3), not a catalog text.
  const withProfile = (c: { strings: Record<string, string>; profile?: string | undefined }) => ({ ...c.strings, overlay_profile: c.profile ?? '' });
  const strings: Record<string, string> = withProfile(config.value);
  const overlay = new Overlay(ctx, strings, {
    ignoreOnce: (f, regionId) => void send('cs:ignore-once', { regionId, rule: f.rule, codes: f.codes }).then(rescan),
    openRuleSettings: (rule) => void send('cs:open-rule-settings', { rule }),
    openDocs: (rule) => void send('cs:open-docs', { rule }),
  }, () => void send('cs:open-settings', { section: 'tariff-fetch' }));
  overlay.setStatus({ muted: config.value.muted });
  const scanner = new Scanner(ctx, adapter, new Bridge(send, overlay, { failed: () => notChecked.show('check'), ok: () => notChecked.clear() }), {
    isOwn: (n) => OWN_HOSTS.has(n),
  });

  listenToBackground(ctx, {
    // Every frame gets a probe sent to the whole tab and the first answer wins: frames with a bill
    // answer at once, the top frame answers "nothing here" only after the others had their chance.
    'bg:probe': async () => {
      if (scanner.regions.size > 0) return probe(scanner, adapter, kind);
      if (window !== window.top) return undefined;
      await new Promise((resolve) => ctx.setTimeout(() => resolve(undefined), 200));
      return probe(scanner, adapter, kind);
    },
    // Keyboard command (issue 12 §5): only a frame with markers or banners answers.
    'bg:focus-finding': ({ direction }) => (overlay.focusFinding(direction) ? { focused: true } : undefined),
    'bg:rescan': async () => {
      const fresh = await send('cs:get-config', {});
      if (fresh.ok) {
        const profileBefore = strings.overlay_profile;
        Object.assign(strings, withProfile(fresh.value));
        overlay.setStatus({ muted: fresh.value.muted });
        // The profile on the page badge changed (popup switch) even if the findings did not.
        if (strings.overlay_profile !== profileBefore) overlay.layout();
        const next = adapterFrom(fresh.value.adapter);
        if (next.kind !== kind || next.kind === 'custom') {
          ({ adapter, kind } = next);
          scanner.setAdapter(adapter);
        }
      }
      scanner.refresh();
      return { ok: true as const };
    },
  });
  scanner.start(document);
}

const ctx = new ContentScriptContext();
let strings: Record<string, string> | undefined;
const notChecked = new NotChecked(ctx, () => strings);
void main(ctx, notChecked, (s) => (strings = s)).catch((e: unknown) => {
  // Never throw into the page, but say that checking stopped (unless the extension went away).
  ctx.failed(e);
  if (!ctx.invalid) notChecked.show('start');
});
