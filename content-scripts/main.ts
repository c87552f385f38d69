// Content script entry (bundled to content.js, one per frame with all_frames): asks the background
// for its config, then reads billing regions and shows the findings beside the offending codes.
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
import { codeKey } from './snapshot';

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

  let scanner: Scanner | null = null;
  const rescan = (): void => scanner?.refresh();
  const overlay = new Overlay(ctx, config.value.strings, {
    ignoreOnce: (f) => {
      const region = Array.from(scanner?.regions.values() ?? []).find((r) => r.read?.lines.some((l) => codeKey(l.code) === f.codes[0]));
      if (region) void send('cs:ignore-once', { regionId: region.id, rule: f.rule, codes: f.codes }).then(rescan);
    },
    muteRule: (rule) => void send('cs:mute-rule', { rule }).then(rescan),
    openDocs: (rule) => void send('cs:open-docs', { rule }),
  });
  scanner = new Scanner(ctx, adapter, new Bridge(send, overlay), {
    isOwn: (n) => OWN_HOSTS.has(n) || (n.nodeType === 1 && (n as Element).closest('takstvakt-marker,takstvakt-badge') !== null),
  });
  const active = scanner;

  listenToBackground(ctx, {
    'bg:probe': () => probe(active, adapter, kind),
    'bg:rescan': async () => {
      const fresh = await send('cs:get-config', {});
      if (fresh.ok) {
        const next = adapterFrom(fresh.value.adapter);
        if (next.kind !== kind || next.kind === 'custom') {
          ({ adapter, kind } = next);
          active.setAdapter(adapter);
        }
      }
      active.refresh();
      return { ok: true as const };
    },
  });
  active.start(document);
}

void main().catch(() => {
  // Never throw into the page.
});
