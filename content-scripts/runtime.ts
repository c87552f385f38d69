// The extension runtime as the content script sees it: typed messages to the background (parsed on
// both sides by src/messages.ts) and typed `bg:` pushes from it. `browser` (Firefox) or `chrome`
// (Chromium), both promise-based in MV3, so the polyfill stays out of this bundle.
import { answer, EnvelopeSchema, PROTOCOL, send, type MessageType, type Request, type Response, type Result } from '../src/messages';
import type { ContentScriptContext } from './context';

type Api = typeof chrome;

export function extensionApi(): Api | undefined {
  const g = globalThis as { browser?: Api; chrome?: Api };
  return g.browser?.runtime ? g.browser : g.chrome?.runtime ? g.chrome : undefined;
}

export type Sender = <T extends MessageType>(type: T, payload: Request<T>) => Promise<Result<Response<T>>>;

/** Sends to the background; an invalidated context (reload under the page) stops the script. */
export function createSender(ctx: ContentScriptContext, api: Api | undefined = extensionApi()): Sender {
  const transport = async (msg: unknown): Promise<unknown> => {
    if (ctx.invalid || !api?.runtime?.id) throw new Error('Extension context invalidated');
    return api.runtime.sendMessage(msg);
  };
  return async (type, payload) => {
    const r = await send(transport, type, payload);
    if (!r.ok) ctx.failed(new Error(r.error));
    return r;
  };
}

type BgType = Extract<MessageType, `bg:${string}`>;
/** A handler may return undefined: this frame does not answer (another frame will). */
export type BgHandlers = { [T in BgType]?: (payload: Request<T>) => Promise<Response<T> | undefined> | Response<T> | undefined };

/** Parses a pushed `bg:` message and runs its handler; anything else (other senders, types) is ignored. */
export async function handleBg(raw: unknown, handlers: BgHandlers): Promise<Result<unknown> | undefined> {
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success || !env.data.type.startsWith('bg:') || !Object.prototype.hasOwnProperty.call(PROTOCOL, env.data.type)) return undefined;
  const type = env.data.type as BgType;
  const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
  if (!handler) return undefined;
  // The page side says less than the background: the type and which half did not parse.
  return answer(type, env.data.payload, handler, (t, part) => `${t}: bad ${part}`);
}

/**
 * Listens for `bg:` pushes from this extension only (never from other extensions or pages), and
 * watches a port so a reload of the extension is noticed even when the page is idle.
 */
export function listenToBackground(ctx: ContentScriptContext, handlers: BgHandlers, api: Api | undefined = extensionApi()): void {
  if (!api?.runtime?.onMessage) return;
  const own = api.runtime.id;
  const listener = (msg: unknown, sender: chrome.runtime.MessageSender, reply: (r: unknown) => void): boolean | undefined => {
    if (ctx.invalid || sender.id !== own || sender.tab) return undefined;
    const type = (msg as { type?: unknown } | null)?.type;
    // Keep the channel open only for messages this frame may answer; the others are not ours.
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, type)) return undefined;
    void handleBg(msg, handlers).then((r) => {
      if (r) reply(r);
    });
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => api.runtime.onMessage.removeListener(listener));
  try {
    const port = api.runtime.connect({ name: 'takstvakt-cs' });
    // The worker going to sleep also closes the port; only a dead runtime means invalidation.
    port.onDisconnect.addListener(() => {
      void api.runtime.lastError;
      if (!api.runtime?.id) ctx.invalidate();
    });
    ctx.onInvalidated(() => port.disconnect());
  } catch (e) {
    ctx.failed(e);
  }
}
