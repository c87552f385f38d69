// Every demo screen, old and new, read exactly in Chromium: what the content script reads (asked with
// bg:probe, as "Test på åpen fane" does) equals the screen's expected.json bill - codes, counts,
// date, time, diagnoses; non-bill screens read no bill and no "unreadable" region. Also: a national id
// typed into a takst field is left out and the probe says so, without showing any part of it.
import { loadScreens, openScreen, useExtension, type FixtureServer, type Launched } from './harness';
import { probeTab, readProblems, type ProbeRegion, type ReadScreen } from './probe-read';

jest.setTimeout(120_000);

let server: FixtureServer;
let ext: Launched;
useExtension((s) => ({ server, ext } = s));

const screens = loadScreens();

/** Polls the probe until the read matches (pages render and the scanner reads on the next frames). */
async function settledRead(screen: ReadScreen & { id: string }, pageUrl: string): Promise<{ problems: string[]; regions: ProbeRegion[] }> {
  const page = ext.context.pages().find((p) => p.url() === pageUrl)!;
  const until = Date.now() + 8000;
  for (;;) {
    const regions = await probeTab(ext, page).catch(() => [] as ProbeRegion[]);
    const problems = readProblems(screen, regions);
    if (!problems.length || Date.now() > until) return { problems, regions };
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.each(screens.map((s) => [s.id, s] as const))('%s is read exactly as expected.json says', async (_id, screen) => {
  const page = await ext.context.newPage();
  try {
    await openScreen(page, server, screen);
    // Non-bill screens: give the extension time to (wrongly) act before asserting nothing happened.
    if (screen.notABill) await page.waitForTimeout(1500);
    const { problems } = await settledRead(screen as unknown as ReadScreen & { id: string }, page.url());
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
});

test('a national id in a takst field is left out whole, and the probe says where and why', async () => {
  const screen = screens.find((s) => s.id === 'fnr-i-takstfelt')!;
  const page = await ext.context.newPage();
  try {
    await openScreen(page, server, screen);
    const { regions } = await settledRead(screen as unknown as ReadScreen & { id: string }, page.url());
    const skipped = regions.flatMap((r) => r.skipped ?? []);
    expect(skipped).toEqual([{ where: expect.stringContaining('linje-2') as unknown as string, reason: 'national-id' }]);
    const text = JSON.stringify(regions);
    for (const part of ['010170', '12345', '01017012345']) expect(text).not.toContain(part);
  } finally {
    await page.close();
  }
});
