// The settings page against the real ui: handlers and settings storage over an in-memory browser.
import { RULE_IDS } from '../../src/core/rules/index';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { loadUserSettings, saveSettings } from '../../src/settings/store';
import { defaultSettings } from '../../src/settings/defaults';
import { listImportedTariffs } from '../../src/settings/tariffs';
import { OptionsApp, type HostPermissions } from '../../src/options/OptionsApp';
import { readFileText } from '../../src/options/read-file';
import { byText, click, text, typeInto, uiWorld, waitFor, type UiWorld } from './popup-options-harness';

let world: UiWorld;
let root: HTMLElement;
let requested: string[][];
let grant: boolean;

const permissions: HostPermissions = {
  async request(origins) {
    requested.push(origins);
    if (grant) world.browser.fake.grant(origins);
    return grant;
  },
  async remove(origins) {
    world.browser.fake.revoke(origins);
    return true;
  },
  async contains(origins) {
    return origins.every((o) => world.browser.fake.granted.has(o));
  },
};

async function mount(): Promise<void> {
  await act(async () => {
    render(<OptionsApp client={world.client} permissions={permissions} />, root);
  });
  await waitFor(() => expect(root.querySelector('#clinic-h')).not.toBeNull());
}

function section(id: string): HTMLElement {
  return root.querySelector<HTMLElement>(`section[aria-labelledby="${id}"]`)!;
}

async function chooseFile(input: HTMLInputElement, name: string, content: string): Promise<void> {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function changeSelect(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

beforeEach(() => {
  world = uiWorld('options/options.html');
  requested = [];
  grant = true;
  root = document.createElement('div');
  document.body.innerHTML = '';
  document.body.appendChild(root);
});

afterEach(async () => {
  await act(async () => render(null, root));
});

test('choosing legevakt and hjemmevakt is stored at once', async () => {
  await mount();
  const clinic = section('clinic-h');
  await click(byText(clinic, 'label', 'legevakt').querySelector('input')!);
  await waitFor(() => expect(text(root.querySelector('.status'))).toBe('Lagret.'));
  await changeSelect(clinic.querySelector('select')!, 'home');
  await waitFor(() => expect(world.browser.fake.sync.data.get('settings:clinic')).toEqual({ setting: 'legevakt', onCall: 'home', holidayEveStart: null }));
});

test('first run: no practice type is preselected (the default is not a choice); choosing fastlege marks it chosen, and it shows', async () => {
  await mount();
  const clinic = section('clinic-h');
  const radios = () => Array.from(clinic.querySelectorAll<HTMLInputElement>('input[name="clinic-setting"]'));
  expect(radios().filter((r) => r.checked)).toEqual([]);
  expect(text(clinic)).toContain('Ikke valgt ennå');
  await click(byText(clinic, 'label', 'fastlege').querySelector('input')!);
  await waitFor(() => expect(world.browser.fake.sync.data.get('settings:clinic')).toEqual({ setting: 'fastlege', onCall: null, holidayEveStart: null, settingChosen: true }));
  await waitFor(() => expect(radios().filter((r) => r.checked).map((r) => r.value)).toEqual(['fastlege']));
  await waitFor(() => expect(text(clinic)).not.toContain('Ikke valgt ennå'));
  // Another type needs no mark (it is a choice by itself); the mark goes.
  await click(byText(clinic, 'label', 'spesialist').querySelector('input')!);
  await waitFor(() => expect(world.browser.fake.sync.data.get('settings:clinic')).toEqual({ setting: 'spesialist', onCall: null, holidayEveStart: null }));
  expect(radios().filter((r) => r.checked).map((r) => r.value)).toEqual(['spesialist']);
});

test('a malformed holiday-eve time is refused in the page and nothing is saved', async () => {
  await mount();
  const input = byText(section('clinic-h'), 'label', 'TT:MM').querySelector('input')!;
  await typeInto(input, '25:99');
  await act(async () => {
    input.dispatchEvent(new FocusEvent('blur'));
  });
  await waitFor(() => expect(text(root.querySelector('#eve-error'))).toMatch(/TT:MM/));
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(world.sent).not.toContain('ui:settings-save');
});

test('importing an invalid settings file names the fields and changes nothing', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), clinic: { setting: 'legevakt', onCall: 'presence', holidayEveStart: '12:00' } });
  const before = await loadUserSettings(world.browser.storage.sync);
  await mount();
  const backup = section('backup-h');
  const bad = JSON.stringify({ schemaVersion: 1, clinic: { setting: 'sykehus' }, sites: [{ origin: 'ftp://x' }] });
  await chooseFile(backup.querySelector('input[type="file"]')!, 'bad.json', bad);
  const alert = await waitFor(() => byText(backup, '[role="alert"]', 'avvist'));
  expect(text(alert)).toContain('clinic.setting');
  expect(text(alert)).toContain('sites.0.origin');
  expect(await loadUserSettings(world.browser.storage.sync)).toEqual(before);
  // The form still shows the settings in force.
  expect(byText(section('clinic-h'), 'label', 'legevakt').querySelector('input')!.checked).toBe(true);
});

