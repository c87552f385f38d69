// Issue 12 §5: the manifest's keyboard commands move focus to the next / previous marker or banner of
// the page, in document order of what they mark, wrapping. A browser shortcut cannot be pressed from a
// test (CDP key events go to the page, not to the browser's accelerators), so the test fires the
// command event itself in the service worker: `chrome.commands.onCommand.dispatch(name, tab)` runs
// the very listener the browser calls for Alt+Shift+J / Alt+Shift+K (background/main.ts), and from
// there the path is the real one (bg:focus-finding to the tab, the content script moves focus).
// The scenarios are shared with Firefox (lib/scenarios.ts, test/e2e/firefox/features.test.ts), where the
// browser's own shortcut element is run instead (lib/firefox.ts).
import { chromiumDriver, commandsInManifest, commandReachesFrame, commandsMoveFocus, commandWithoutFindingsMovesNothing, useExtension, type FixtureServer, type Launched } from './harness';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
useExtension((s) => ({ server, ext } = s));

test('the commands are in the manifest with their default shortcuts, named in the user\'s language', async () => {
  await commandsInManifest(chromiumDriver(ext));
});

test('next and previous move focus across the banner, the diagnosis marker and the code markers in document order, and wrap', async () => {
  await commandsMoveFocus(chromiumDriver(ext), server);
});

test('a page with no findings: the command moves nothing', async () => {
  await commandWithoutFindingsMovesNothing(chromiumDriver(ext), server);
});

test('the command reaches a bill inside an iframe and focuses its marker', async () => {
  await commandReachesFrame(chromiumDriver(ext), server);
});
