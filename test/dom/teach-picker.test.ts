// Teach mode's pointer (issue 12 §6): which field a click means, and that the page never gets the clicks
// while teaching; jsdom's events are untrusted, so none of them may pick or cancel (e2e covers trusted ones).
import { ContentScriptContext } from '../../content-scripts/context';
import { fieldFor, startPicker } from '../../content-scripts/teach/picker';

const $ = (s: string) => document.querySelector(s)!;

beforeEach(() => {
  document.body.innerHTML = `
    <label id="l">Kode <input id="kode"></label>
    <div id="ed" contenteditable="true"><p><span id="inner">2ad</span></p></div>
    <div id="tekst">701a</div>`;
});

test('a click means the control of a label, the root of an editable area, or the element itself', () => {
  expect(fieldFor($('#l'))).toBe($('#kode'));
  expect(fieldFor($('#kode'))).toBe($('#kode'));
  expect(fieldFor($('#inner'))).toBe($('#ed'));
  expect(fieldFor($('#tekst'))).toBe($('#tekst'));
  expect(fieldFor(document.body)).toBeNull();
});

test('while teaching the page gets no pointer events; untrusted clicks and Escape do nothing; stopping hands them back', () => {
  const ctx = new ContentScriptContext(() => true);
  const picked: Element[] = [];
  let cancelled = 0;
  const stop = startPicker(ctx, { isOwn: () => false, pick: (f) => picked.push(f), hover: () => undefined, cancel: () => cancelled++ });
  const pageSaw: string[] = [];
  for (const type of ['mousedown', 'click']) document.addEventListener(type, () => pageSaw.push(type));
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  $('#tekst').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
  $('#tekst').dispatchEvent(click);
  expect(click.defaultPrevented).toBe(true);
  expect(pageSaw).toEqual([]);
  expect(picked).toEqual([]);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  expect(cancelled).toBe(0);
  stop();
  $('#tekst').dispatchEvent(new MouseEvent('click', { bubbles: true }));
  expect(pageSaw).toEqual(['click']);
  ctx.invalidate();
});