test('a file that is not JSON is refused too', async () => {
  await mount();
  const backup = section('backup-h');
  await chooseFile(backup.querySelector('input[type="file"]')!, 'x.json', '{ not json');
  await waitFor(() => expect(text(byText(backup, '[role="alert"]', 'avvist'))).toMatch(/JSON/));
});

test('a valid settings file is applied and shown', async () => {
  await mount();
  const good = JSON.stringify({ ...defaultSettings(), locale: 'en', user: { specialistGP: true, turnus: false } });
  await chooseFile(section('backup-h').querySelector('input[type="file"]')!, 'good.json', good);
  await waitFor(() => expect(text(root.querySelector('h1'))).toBe('Takstvakt – settings'));
  expect((await loadUserSettings(world.browser.storage.sync)).user.specialistGP).toBe(true);
  expect(document.documentElement.lang).toBe('en');
});

test('policy values show as locked and cannot be changed', async () => {
  world.browser.fake.managed.policy = { clinic: { setting: 'legevakt' }, rules: { severity: { 'time-window': 'error' } } };
  await mount();
  const clinic = section('clinic-h');
  const fieldset = clinic.querySelector('fieldset')!;
  expect(fieldset.disabled).toBe(true);
  expect(text(fieldset)).toContain('Låst av klinikkens IT');
  expect(byText(fieldset, 'label', 'legevakt').querySelector('input')!.checked).toBe(true);
  const rule = root.querySelector<HTMLSelectElement>('select[aria-label^="Alvorlighet for Brukt utenfor"]')!;
  expect(rule.disabled).toBe(true);
  expect(rule.value).toBe('error');
  // Other controls stay usable.
  expect(clinic.querySelector('select')!.disabled).toBe(false);
});

test('saving around a policy keeps the user’s own value under the locked one', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), clinic: { setting: 'spesialist', onCall: null, holidayEveStart: null } });
  world.browser.fake.managed.policy = { clinic: { setting: 'legevakt' } };
  await mount();
  await changeSelect(section('clinic-h').querySelector('select')!, 'presence');
  await waitFor(async () => expect(world.browser.fake.sync.data.get('settings:clinic')).toEqual({ setting: 'spesialist', onCall: 'presence', holidayEveStart: null }));
});

test('adding a site asks the browser for that origin, stores it and registers the content script', async () => {
  await mount();
  const sites = section('sites-h');
  await typeInto(sites.querySelector<HTMLInputElement>('input[type="url"]')!, 'https://epj.klinikk.no/');
  await click(byText(sites, 'button', 'Lagre nettsted'));
  await waitFor(() => expect(sites.querySelector('table.sites')).not.toBeNull());
  expect(requested).toEqual([['https://epj.klinikk.no/*']]);
  expect((await loadUserSettings(world.browser.storage.sync)).sites).toEqual([{ origin: 'https://epj.klinikk.no', adapter: { kind: 'generic' }, enabled: true }]);
  expect([...world.browser.fake.scripts.keys()]).toEqual(['epj:https://epj.klinikk.no/*']);
  // Removing gives the permission back and the script goes with it.
  await click(byText(sites, 'button', 'Fjern'));
  await waitFor(() => expect(text(sites)).toContain('Ingen nettsteder'));
  expect(world.browser.fake.granted.has('https://epj.klinikk.no/*')).toBe(false);
});

