// A failure that stops checking is shown, not swallowed: the page notice "ikke kontrollert (feil: <code>)"
// with its reason code, the background told under its own region id, and both undone when checking works
// again or the extension goes away.
import { ContentScriptContext } from '../../content-scripts/context';
import { FAILED_REGION, NotChecked } from '../../content-scripts/not-checked';
import type { Sender } from '../../content-scripts/runtime';
import { Bridge } from '../../content-scripts/bridge';
import type { Overlay } from '../../content-scripts/overlay/overlay';

// The notice lives in a closed shadow root; open it for the test so its text can be read.
const attach = Element.prototype.attachShadow;
beforeAll(() => {
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  };
});
afterAll(() => {
  Element.prototype.attachShadow = attach;
});

function setup(strings?: Record<string, string>) {
  const ctx = new ContentScriptContext(() => true);
  const sent: Array<{ type: string; payload: unknown }> = [];
  const n = new NotChecked(ctx, () => strings);
  n.send = (async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return { ok: true, value: { ok: true } };
  }) as unknown as Sender;
  return { ctx, n, sent };
}

const notice = () => document.querySelector('[data-takstvakt-badge][data-takstvakt-state="failed"]');

afterEach(() => notice()?.remove());

test('shows the reason code on the page (bokmål before any strings arrived) and tells the background', () => {
  const { n, sent } = setup();
  n.show('config');
  expect(notice()?.getAttribute('data-takstvakt-reason')).toBe('config');
  expect(notice()?.shadowRoot?.querySelector('[role=status]')?.textContent).toBe('Takstvakt: ikke kontrollert (feil: config)');
  expect(sent).toEqual([{ type: 'cs:adapter-state', payload: { regionId: FAILED_REGION, state: 'unreadable', reason: 'failed:config', lineCount: 0 } }]);
  // The same failure again is not repeated.
  n.show('config');
  expect(sent).toHaveLength(1);
});

test('uses the localised text, and clears when checking works again', () => {
  const { n, sent } = setup({ overlay_badge_failed: 'not checked (error: {code})' });
  n.show('check');
  expect(notice()?.shadowRoot?.querySelector('[role=status]')?.textContent).toBe('Takstvakt: not checked (error: check)');
  n.clear();
  expect(notice()).toBeNull();
  expect(sent.at(-1)).toEqual({ type: 'cs:adapter-state', payload: { regionId: FAILED_REGION, state: 'checked', lineCount: 0 } });
});

test('goes with the extension (an invalidated script shows nothing)', () => {
  const { ctx, n } = setup();
  n.show('start');
  expect(notice()).not.toBeNull();
  ctx.invalidate();
  expect(notice()).toBeNull();
  n.show('check');
  expect(notice()).toBeNull();
});

test('the bridge reports a check without a report as a failure, and the next report as recovery', async () => {
  document.body.innerHTML = '<form id="f"><input id="t" name="takst" value="2as"></form>';
  const field = document.querySelector('#t')!;
  const read = { lines: [{ code: '2as', count: 1, field }], context: {}, unreadable: null };
  const r = { id: 'r', el: document.querySelector('#f')!, plan: null, read, snapshot: { snapshot: { regionId: 'r', lines: [{ code: '2as', count: 1 }], context: {} } }, structureDirty: false, valuesDirty: false, listeners: new AbortController() };
  let answer: unknown = { ok: false, error: 'boom' };
  const send = (async () => answer) as unknown as Sender;
  const overlay = { setRegion: () => undefined, dropRegion: () => undefined, layout: () => undefined, flush: () => undefined, setStatus: () => undefined } as unknown as Overlay;
  const health: string[] = [];
  const bridge = new Bridge(send, overlay, { failed: () => health.push('failed'), ok: () => health.push('ok') });
  bridge.changed(r as never);
  await new Promise((resolve) => setTimeout(resolve, 0));
  answer = { ok: true, value: { locale: 'nb', report: { tariff: null, findings: [], amounts: { honorar: 0, refusjon: 0, egenandel: 0, unknown: [] } } } };
  bridge.changed(r as never);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(health).toEqual(['failed', 'ok']);
});
