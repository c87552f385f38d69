// The 2,000-line screen: correctness under load (speed is in scripts/bench-e2e.mjs, not here).
// Errors far apart are all found, rows added at runtime are read, and typing is never disturbed.
import {
  loadScreens,
  openScreen,
  expectMarkers,
  collectPageErrors,
  type FixtureServer,
  type Launched,
  type Screen, useExtension
} from './harness';
import type { Page } from 'playwright-core';

// Real browser work: the e2e project's testTimeout is not applied per project by jest, so set it here.
jest.setTimeout(120_000);

const stress = loadScreens().find((s) => s.id === 'stress') as Screen;
// 612b is wrong twice: the patient is 30, and A97 (no disease) is no pediatric problem (diagnosis-indication).
const planted = { code: '612b', rules: ['patient-age', 'diagnosis-indication'], near: '#linje-1500 input.kode' };

let server: FixtureServer;
let ext: Launched;
let page: Page;
let errors: string[];

useExtension((s) => ({ server, ext } = s));

beforeEach(async () => {
  page = await ext.context.newPage();
  errors = collectPageErrors(page);
  await openScreen(page, server, stress);
  await expectMarkers(page, { markers: [planted] }, 30_000);
});

afterEach(async () => {
  await page.close();
});

test('errors typed at the top, middle and bottom of the list are all marked', async () => {
  await page.fill('#linje-3 input.kode', '2as');
  await page.fill('#linje-1000 input.kode', '7001a');
  await page.fill('#linje-2000 input.kode', '2aq');
  await expectMarkers(page, {
    markers: [
      planted,
      { code: '2as', rules: ['unknown-code'], near: '#linje-3 input.kode' },
      { code: '7001a', rules: ['unknown-code'], near: '#linje-1000 input.kode' },
      { code: '2aq', rules: ['unknown-code'], near: '#linje-2000 input.kode' },
    ],
  });
  expect(errors).toEqual([]);
});

test('rows the EPJ appends at runtime are read', async () => {
  await page.evaluate(() => {
    const body = document.querySelector('#linjer tbody') as HTMLTableSectionElement;
    for (let n = 2001; n <= 2010; n++) {
      const tr = document.createElement('tr');
      tr.id = `linje-${n}`;
      const td = document.createElement('td');
      const input = Object.assign(document.createElement('input'), { type: 'text', className: 'kode', value: n === 2010 ? '1bd' : '701c' });
      input.setAttribute('aria-label', `Takst linje ${n}`);
      td.append(input);
      tr.append(document.createElement('td'), td);
      body.append(tr);
    }
  });
  await page.locator('#linje-2010 input.kode').scrollIntoViewIfNeeded();
  await expectMarkers(page, {
    markers: [planted, { code: '1bd', rules: ['invalid-combination'], near: '#linje-2010 input.kode' }],
    // 1bd's "alle" conflicts with every other line; only 1bd (or, for 2ad's own list, 2ad) is the offender.
    optional: [{ code: '2ad', rules: ['invalid-combination'], near: '#linje-1 input.kode' }],
  });
  expect(errors).toEqual([]);
});

test('typing quickly into a line while the extension works loses no keystroke', async () => {
  await page.locator('#linje-10 input.kode').scrollIntoViewIfNeeded();
  await page.fill('#linje-10 input.kode', '');
  await page.locator('#linje-10 input.kode').pressSequentially('701c 612b 2ad 701a', { delay: 5 });
  expect(await page.inputValue('#linje-10 input.kode')).toBe('701c 612b 2ad 701a');
  expect(errors).toEqual([]);
});