test('a site is not added when the origin is malformed or the browser says no', async () => {
  await mount();
  const sites = section('sites-h');
  const input = sites.querySelector<HTMLInputElement>('input[type="url"]')!;
  await typeInto(input, 'epj.klinikk.no/regning');
  await click(byText(sites, 'button', 'Lagre nettsted'));
  // Issue 12 §8: the message in Norwegian, naming the field.
  await waitFor(() => expect(text(byText(sites, '[role="alert"]', 'origin'))).toMatch(/må være en adresse som https:\/\/epj/));
  expect(requested).toEqual([]);
  grant = false;
  await typeInto(input, 'https://epj.klinikk.no');
  await click(byText(sites, 'button', 'Lagre nettsted'));
  await waitFor(() => expect(text(sites)).toContain('ga ikke tilgang'));
  expect((await loadUserSettings(world.browser.storage.sync)).sites).toEqual([]);
});

test('a custom adapter needs its region and code selectors', async () => {
  await mount();
  const sites = section('sites-h');
  await typeInto(sites.querySelector<HTMLInputElement>('input[type="url"]')!, 'https://epj.klinikk.no');
  await click(byText(sites, 'label', 'Egne CSS-selektorer').querySelector('input')!);
  await click(byText(sites, 'button', 'Lagre nettsted'));
  await waitFor(() => expect(text(byText(sites, '[role="alert"]', 'adapter'))).toMatch(/region/));
  await typeInto(byText(sites, 'label', 'Regningsområde').querySelector('input')!, '#regning');
  await typeInto(byText(sites, 'label', 'Takstfelt').querySelector('input')!, 'input.takst');
  await click(byText(sites, 'button', 'Lagre nettsted'));
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).sites[0]?.adapter).toEqual({ kind: 'custom', region: '#regning', code: 'input.takst' }));
});

test('"test on the open tab" shows exactly what the content script read and where', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), sites: [{ origin: 'https://epj.klinikk.no', adapter: { kind: 'generic' }, enabled: true }] });
  world.browser.fake.openTabs.push({ id: 4, url: 'https://epj.klinikk.no/regning' });
  world.browser.fake.tabReplies.set(4, (msg) => {
    expect(msg).toEqual({ type: 'bg:probe', payload: {} });
    return {
      ok: true,
      value: {
        url: 'https://epj.klinikk.no/regning',
        regions: [{ regionId: 'f0:r0', where: 'form#regning', adapter: 'generic', state: 'checked', lines: [{ code: '2ad', count: 1, where: 'input[name=takst1]' }, { code: '2cd', count: 2, where: 'input[name=takst2]' }], context: { date: '2024-03-12', time: '17:30' } }],
      },
    };
  });
  await mount();
  await click(byText(section('sites-h'), 'button', 'Test på åpen fane'));
  const probe = await waitFor(() => {
    const p = root.querySelector('.probe table');
    expect(p).not.toBeNull();
    return root.querySelector('.probe')!;
  });
  expect(text(probe)).toContain('form#regning');
  const rows = [...probe.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
  expect(rows).toEqual([
    ['2ad', '1', 'input[name=takst1]'],
    ['2cd', '2', 'input[name=takst2]'],
  ]);
  expect(text(probe)).toContain('17:30');
  // Issue 12 §8: the date as a person reads it, no JSON.
  expect(text(probe)).toContain('dato 12.03.2024');
  expect(text(probe)).not.toContain('2024-03-12');
});

test('"test on the open tab" says which field was left out and why, and when a grid was read only in part', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), sites: [{ origin: 'https://epj.klinikk.no', adapter: { kind: 'generic' }, enabled: true }] });
  world.browser.fake.openTabs.push({ id: 5, url: 'https://epj.klinikk.no/regning' });
  world.browser.fake.tabReplies.set(5, () => ({
    ok: true,
    value: {
      url: 'https://epj.klinikk.no/regning',
      regions: [
        {
          regionId: 'f0:r0', where: 'div#regning', adapter: 'generic', state: 'checked',
          lines: [{ code: '2ad', count: 1, where: 'tr#linje-1 > td > input' }], context: {},
          skipped: [{ where: 'tr#linje-2 > td > input', reason: 'national-id' }],
          partial: { read: 17, total: 40 },
        },
      ],
    },
  }));
  await mount();
  await click(byText(section('sites-h'), 'button', 'Test på åpen fane'));
  const probe = await waitFor(() => {
    expect(root.querySelector('.probe-skipped')).not.toBeNull();
    return root.querySelector('.probe')!;
  });
  expect(text(probe.querySelector('.probe-skipped')!)).toBe('tr#linje-2 > td > input: ser ut som et fødselsnummer eller D-nummer – hele feltet er utelatt');
  expect(text(probe)).toContain('Delvis kontrollert: 17 av 40 linjer');
});

