// bg:probe ("test on the open tab"): exactly what the content script reads, and where, in the
// protocol's shape.
import { ProbeResultSchema } from '../../src/messages';
import { genericAdapter } from '../../content-scripts/adapters/generic';
import { ContentScriptContext } from '../../content-scripts/context';
import { describe as where, probe } from '../../content-scripts/probe';
import { Scanner } from '../../content-scripts/scanner';
import { $, setBody } from './helpers/dom';

test('the probe lists each region with its codes, counts, context and places', async () => {
  jest.useFakeTimers();
  setBody('<form id="regning"><label>Dato <input type="date" value="2024-03-13"></label><input name="takst-1" aria-label="Takst" value="2cd x2"></form><form id="tom"><label>Takster</label></form>');
  const ctx = new ContentScriptContext(() => true);
  const scanner = new Scanner(ctx, genericAdapter, { changed() {}, reanchored() {}, gone() {}, afterFrame() {} }, { isOwn: () => false, idPrefix: 'p' });
  scanner.start(document);
  await Promise.resolve();
  jest.advanceTimersByTime(20);
  const result = probe(scanner, genericAdapter, 'generic');
  expect(ProbeResultSchema.safeParse(result).success).toBe(true);
  expect(result.regions).toEqual([
    { regionId: 'p:1', where: 'form#regning', adapter: 'generic', state: 'checked', lines: [{ code: '2cd', count: 2, where: 'form#regning > input[name=takst-1]' }], context: { date: '2024-03-13' } },
    { regionId: 'p:2', where: 'form#tom', adapter: 'generic', state: 'unreadable', reason: 'no-field', lines: [], context: {} },
  ]);
  ctx.invalidate();
  jest.useRealTimers();
});

test('places are short: the element and up to three ancestors, stopping at an id', () => {
  setBody('<main><section><div><div><span><input name="x"></span></div></div></section></main>');
  expect(where($('input'))).toBe('div > div > span > input[name=x]');
});
