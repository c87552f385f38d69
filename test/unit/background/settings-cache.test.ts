// A slow first storage.managed read (Chromium's policy service starting) must not hold up the popup:
// the policy as last seen is used, and the late read replaces it (issue 12 §7, cold popup).
import { currentSettings, invalidateSettings, MANAGED_COPY_KEY, MANAGED_WAIT_MS } from '../../../src/background/settings-cache';
import { fakeBrowser } from './fake-browser';

afterEach(() => invalidateSettings());

function slowManaged(browser: ReturnType<typeof fakeBrowser>, policy: Record<string, unknown>, delayMs: number) {
  browser.storage.managed.get = () => new Promise((resolve) => setTimeout(() => resolve(structuredClone(policy)), delayMs));
}

test('a fast managed read wins and is kept as the last seen policy', async () => {
  const browser = fakeBrowser();
  browser.fake.managed.policy = { clinic: { setting: 'legevakt' } };
  const { settings, locked } = await currentSettings(browser);
  expect(settings.clinic.setting).toBe('legevakt');
  expect(locked).toContain('clinic.setting');
  await new Promise((r) => setTimeout(r, 20));
  expect(browser.fake.local.data.get(MANAGED_COPY_KEY)).toEqual({ clinic: { setting: 'legevakt' } });
});

test('a late managed read: the last seen policy applies at once, the late value rewrites the copy', async () => {
  const browser = fakeBrowser();
  await browser.storage.local.set({ [MANAGED_COPY_KEY]: { clinic: { setting: 'spesialist' } } });
  slowManaged(browser, { clinic: { setting: 'legevakt' } }, MANAGED_WAIT_MS + 300);
  const started = Date.now();
  const first = await currentSettings(browser);
  expect(Date.now() - started).toBeLessThan(MANAGED_WAIT_MS + 200);
  expect(first.settings.clinic.setting).toBe('spesialist');
  // The late read arrives and differs: the copy changes (main.ts then drops the cache on that change).
  await new Promise((r) => setTimeout(r, 400));
  expect(browser.fake.local.data.get(MANAGED_COPY_KEY)).toEqual({ clinic: { setting: 'legevakt' } });
  invalidateSettings();
  slowManaged(browser, { clinic: { setting: 'legevakt' } }, 0);
  expect((await currentSettings(browser)).settings.clinic.setting).toBe('legevakt');
});

test('no policy at all (Firefox without policies): nothing is locked', async () => {
  const browser = fakeBrowser();
  const { locked } = await currentSettings(browser);
  expect(locked).toEqual([]);
});