test('the rules table lists every rule of the background registry, the newest too', async () => {
  await mount();
  const rules = section('rules-h');
  await waitFor(() => expect(rules.querySelectorAll('tbody tr').length).toBe(RULE_IDS.length));
  expect(text(rules)).toContain('Diagnosen viser ikke grunnlaget');
});

test('rule severity and muted rules can be changed and undone', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), rules: { severity: {}, muted: ['duration'] } });
  await mount();
  const rules = section('rules-h');
  await changeSelect(rules.querySelector<HTMLSelectElement>('select[aria-label^="Alvorlighet for Tidsbruk"]')!, 'off');
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).rules.severity).toEqual({ duration: 'off' }));
  await click(byText(rules, 'button', 'Slå på igjen'));
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).rules.muted).toEqual([]));
  await changeSelect(rules.querySelector<HTMLSelectElement>('select[aria-label^="Alvorlighet for Tidsbruk"]')!, 'default');
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).rules.severity).toEqual({}));
});

test('a bad takstkoder file lists its rows and stores nothing; a good one is previewed ("1 av 187"), merged on "Ta i bruk", and pins nothing', async () => {
  await mount();
  const tariff = section('tariff-h');
  const fileInput = () => tariff.querySelector<HTMLInputElement>('input[type="file"]')!;
  const bad = { takstkoder: [{ takstkode: '2ad', fagomraade: 'LE', fradato: '2024-07-01', tildato: '2025-06-30', honorar: 'mye', refusjon: 20, egenandel: 179, beskrivelse: 'Konsultasjon' }, { takstkode: '!!', fagomraade: 'LE' }] };
  await chooseFile(fileInput(), 'bad.json', JSON.stringify(bad));
  const alert = await waitFor(() => byText(tariff, '[role="alert"]', 'ikke importert'));
  expect(text(alert)).toContain('honorar');
  expect(text(alert)).toContain('takstkode');
  expect(await listImportedTariffs(world.browser.storage.local)).toEqual([]);
  const good = { takstkoder: [{ takstkode: '2ad', fagomraade: 'LE', fradato: '2023-07-01', tildato: '2024-06-30', honorar: 199, refusjon: 20, egenandel: 179, beskrivelse: 'Konsultasjon, dagtid' }] };
  await chooseFile(fileInput(), 'good.json', JSON.stringify(good));
  // Nothing is stored before the clinic has seen the coverage and chosen.
  await waitFor(() => expect(text(tariff)).toContain('Filen har 1 av 187 takster i Normaltariffen 2023-24, Takstvakts delvise data (fastlege)'));
  expect(await listImportedTariffs(world.browser.storage.local)).toEqual([]);
  expect(text(tariff.querySelector('[data-testid="tariff-diff"]')!)).toMatch(/2ad: .*egenandel 170 kr → 179 kr/);
  expect(byText(tariff, 'label', 'Flett').querySelector('input')!.checked).toBe(true);
  await click(byText(tariff, 'button', 'Ta i bruk'));
  await waitFor(() => expect(text(tariff)).toContain('Importert:'));
  const [stored] = await listImportedTariffs(world.browser.storage.local);
  expect(stored!.takster).toHaveLength(187);
  expect(stored!.takster.filter((t) => t.carriedFrom === 'fastlege-2023-2024')).toHaveLength(186);
  // Importing never pins a version: bills still pick theirs by date.
  expect((await loadUserSettings(world.browser.storage.sync)).tariff.active).toBe('by-date');
});

