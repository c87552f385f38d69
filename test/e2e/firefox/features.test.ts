// Issue 12 in real Firefox ESR (the same scenarios as Chromium's banner, keyboard and teach tests): the
// whole-bill banner and diagnosis marker, the next/previous-finding shortcuts run by Firefox's own
// shortcut handler, and teaching a screen from the popup with trusted clicks.
import { launchFirefox, useFirefox, waitForEventPageSleep, type LaunchedFirefox } from '../lib/firefox';
import { bannerOnEmptyDiagnosis, bannerCardByKeyboard, bannerIgnoreOnce, commandsInManifest, commandsMoveFocus, commandWithoutFindingsMovesNothing, teachByPointing, teachLeavesThePageAlone } from '../lib/scenarios';

jest.setTimeout(120_000);

const env = useFirefox();

test('an empty diagnosis: a banner with its contract and a marker on the diagnosis field, no layout shift; gone when fixed', async () => {
  await bannerOnEmptyDiagnosis(env.ff.driver, env.server);
});

test('the banner is reached by Tab, opens its card on Enter (what, fix, why), closes on Esc', async () => {
  await bannerCardByKeyboard(env.ff.driver, env.server);
});

test('"Ignorer denne gangen" in the banner\'s card (by keyboard) hides the whole-bill finding on this page', async () => {
  await bannerIgnoreOnce(env.ff.driver, env.server);
});

test('the commands are registered with their default shortcuts', async () => {
  await commandsInManifest(env.ff.driver);
});

test('a page with no findings: the shortcut moves nothing', async () => {
  await commandWithoutFindingsMovesNothing(env.ff.driver, env.server);
});

test('the next/previous-finding shortcuts move focus across the banner and the markers in document order, wrapping', async () => {
  await commandsMoveFocus(env.ff.driver, env.server);
});

test('while teaching the page does not act on clicks, an untrusted click picks nothing, Escape and "Avbryt" end it', async () => {
  await teachLeavesThePageAlone(env.ff.driver, env.server);
});

test('teaching by pointing from the popup saves selectors only, and the page then marks 2ad with 1bd', async () => {
  await teachByPointing(env.ff.driver, env.server);
});

// Firefox unloads an idle event page (here after 1 s): the shortcut must wake it, and a teach session
// started before it slept must still be honoured on "Lagre" (the session is in storage.session).
describe('with the event page asleep between steps', () => {
  let sleepy: LaunchedFirefox;
  beforeAll(async () => {
    sleepy = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1000 } });
  });
  afterAll(async () => {
    await sleepy?.close();
  });
  const asleep = () => waitForEventPageSleep(sleepy.driver);

  test('a shortcut wakes it and moves focus (asleep before each of the first three)', async () => {
    let fired = 0;
    await commandsMoveFocus(sleepy.driver, env.server, { beforeCommand: async () => (fired++ < 3 ? asleep() : undefined) });
  });

  test('teaching survives it sleeping after each pick, and "Lagre" stores the adapter', async () => {
    await teachByPointing(sleepy.driver, env.server, { afterPick: asleep });
  });
});
