// The bridge between scanner, background and overlay: stale replies are dropped, a region that leaves
// the page is cleared in the background, and markers land on the fields holding the offending codes.
import { Bridge } from '../../content-scripts/bridge';
import type { Finding } from '../../content-scripts/overlay/card';
import type { MarkerSpec, Overlay } from '../../content-scripts/overlay/overlay';
import type { Sender } from '../../content-scripts/runtime';
import type { TrackedRegion } from '../../content-scripts/scanner';
import { toSnapshot } from '../../content-scripts/snapshot';
import { setBody, $ } from './helpers/dom';

const finding = (code: string): Finding => ({ rule: 'unknown-code', severity: 'error', codes: [code], message: 'm', key: 'k', docs: 'd', source: {} });

function region(id: string, code: string): TrackedRegion {
  const field = $('#t');
  const read = { lines: [{ code, count: 1, field }], context: {}, unreadable: null };
  return { id, el: $('#f'), plan: null, read, snapshot: toSnapshot(id, read), structureDirty: false, valuesDirty: false, dirtyFields: new Set(), contextDirty: false, fieldReads: [], fieldIndex: new Map(), contextIndex: new Set(), listeners: new AbortController() };
}

function fakeOverlay() {
  const calls: Array<{ id: string; specs: MarkerSpec[] }> = [];
  const dropped: string[] = [];
  const overlay = { setRegion: (id: string, specs: MarkerSpec[]) => calls.push({ id, specs }), dropRegion: (id: string) => dropped.push(id), layout: () => {}, flush: () => {}, setStatus: () => {} };
  return { overlay: overlay as unknown as Overlay, calls, dropped };
}

beforeEach(() => setBody('<form id="f"><input id="t" name="takst" value="2as"></form>'));

test('a reply for an older snapshot is dropped; the newest reply places the marker', async () => {
  const replies: Array<(v: unknown) => void> = [];
  const sent: Array<{ type: string; payload: unknown }> = [];
  const send = ((type: string, payload: unknown) => {
    sent.push({ type, payload });
    return new Promise((resolve) => replies.push(resolve));
  }) as unknown as Sender;
  const { overlay, calls } = fakeOverlay();
  const bridge = new Bridge(send, overlay);
  bridge.changed(region('r', '2as'));
  bridge.changed(region('r', '2aq'));
  const reply = (code: string) => ({ ok: true, value: { locale: 'nb', report: { tariff: null, findings: [finding(code)], amounts: { honorar: 0, refusjon: 0, egenandel: 0, unknown: [] } } } });
  replies[1]!(reply('2aq'));
  await new Promise((r) => setTimeout(r, 0));
  replies[0]!(reply('2as'));
  await new Promise((r) => setTimeout(r, 0));
  const last = calls.at(-1)!;
  expect(last.specs.map((s) => s.code)).toEqual(['2aq']);
  expect(last.specs[0]!.field).toBe($('#t'));
  expect(sent.filter((s) => s.type === 'cs:check-bill')).toHaveLength(2);
  expect(sent.filter((s) => s.type === 'cs:adapter-state')).toHaveLength(1);
});

test('a region that leaves the page is dropped from the overlay and cleared in the background', () => {
  const sent: Array<{ type: string; payload: unknown }> = [];
  const send = ((type: string, payload: unknown) => {
    sent.push({ type, payload });
    return new Promise(() => {});
  }) as unknown as Sender;
  const { overlay, dropped } = fakeOverlay();
  const bridge = new Bridge(send, overlay);
  bridge.gone(region('r', '2as'));
  expect(dropped).toEqual(['r']);
  expect(sent).toEqual([{ type: 'cs:region-gone', payload: { regionId: 'r' } }]);
});
