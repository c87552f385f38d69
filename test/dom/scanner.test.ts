// The scanner: batches edits to the next animation frame, re-sends only when codes or context changed,
// never reacts to our own UI, keeps a re-rendered region's id, and reports regions that leave.
import { genericAdapter } from '../../content-scripts/adapters/generic';
import { ContentScriptContext } from '../../content-scripts/context';
import { createHost, OWN_HOSTS } from '../../content-scripts/overlay/host';
import { Scanner, type ScannerSink, type TrackedRegion } from '../../content-scripts/scanner';
import { $, setBody } from './helpers/dom';

class Recorder implements ScannerSink {
  sent: Array<{ id: string; codes: string }> = [];
  reanchors: string[] = [];
  goneIds: string[] = [];
  frames = 0;
  changed(r: TrackedRegion): void {
    this.sent.push({ id: r.id, codes: r.snapshot!.snapshot.lines.map((l) => `${l.code}x${l.count}`).join(' ') });
  }
  reanchored(r: TrackedRegion): void {
    this.reanchors.push(r.id);
  }
  gone(r: TrackedRegion): void {
    this.goneIds.push(r.id);
  }
  afterFrame(): void {
    this.frames++;
  }
}

let ctx: ContentScriptContext;
let sink: Recorder;
let scanner: Scanner;

/** Lets MutationObserver callbacks (microtasks) run, then one animation frame. */
async function frame(): Promise<void> {
  await Promise.resolve();
  jest.advanceTimersByTime(20);
}

function type(el: Element, value: string): void {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(async () => {
  jest.useFakeTimers();
  setBody('<form id="bill"><label>Dato <input type="date" value="2024-03-13"></label><div><input aria-label="Takst" id="t1" value="2ad"><input aria-label="Antall" value="1"></div></form>');
  ctx = new ContentScriptContext(() => true);
  sink = new Recorder();
  scanner = new Scanner(ctx, genericAdapter, sink, { isOwn: (n) => OWN_HOSTS.has(n), idPrefix: 't' });
  scanner.start(document);
  await frame();
});

afterEach(() => {
  ctx.invalidate();
  jest.useRealTimers();
});

test('the first frame reads the region once', () => {
  expect(sink.sent).toEqual([{ id: 't:1', codes: '2adx1' }]);
});

test('several edits in one frame are sent once, with the last value', async () => {
  const input = $('#t1');
  type(input, '2a');
  type(input, '2ak');
  type(input, '2ak 2cd');
  expect(sink.sent).toHaveLength(1);
  await frame();
  expect(sink.sent).toHaveLength(2);
  expect(sink.sent[1]!.codes).toBe('2akx1 2cdx1');
});

test('an edit that changes nothing (same codes) sends nothing', async () => {
  type($('#t1'), ' 2ad ');
  await frame();
  expect(sink.sent).toHaveLength(1);
});

test('a changed context field is a change', async () => {
  const date = $('input[type=date]');
  type(date, '2024-03-14');
  await frame();
  expect(sink.sent).toHaveLength(2);
});

test('our own UI added next to the form causes no work', async () => {
  const framesBefore = sink.frames;
  document.documentElement.append(createHost().host);
  await frame();
  expect(sink.frames).toBe(framesBefore);
  expect(sink.sent).toHaveLength(1);
});

test('an SPA re-render with the same codes keeps the id and only re-anchors', async () => {
  const old = $('#bill');
  old.replaceWith(old.cloneNode(true));
  await frame();
  expect(sink.sent).toHaveLength(1);
  expect(sink.goneIds).toEqual([]);
  expect(sink.reanchors).toEqual(['t:1']);
});

test('a region that leaves the page is reported gone', async () => {
  $('#bill').remove();
  await frame();
  expect(sink.goneIds).toEqual(['t:1']);
  expect(scanner.regions.size).toBe(0);
});

test('a region that appears later is found (document-level watch)', async () => {
  const form = document.createElement('form');
  const input = document.createElement('input');
  input.name = 'takst';
  input.value = '1bd';
  form.append(input);
  document.body.append(form);
  await frame();
  expect(sink.sent.map((s) => s.codes)).toContain('1bdx1');
});

test('data-takstvakt="off" set on an ancestor at runtime empties the region', async () => {
  document.body.setAttribute('data-takstvakt', 'off');
  await frame();
  expect(sink.sent.at(-1)).toEqual({ id: 't:1', codes: '' });
});

test('refresh sends every region again', async () => {
  scanner.refresh();
  await frame();
  expect(sink.sent).toHaveLength(2);
});

test('work per frame is bounded: a zero budget still progresses one region per frame', async () => {
  ctx.invalidate();
  setBody(Array.from({ length: 5 }, (_, i) => `<form id="f${i}"><input name="takst" value="2ad"></form>`).join(''));
  ctx = new ContentScriptContext(() => true);
  sink = new Recorder();
  scanner = new Scanner(ctx, genericAdapter, sink, { isOwn: () => false, budgetMs: -1 });
  scanner.start(document);
  await frame();
  expect(sink.sent.length).toBeLessThan(5);
  for (let i = 0; i < 6; i++) await frame();
  expect(sink.sent).toHaveLength(5);
});

test('after invalidation nothing runs', async () => {
  ctx.invalidate();
  type($('#t1'), '1bd');
  await frame();
  expect(sink.sent).toHaveLength(1);
});
