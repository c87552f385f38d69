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
import { createSender, listenToBackground } from './runtime';
import { Scanner } from './scanner';

const STARTED = 'takstvakt:started';

function adapterFrom(raw: unknown): { adapter: Adapter; kind: 'generic' | 'custom' } {
  const custom = asCustomAdapter(raw);
  return custom ? { adapter: customAdapter(custom), kind: 'custom' } : { adapter: genericAdapter, kind: 'generic' };
}

async function main(): Promise<void> {
  const ctx = new ContentScriptContext();
  // A newer copy of this script (injected after an extension update) takes over: older copies stop.
  document.dispatchEvent(new CustomEvent(STARTED));
  ctx.addEventListener(document, STARTED, () => ctx.invalidate());
  if (document.documentElement.closest('[data-takstvakt="off"]')) return;

  const send = createSender(ctx);
  const config = await send('cs:get-config', {});
  if (!config.ok || ctx.invalid) return;
  let { adapter, kind } = adapterFrom(config.value.adapter);

  // Called only after a reply, when `scanner` below exists.
  const rescan = (): void => scanner.refresh();
  // One strings object, refreshed in place on bg:rescan (the locale may have changed).
  const strings: Record<string, string> = { ...config.value.strings };
  const overlay = new Overlay(ctx, strings, {
    ignoreOnce: (f, regionId) => void send('cs:ignore-once', { regionId, rule: f.rule, codes: f.codes }).then(rescan),
    muteRule: (rule) => void send('cs:mute-rule', { rule }).then(rescan),
    openDocs: (rule) => void send('cs:open-docs', { rule }),
  }, () => void send('cs:open-settings', { section: 'tariff-fetch' }));
  const scanner = new Scanner(ctx, adapter, new Bridge(send, overlay), {
    isOwn: (n) => OWN_HOSTS.has(n) || (n.nodeType === 1 && (n as Element).closest('takstvakt-marker,takstvakt-badge') !== null),
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
    'bg:rescan': async () => {
      const fresh = await send('cs:get-config', {});
      if (fresh.ok) {
        Object.assign(strings, fresh.value.strings);
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

void main().catch(() => {
  // Never throw into the page.
});
