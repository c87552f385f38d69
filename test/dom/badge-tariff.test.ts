// The page badge when no official tariff version covers the bill: "kontrollert mot 2023-24" and a
// button (trusted clicks only) that asks the background to open the settings page's fetch section. Gone once the reply says
// the version used is official.
import { ContentScriptContext } from '../../content-scripts/context';
import { Overlay } from '../../content-scripts/overlay/overlay';
import { overlayStrings } from '../../src/background/handlers/cs-get-config';
import { $, setBody, captureShadowRoots } from './helpers/dom';

let roots: ShadowRoot[];
let ctx: ContentScriptContext;
let overlay: Overlay;
const openFetch = jest.fn();

beforeEach(() => {
  roots = captureShadowRoots();
  setBody('<form id="f"><input id="a" aria-label="Takst" value="2ad"></form>');
  ctx = new ContentScriptContext(() => true);
  overlay = new Overlay(ctx, overlayStrings('nb'), { ignoreOnce: jest.fn(), openRuleSettings: jest.fn(), openDocs: jest.fn() }, openFetch);
  overlay.setRegion('r1', [], false);
});

afterEach(() => {
  ctx.invalidate();
  jest.restoreAllMocks();
  openFetch.mockReset();
});

const badgeRoot = (): ShadowRoot => roots.find((r) => r.host.hasAttribute('data-takstvakt-badge'))!;
const pill = (): HTMLElement => badgeRoot().querySelector('[role="status"]')!;

test('a bill checked against non-official data: the badge names the years and offers the fetch', () => {
  overlay.setStatus({ unofficialYears: '2023-24' });
  overlay.layout();
  const badge = $('[data-takstvakt-badge]');
  expect(badge.getAttribute('data-takstvakt-tariff')).toBe('2023-24');
  expect(pill().textContent).toBe('Takstvakt: ingen funn · kontrollert mot 2023-24Hent gjeldende takster');
  const button = badgeRoot().querySelector('button')!;
  expect(getComputedStyle(button).pointerEvents).not.toBe('none');
  // A script-made click (the page's, or jsdom's) is refused: only the doctor's own click opens settings.
  button.click();
  expect(openFetch).not.toHaveBeenCalled();
});

test('an official version: no years, no button', () => {
  overlay.setStatus({ unofficialYears: '2023-24' });
  overlay.layout();
  overlay.setStatus({ unofficialYears: null });
  overlay.layout();
  expect($('[data-takstvakt-badge]').hasAttribute('data-takstvakt-tariff')).toBe(false);
  expect(pill().textContent).toBe('Takstvakt: ingen funn');
  expect(badgeRoot().querySelector('button')).toBeNull();
});