test('replace on a partial file keeps only its rows', async () => {
  await mount();
  const tariff = section('tariff-h');
  const good = { takstkoder: [{ takstkode: '2ad', fagomraade: 'LE', fradato: '2023-07-01', honorar: 199, refusjon: 20, egenandel: 179 }] };
  await chooseFile(tariff.querySelector<HTMLInputElement>('input[type="file"]')!, 'good.json', JSON.stringify(good));
  const replace = await waitFor(() => byText(tariff, 'label', 'Erstatt'));
  expect(text(replace)).toContain('186 faller bort');
  await click(replace.querySelector('input')!);
  await waitFor(() => expect(byText(tariff, 'label', 'Erstatt').querySelector('input')!.checked).toBe(true));
  await click(byText(tariff, 'button', 'Ta i bruk'));
  await waitFor(() => expect(text(tariff)).toContain('Importert:'));
  const [stored] = await listImportedTariffs(world.browser.storage.local);
  expect(stored!.takster.map((t) => t.code)).toEqual(['2ad']);
});

/** The fetch button, once the endpoints (and so the origins to ask for) are known. */
async function fetchButton(tariff: HTMLElement): Promise<HTMLButtonElement> {
  const button = await waitFor(() => byText(tariff, 'button', 'Hent gjeldende takster') as HTMLButtonElement);
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

test('"Hent gjeldende takster" asks for the API origins on the click, fetches, previews and stores only on "Ta i bruk"', async () => {
  const asked: string[] = [];
  world.ctx.fetch = async (url) => {
    asked.push(url);
    const body = JSON.stringify({ takstkoder: [{ takstkode: '2ad', fagomraade: 'LE', fradato: '2026-07-01', honorar: '199,50', refusjon: 20, egenandel: '', resource_id: 'x' }] });
    return { ok: true, status: 200, statusText: 'OK', headers: { get: (h: string) => (h === 'content-type' ? 'application/json' : null) }, text: async () => body } as unknown as Response;
  };
  await mount();
  const tariff = section('tariff-h');
  const button = await fetchButton(tariff);
  expect(requested).toEqual([]);
  expect(asked).toEqual([]);
  await click(button);
  await waitFor(() => expect(text(tariff)).toContain('Før Takstkoder fra Helsedirektoratet'));
  expect(requested).toEqual([['https://api.helsedirektoratet.no/*', 'https://opne-data-api.helserefusjon.no/*']]);
  expect(asked).toHaveLength(1);
  expect(asked[0]).toMatch(/^https:\/\/api\.helsedirektoratet\.no\/helserefusjon\/v1\/takstkoder\?fagomraade=LE&gyldigdato=\d{4}-\d{2}-\d{2}$/);
  expect(await listImportedTariffs(world.browser.storage.local)).toEqual([]);
  await click(byText(tariff, 'button', 'Ta i bruk'));
  await waitFor(() => expect(text(tariff)).toContain('Importert:'));
  const [stored] = await listImportedTariffs(world.browser.storage.local);
  expect(stored!.takster.find((t) => t.code === '2ad')).toMatchObject({ hon: 199.5, egen: null });
});

test('a refused permission fetches nothing', async () => {
  grant = false;
  let fetched = 0;
  world.ctx.fetch = async () => {
    fetched++;
    throw new Error('must not be called');
  };
  await mount();
  const tariff = section('tariff-h');
  await click(await fetchButton(tariff));
  await waitFor(() => expect(text(tariff)).toContain('fikk ikke tilgang'));
  expect(fetched).toBe(0);
});

test('export writes the user settings as one JSON file that imports back unchanged', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), clinic: { setting: 'legevakt', onCall: 'home', holidayEveStart: '12:00' }, rules: { severity: { duration: 'off' }, muted: ['time-window'] } });
  const blobs: Blob[] = [];
  const downloads: string[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => undefined });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  await mount();
  const backup = section('backup-h');
  await act(async () => byText(backup, 'button', 'Last ned').click());
  await waitFor(() => expect(downloads).toHaveLength(1));
  click.mockRestore();
  expect(downloads[0]).toMatch(/^takstvakt-innstillinger-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFileText(blobs[0]!)) as unknown;
  expect(exported).toEqual(await loadUserSettings(world.browser.storage.sync));
  await saveSettings(world.browser.storage.sync, defaultSettings());
  await chooseFile(backup.querySelector('input[type="file"]')!, 'back.json', JSON.stringify(exported));
  await waitFor(async () => expect(await loadUserSettings(world.browser.storage.sync)).toEqual(exported));
});

