// ContentScriptContext: once the extension is reloaded under the page, everything stops and our UI goes.
import { ContentScriptContext, isInvalidationError } from '../../content-scripts/context';
import { createSender } from '../../content-scripts/runtime';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ContentScriptContext', () => {
  test('invalidate removes listeners, cancels frames and timers, disconnects observers, runs cleanups', async () => {
    const ctx = new ContentScriptContext(() => true);
    const calls: string[] = [];
    ctx.addEventListener(document, 'click', () => calls.push('click'));
    ctx.requestAnimationFrame(() => calls.push('frame'));
    ctx.setTimeout(() => calls.push('timer'), 10);
    const mo = ctx.mutationObserver(() => calls.push('mutation'));
    mo.observe(document.body, { childList: true });
    const ui = document.createElement('span');
    document.documentElement.append(ui);
    ctx.onInvalidated(() => ui.remove());

    ctx.invalidate();
    document.dispatchEvent(new Event('click'));
    document.body.append(document.createElement('p'));
    jest.advanceTimersByTime(50);
    await Promise.resolve();

    expect(calls).toEqual([]);
    expect(ui.isConnected).toBe(false);
    expect(ctx.signal.aborted).toBe(true);
  });

  test('a callback running after the runtime died invalidates instead of running', () => {
    let alive = true;
    const ctx = new ContentScriptContext(() => alive);
    const seen: string[] = [];
    ctx.addEventListener(document, 'keydown', () => seen.push('key'));
    document.dispatchEvent(new Event('keydown'));
    alive = false;
    document.dispatchEvent(new Event('keydown'));
    expect(seen).toEqual(['key']);
    expect(ctx.invalid).toBe(true);
  });

  test('errors in callbacks never reach the page, and nothing is logged', () => {
    const ctx = new ContentScriptContext(() => true);
    const log = jest.spyOn(console, 'error').mockImplementation(() => {});
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const wrapped = ctx.safe(() => {
      throw new Error('Kari Nordmann 01017012345');
    });
    expect(() => wrapped()).not.toThrow();
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(ctx.invalid).toBe(false);
    log.mockRestore();
    warn.mockRestore();
  });

  test('onInvalidated after the fact runs at once', () => {
    const ctx = new ContentScriptContext(() => true);
    ctx.invalidate();
    const fn = jest.fn();
    ctx.onInvalidated(fn);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('sending after a reload', () => {
  test('"Extension context invalidated" from sendMessage stops the script', async () => {
    const ctx = new ContentScriptContext(() => true);
    const api = { runtime: { id: 'x', sendMessage: () => Promise.reject(new Error('Extension context invalidated.')) } } as unknown as typeof chrome;
    const send = createSender(ctx, api);
    const r = await send('cs:open-docs', { rule: 'unknown-code' });
    expect(r.ok).toBe(false);
    expect(ctx.invalid).toBe(true);
  });

  test('an ordinary error (worker busy) does not stop the script', async () => {
    const ctx = new ContentScriptContext(() => true);
    const api = { runtime: { id: 'x', sendMessage: () => Promise.reject(new Error('Could not establish connection')) } } as unknown as typeof chrome;
    const r = await createSender(ctx, api)('cs:open-docs', { rule: 'unknown-code' });
    expect(r.ok).toBe(false);
    expect(ctx.invalid).toBe(false);
    expect(isInvalidationError(new Error('Extension context invalidated.'))).toBe(true);
  });

  test('a reply is parsed with the protocol schema', async () => {
    const ctx = new ContentScriptContext(() => true);
    const api = { runtime: { id: 'x', sendMessage: () => Promise.resolve({ ok: true, value: { ok: 'yes' } }) } } as unknown as typeof chrome;
    const r = await createSender(ctx, api)('cs:open-docs', { rule: 'unknown-code' });
    expect(r.ok).toBe(false);
  });
});
