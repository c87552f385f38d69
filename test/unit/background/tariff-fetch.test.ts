// The worker's side of the tariff fetch: the fetch handler sends only the public query to the
// configured (or default) endpoints, the weekly check only leaves a notice, the alarm follows the
// setting, the page badge's button opens the settings' fetch section, and every check-bill reply says
// whether the version used is official and its years in words.
import type { BackgroundContext } from '../../../src/background/context';
import { csCheckBill } from '../../../src/background/handlers/cs-check-bill';
import { csOpenSettings } from '../../../src/background/handlers/cs-open-settings';
import { uiTariffFetch } from '../../../src/background/handlers/ui-tariff-fetch';
import { uiTariffImport } from '../../../src/background/handlers/ui-tariff-import';
import { invalidateSettings } from '../../../src/background/settings-cache';
import { readNotice, runTariffCheck, syncTariffAlarm, TARIFF_ALARM } from '../../../src/background/tariff-check';
import { invalidateTariffs } from '../../../src/background/tariffs';
import { defaultSettings } from '../../../src/settings/defaults';
import { saveSettings } from '../../../src/settings/store';
import { listImportedTariffs } from '../../../src/settings/tariffs';
import type { SenderInfo } from '../../../src/messages';
import { fakeBrowser, type FakeBrowser } from './fake-browser';

let b: FakeBrowser;
let ctx: BackgroundContext;
let asked: Array<{ url: string; init: RequestInit }>;
let answer: { status: number; body: string };

const rows = (from: string) => JSON.stringify({ takstkoder: [{ takstkode: '2ad', fagomraade: 'LE', fradato: from, honorar: 199, refusjon: 20, egenandel: 179 }] });

beforeEach(() => {
  invalidateSettings();
  invalidateTariffs();
  b = fakeBrowser();
  asked = [];
  answer = { status: 200, body: rows('2024-07-01') };
  ctx = {
    api: b,
    now: () => new Date('2024-09-02T09:00:00Z'),
    fetch: async (url, init) => {
      asked.push({ url, init });
      return { ok: answer.status < 400, status: answer.status, statusText: '', headers: { get: () => 'application/json' }, text: async () => answer.body } as unknown as Response;
    },
  };
});

const tab = (tabId: number): SenderInfo => ({ tabId, frameId: 0, url: 'https://epj.example.no/regning', fromExtensionPage: false });
const snapshot = (date: string) => ({ regionId: 'r0', lines: [{ code: '2ad', count: 1, anchor: 0 }], context: { date, time: '10:00', diagnoses: ['K86'] } });

describe('ui:tariff-fetch', () => {
  test('default endpoints in order; only fagomraade and date in the query; no credentials or referrer', async () => {
    answer = { status: 503, body: '' };
    const r = await uiTariffFetch(ctx)({ date: '2024-09-02' }, { fromExtensionPage: true });
    expect(r.text).toBeNull();
    expect(asked.map((a) => a.url)).toEqual([
      'https://api.helsedirektoratet.no/helserefusjon/v1/takstkoder?fagomraade=LE&gyldigdato=2024-09-02',
      'https://opne-data-api.helserefusjon.no/v1/takstkoder?fagomraade=LE&gyldigdato=2024-09-02',
    ]);
    for (const { init } of asked) expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', headers: { Accept: 'application/json' } });
    expect(r.error).toMatch(/HTTP 503.*; .*HTTP 503/);
  });

  test('a configured endpoint is the only one tried', async () => {
    await saveSettings(b.storage.sync, { ...defaultSettings(), tariff: { active: 'by-date', endpoint: 'http://127.0.0.1:9/v1/takstkoder', weeklyCheck: false } });
    invalidateSettings();
    const r = await uiTariffFetch(ctx)({ date: '2024-09-02' }, { fromExtensionPage: true });
    expect(asked.map((a) => a.url)).toEqual(['http://127.0.0.1:9/v1/takstkoder?fagomraade=LE&gyldigdato=2024-09-02']);
    expect(r.text).toBe(answer.body);
  });
});

describe('weekly check', () => {
  test('a newer official version: a notice, and nothing stored or swapped', async () => {
    const n = await runTariffCheck(ctx);
    expect(n).toMatchObject({ kind: 'newer', detail: expect.stringMatching(/^takstkoder-2024-2025: /) });
    expect(await readNotice(ctx)).toEqual(n);
    expect(await listImportedTariffs(b.storage.local)).toEqual([]);
  });

  test('the same official version already in use: "current"', async () => {
    await uiTariffImport(ctx)({ text: answer.body, fileName: 'x', mode: 'replace', asOf: '2024-09-02' }, { fromExtensionPage: true });
    expect((await runTariffCheck(ctx)).kind).toBe('current');
  });

  test('a failed fetch says so', async () => {
    answer = { status: 500, body: '' };
    expect(await runTariffCheck(ctx)).toMatchObject({ kind: 'failed', detail: expect.stringContaining('HTTP 500') });
  });

  test('the alarm exists only while the setting is on', async () => {
    const alarms = new Map<string, unknown>();
    b.alarms = {
      create: (name, info) => void alarms.set(name, info),
      get: async (name) => (alarms.has(name) ? { name } : undefined),
      clear: async (name) => alarms.delete(name),
      onAlarm: { addListener: () => undefined },
    };
    await syncTariffAlarm(b, { ...defaultSettings(), tariff: { active: 'by-date', endpoint: null, weeklyCheck: true } });
    expect(alarms.get(TARIFF_ALARM)).toEqual({ delayInMinutes: 1, periodInMinutes: 10080 });
    await syncTariffAlarm(b, defaultSettings());
    expect(alarms.size).toBe(0);
  });
});

describe('page badge support', () => {
  test('check-bill says the version used is not official, with its years in words; an official import covering the date is', async () => {
    const before = await csCheckBill(ctx)(snapshot('2024-03-12'), tab(5));
    expect(before.version).toEqual({ official: false, years: '2023-24' });
    await uiTariffImport(ctx)({ text: rows('2023-07-01'), fileName: 'x', mode: 'merge' }, { fromExtensionPage: true });
    const after = await csCheckBill(ctx)(snapshot('2024-03-12'), tab(5));
    expect(after.report.tariff?.id).toBe('takstkoder-2023-2024');
    expect(after.version).toEqual({ official: true, years: '2023-24' });
    // An official version that does not cover the bill's date is not official for that bill.
    const later = await csCheckBill(ctx)(snapshot('2025-03-12'), tab(5));
    expect(later.version?.official).toBe(false);
  });

  test("the badge's button opens the settings page at the fetch section", async () => {
    await csOpenSettings(ctx)({ section: 'tariff-fetch' }, tab(5));
    expect(b.fake.createdTabs).toEqual([expect.stringMatching(/options\/options\.html#tariff-fetch$/)]);
  });
});