describe('ignored this time', () => {
  test('lists findings ignored in open tabs and brings one back', async () => {
    const { csIgnoreOnce } = await import('../../src/background/handlers/cs-ignore-once');
    const { readIgnored } = await import('../../src/background/tab-state');
    const ctx = { api: world.browser, now: () => new Date('2024-03-12T09:00:00Z') };
    await csIgnoreOnce(ctx)({ regionId: 'r1', rule: 'invalid-combination', codes: ['1bd', '2ad'] }, { tabId: 5, frameId: 0, url: 'https://epj.example.no/', fromExtensionPage: false });
    await mount();
    const rules = section('rules-h');
    await waitFor(() => expect(text(rules)).toContain('1bd, 2ad'));
    const button = rules.querySelector<HTMLButtonElement>('ul.ignored button')!;
    expect(button.getAttribute('aria-label')).toContain('1bd, 2ad');
    await click(button);
    await waitFor(() => expect(text(rules)).toContain('Ingen funn er ignorert i åpne faner.'));
    expect((await readIgnored(world.browser.storage.session, 5, 0, 'r1')).size).toBe(0);
  });
});

// Issue 12 §3 and §8: each site's profile, and whether the browser has granted it (policy pushes sites
// without the browser's grant), with a button to grant it.
test('the site table shows each site\'s profile and access; a profile is set per site; an ungranted site can be granted', async () => {
  await saveSettings(world.browser.storage.sync, {
    ...defaultSettings(),
    sites: [
      { origin: 'https://legevakt.klinikk.no', adapter: { kind: 'generic' }, enabled: true },
      { origin: 'https://fastlege.klinikk.no', adapter: { kind: 'generic' }, enabled: true },
    ],
  });
  world.browser.fake.grant(['https://fastlege.klinikk.no/*']);
  await mount();
  const sites = section('sites-h');
  const row = (origin: string) => byText(sites, 'tbody tr', origin);
  await waitFor(() => expect(text(row('https://legevakt.klinikk.no'))).toContain('ikke gitt'));
  expect(text(row('https://fastlege.klinikk.no'))).toContain('gitt');
  expect(text(row('https://fastlege.klinikk.no'))).not.toContain('ikke gitt');
  // Both use the clinic profile until one gets its own.
  const setting = row('https://legevakt.klinikk.no').querySelector<HTMLSelectElement>('select')!;
  expect(setting.value).toBe('clinic');
  await changeSelect(setting, 'legevakt');
  await waitFor(() => expect(row('https://legevakt.klinikk.no').querySelectorAll('select')).toHaveLength(2));
  await changeSelect(row('https://legevakt.klinikk.no').querySelectorAll<HTMLSelectElement>('select')[1]!, 'presence');
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).sites[0]?.profile).toEqual({ setting: 'legevakt', onCall: 'presence' }));
  expect((await loadUserSettings(world.browser.storage.sync)).sites[1]?.profile).toBeUndefined();
  // Granting from the table asks the browser for exactly that origin.
  await click(byText(row('https://legevakt.klinikk.no'), 'button', 'Gi tilgang'));
  expect(requested).toEqual([['https://legevakt.klinikk.no/*']]);
  await waitFor(() => expect(text(row('https://legevakt.klinikk.no'))).not.toContain('ikke gitt'));
});

// Issue 12 §6: an adapter pushed by policy with its site is shown as the site's custom selectors, locked
// (no import over it, no editing), and can still be exported for another clinic.
test('a policy-pushed adapter is shown locked: export yes, import and edit no', async () => {
  const adapter = { kind: 'custom', region: '[data-testid="konsultasjon"]', code: '[data-testid="ytelse-kode"]' };
  world.browser.fake.managed.policy = { sites: [{ origin: 'https://epj.klinikk.no', adapter, enabled: true }] };
  await mount();
  const sites = section('sites-h');
  await waitFor(() => expect(sites.querySelector('tbody tr')).not.toBeNull());
  const row = byText(sites, 'tbody tr', 'https://epj.klinikk.no');
  expect(text(row)).toContain('Egne CSS-selektorer');
  expect(text(sites)).toContain('Låst av klinikkens IT');
  const button = (label: string) => row.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
  expect(button('Eksporter feltene for https://epj.klinikk.no').disabled).toBe(false);
  expect(button('Importer felt for https://epj.klinikk.no').disabled).toBe(true);
  expect(button('Endre https://epj.klinikk.no').disabled).toBe(true);
});
