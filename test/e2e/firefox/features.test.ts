// Issue 12 in real Firefox ESR (the same scenarios as Chromium's banner, keyboard and teach tests): the
// whole-bill banner and diagnosis marker, the next/previous-finding shortcuts run by Firefox's own
// shortcut handler, and teaching a screen from the popup with trusted clicks.
import type { Driver } from '../lib/driver';
import { launchFirefox, useFirefox, waitForEventPageSleep, type LaunchedFirefox } from '../lib/firefox';
import { bannerOnEmptyDiagnosis, bannerCardByKeyboard, bannerIgnoreOnce, commandsInManifest, commandReachesFrame, commandsMoveFocus, commandWithoutFindingsMovesNothing, teachByPointing, teachLeavesThePageAlone } from '../lib/scenarios';
import type { FixtureServer } from '../lib/server';

jest.setTimeout(120_000);

const env = useFirefox();

const scenarios: Array<[string, (driver: Driver, server: FixtureServer) => Promise<void>]> = [
  ['an empty diagnosis: a banner with its contract and a marker on the diagnosis field, no layout shift; gone when fixed', bannerOnEmptyDiagnosis],
  ['the banner is reached by Tab, opens its card on Enter (what, fix, why), closes on Esc', bannerCardByKeyboard],
  ['"Ignorer denne gangen" in the banner\'s card (by keyboard) hides the whole-bill finding on this page', bannerIgnoreOnce],
  ['the commands are registered with their default shortcuts', commandsInManifest],
  ['a page with no findings: the shortcut moves nothing', commandWithoutFindingsMovesNothing],
  ['the next/previous-finding shortcuts move focus across the banner and the markers in document order, wrapping', commandsMoveFocus],
  ['the shortcut reaches a bill inside an iframe and focuses its marker', commandReachesFrame],
  ['while teaching the page does not act on clicks, an untrusted click picks nothing, Escape and "Avbryt" end it', teachLeavesThePageAlone],
  ['teaching by pointing from the popup saves selectors only, and the page then marks 2ad with 1bd', teachByPointing],
];

test.each(scenarios)('%s', async (_name, run) => {
  await run(env.ff.driver, env.server);
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
