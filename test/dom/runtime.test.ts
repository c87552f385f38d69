// bg: pushes from the background: only this extension's, only known types, parsed with the protocol.
import { ContentScriptContext } from '../../content-scripts/context';
import { handleBg, listenToBackground } from '../../content-scripts/runtime';

type Listener = (msg: unknown, sender: chrome.runtime.MessageSender, reply: (r: unknown) => void) => boolean | undefined;

function fakeApi() {
  const listeners: Listener[] = [];
  const api = {
    runtime: {
      id: 'ext',
      onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1) },
      connect: () => ({ onDisconnect: { addListener: () => {} }, disconnect: () => {} }),
    },
  } as unknown as typeof chrome;
  return { api, listeners };
}

test('handleBg answers a known message with a parsed response, and nothing for unknown ones', async () => {
  const rescan = jest.fn(() => ({ ok: true as const }));
  expect(await handleBg({ type: 'bg:rescan', payload: {} }, { 'bg:rescan': rescan })).toEqual({ ok: true, value: { ok: true } });
  expect(await handleBg({ type: 'cs:check-bill', payload: {} }, { 'bg:rescan': rescan })).toBeUndefined();
  expect(await handleBg('garbage', { 'bg:rescan': rescan })).toBeUndefined();
  expect(await handleBg({ type: 'bg:rescan', payload: {} }, { 'bg:rescan': () => ({ ok: 'no' }) as never })).toEqual({ ok: false, error: 'bg:rescan: bad response' });
});

test('a frame whose handler has nothing to say does not answer', async () => {
  expect(await handleBg({ type: 'bg:probe', payload: {} }, { 'bg:probe': () => undefined })).toBeUndefined();
});

test('messages from other extensions or from tabs are ignored; invalidation removes the listener', () => {
  const ctx = new ContentScriptContext(() => true);
  const { api, listeners } = fakeApi();
  const rescan = jest.fn(() => ({ ok: true as const }));
  listenToBackground(ctx, { 'bg:rescan': rescan }, api);
  const l = listeners[0]!;
  expect(l({ type: 'bg:rescan', payload: {} }, { id: 'other' }, () => {})).toBeUndefined();
  expect(l({ type: 'bg:rescan', payload: {} }, { id: 'ext', tab: { id: 1 } as chrome.tabs.Tab }, () => {})).toBeUndefined();
  expect(l({ type: 'bg:unknown', payload: {} }, { id: 'ext' }, () => {})).toBeUndefined();
  expect(l({ type: 'bg:rescan', payload: {} }, { id: 'ext' }, () => {})).toBe(true);
  ctx.invalidate();
  expect(listeners).toHaveLength(0);
});
