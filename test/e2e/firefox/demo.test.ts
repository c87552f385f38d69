// The demo build in real Firefox ESR (Debian firefox-esr over WebDriver BiDi): every demo screen against
// its expected.json with its fix and scenarios (the same suite as Chromium's screens.test.ts), and the
// popup's takst lookup (the same scenario as Chromium's popup.test.ts), and a failed check shown with
// its reason code.
import { useFirefox } from '../lib/firefox';
import { notCheckedOnFailedCheck, popupLookup2fk, screenSuite } from '../lib/scenarios';

jest.setTimeout(120_000);

const env = useFirefox();

test('Firefox ESR runs the extension as a temporary add-on', () => {
  expect(env.ff.version).toMatch(/^firefox\/\d+/);
});

screenSuite({ env: () => ({ driver: env.ff.driver, server: env.server }), compact: true });

test('popup: "2fk" by keyboard opens it with its legevakt and time conditions and the rule text', async () => {
  await popupLookup2fk(env.ff.driver);
});

test('a check that fails shows "ikke kontrollert" with its reason code, and the next good check clears it', async () => {
  await notCheckedOnFailedCheck(env.ff.driver, env.server);
});
