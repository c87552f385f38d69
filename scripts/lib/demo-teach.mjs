// The teach flow for `npm run demo` (issue 12 §6; README: docs/screenshots/teach-review.png): the popup's
// "Lær Takstvakt denne skjermen" on the demo screen the generic adapter cannot read (laer/), the fields
// pointed at with real clicks, and the panel showing what Takstvakt now reads, before "Lagre".
import { join } from 'node:path';

/** Screenshots the page at the review step to `<outDir>/extension-teach.png`; returns the path. */
export async function captureTeach(launched, server, outDir) {
  const { context, extensionId, serviceWorker } = launched;
  await serviceWorker.evaluate(
    (origin) => chrome.storage.sync.set({ 'settings:schemaVersion': 2, 'settings:sites': [{ origin, adapter: { kind: 'generic' }, enabled: true }] }),
    server.origin,
  );
  const page = await context.newPage();
  const popup = await context.newPage();
  try {
    await page.setViewportSize({ width: 1000, height: 640 });
    await page.goto(server.url('/laer/index.html'));
    await page.waitForSelector('[data-testid="ytelse-kode"]');
    const [tab] = await serviceWorker.evaluate((url) => chrome.tabs.query({ url }), page.url());
    await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tab.id}`);
    await popup.click('button:has-text("Lær Takstvakt denne skjermen")');
    await popup.waitForSelector('text=Klikk på feltene på siden');
    await page.bringToFront();
    const step = (want) => page.waitForFunction((w) => document.querySelector('[data-takstvakt-teach]')?.getAttribute('data-takstvakt-teach') === w, want);
    const point = async (selector) => {
      const box = await page.locator(selector).first().boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    await step('code');
    await point('.rad:nth-child(1) [data-testid="ytelse-kode"]');
    await page.keyboard.press('Enter');
    await step('count');
    for (const [selector, next] of [
      ['.rad:nth-child(1) [data-testid="ytelse-antall"]', 'date'],
      ['[data-testid="konsultasjon-dato"]', 'time'],
      ['[data-testid="konsultasjon-tid"]', 'diagnosis'],
      ['[data-testid="konsultasjon-diagnose"]', 'review'],
    ]) {
      await point(selector);
      await step(next);
    }
    // Open "Selektorer" (just before the focused "Lagre") so the picture shows what is saved.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.mouse.move(0, 0);
    const file = join(outDir, 'extension-teach.png');
    await page.screenshot({ path: file });
    return file;
  } finally {
    await popup.close();
    await page.close();
  }
}
