// The popup against the real ui: handlers, the bundled tariff and an in-memory browser.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { writeRegion } from '../../src/background/tab-state';
import { BUNDLED_TARIFFS } from '../../src/data/index';
import { saveSettings } from '../../src/settings/store';
import { addImportedTariff } from '../../src/settings/tariffs';
import { defaultSettings } from '../../src/settings/defaults';
import type { TariffVersion } from '../../src/core/types';
import { PopupApp } from '../../popup/PopupApp';
import { byText, click, press, text, typeInto, uiWorld, waitFor, type UiWorld } from './popup-options-harness';

let world: UiWorld;
let root: HTMLElement;

async function mount(tabId?: number): Promise<void> {
  await act(async () => {
    render(<PopupApp client={world.client} tabId={tabId} />, root);
  });
}

const input = () => root.querySelector<HTMLInputElement>('#search-input')!;
const options = () => [...root.querySelectorAll('[role="option"]')];

beforeEach(() => {
  world = uiWorld();
  root = document.createElement('div');
  document.body.innerHTML = '';
  document.body.appendChild(root);
});

afterEach(async () => {
  await act(async () => render(null, root));
});

async function openTakst(query: string, code: string): Promise<void> {
  await waitFor(() => expect(world.sent).toContain('ui:takst-index'));
  await typeInto(input(), query);
  await waitFor(() => expect(text(options()[0]!)).toMatch(new RegExp(`^${code}\\b`)));
  await press(input(), 'Enter');
  await waitFor(() => expect(text(root.querySelector('h2'))).toMatch(new RegExp(`^${code}\\b`)));
}

test('focus starts in the search field', async () => {
  await mount();
  await waitFor(() => expect(document.activeElement).toBe(input()));
  expect(input().getAttribute('role')).toBe('combobox');
  expect(root.querySelector('label[for="search-input"]')).not.toBeNull();
});

test('searching 2fk shows it first; Enter opens its legevakt and time conditions and its rule source', async () => {
  await mount();
  await openTakst('2fk', '2fk');
  const conditions = text(root.querySelector('.conditions'));
  expect(conditions).toMatch(/legevakt/i);
  expect(conditions).toMatch(/kveld|16/i);
  // 2fk has no amounts in the bundled tariff: shown as unknown, never as 0.
  const facts = text(root.querySelector('.facts'));
  expect(facts).toContain('ukjent');
  expect(facts).not.toMatch(/\b0 kr/);
  expect(text(root.querySelector('.rules-source'))).toMatch(/tilstedevakt/i);
  expect(text(root)).toContain('2023-2024');
});

test('arrows move the active option and Esc goes back to the list with focus in the field', async () => {
  await mount();
  await waitFor(() => expect(world.sent).toContain('ui:takst-index'));
  await typeInto(input(), '2a');
  await waitFor(() => expect(options().length).toBeGreaterThan(2));
  const first = input().getAttribute('aria-activedescendant');
  await press(input(), 'ArrowDown');
  const second = input().getAttribute('aria-activedescendant');
  expect(second).not.toBe(first);
  expect(root.querySelector(`#${second}`)?.getAttribute('aria-selected')).toBe('true');
  const code = text(root.querySelector(`#${second} .code`));
  await press(input(), 'Enter');
  await waitFor(() => expect(text(root.querySelector('h2'))).toMatch(new RegExp(`^${code}\\b`)));
  await press(root.querySelector('article')!, 'Escape');
  await waitFor(() => expect(document.activeElement).toBe(input()));
  expect(input().value).toBe('2a');
});

test('a takst shows its deny list as real codes; each is a link to that takst', async () => {
  await mount();
  await openTakst('2ad', '2ad');
  const deny = byText(root, '.code-list', 'Kan ikke kombineres med');
  const links = [...deny.querySelectorAll('a')].map((a) => text(a));
  // "1, 2ak, ..." in the tariff is expanded into the real 1-codes.
  expect(links).toEqual(expect.arrayContaining(['1ad', '1bd', '2ak']));
  expect(links).not.toContain('1');
  await click(byText(deny, 'a', /^2ak$/));
  await waitFor(() => expect(text(root.querySelector('h2'))).toMatch(/^2ak\b/));
  await press(root.querySelector('article')!, 'Escape');
  await waitFor(() => expect(text(root.querySelector('h2'))).toMatch(/^2ad\b/));
});

test('merknader are shown in our words with a link to the official text', async () => {
  await mount();
  await openTakst('2ak', '2ak');
  const merknader = root.querySelector('.merknader')!;
  expect(text(merknader)).toContain('D1');
  const link = merknader.querySelector('a[href^="https://"]');
  expect(link).not.toBeNull();
  expect(link!.getAttribute('rel')).toContain('noopener');
});

test('nynorsk spelling finds bokmål labels', async () => {
  await mount();
  await waitFor(() => expect(world.sent).toContain('ui:takst-index'));
  await typeInto(input(), 'sjukebesøk');
  await waitFor(() => expect(options().map((o) => text(o.querySelector('.code')))).toContain('11ad'));
  await typeInto(input(), 'sjukebesøk kveld');
  await waitFor(() => expect(options().map((o) => text(o.querySelector('.code')))).toContain('11ak'));
  // The index was fetched and built once; keystrokes only query it.
  expect(world.sent.filter((t) => t === 'ui:takst-index')).toHaveLength(1);
});

test('the UI language follows the settings', async () => {
  await saveSettings(world.browser.storage.sync, { ...defaultSettings(), locale: 'nn' });
  await mount();
  await waitFor(() => expect(text(root.querySelector('#tab-page'))).toBe('Denne sida'));
  expect(document.documentElement.lang).toBe('nn');
  await openTakst('2fk', '2fk');
  expect(text(root.querySelector('.facts'))).toContain('ukjend');
});

test('"Denne siden" lists findings per region and says "ikke kontrollert" with the reason', async () => {
  const session = world.browser.storage.session;
  await writeRegion(session, 5, 0, 'r1', {
    adapter: { regionId: 'r1', state: 'checked', lineCount: 2 },
    findings: [{ rule: 'invalid-combination', severity: 'error', codes: ['1bd', '2ad'], message: '1bd kan ikke kombineres med 2ad.', fix: 'Fjern 1bd.', source: { merknad: 'A1' }, key: 'rule_invalid_combination', docs: 'docs/rules/invalid-combination.md' }],
  });
  await writeRegion(session, 5, 0, 'r2', { adapter: { regionId: 'r2', state: 'unreadable', reason: 'Takstfeltet er tomt', lineCount: 0 }, findings: [] });
  await mount(5);
  await click(root.querySelector('#tab-page')!);
  await waitFor(() => expect(root.querySelectorAll('.region').length).toBe(2));
  const [checked, unreadable] = [...root.querySelectorAll('.region')];
  expect(text(checked!)).toContain('1bd kan ikke kombineres med 2ad.');
  expect(text(checked!)).toContain('Feil'); // severity in words, not colour alone
  expect(text(checked!)).toContain('Fjern 1bd.');
  expect(text(unreadable!)).toContain('Ikke kontrollert: Takstfeltet er tomt');
});

test('a tab with nothing read says so', async () => {
  await mount(9);
  await click(root.querySelector('#tab-page')!);
  await waitFor(() => expect(text(root.querySelector('.page'))).toMatch(/ikke funnet noe regningsskjema/));
});

test('an imported version next to the bundled ones: the tariff switch lists them all and a takst shows what changed', async () => {
  // The 2023-24 version is the previous year of an imported 2024-25 version (bundled 2024-25 onwards are carried copies).
  const base = BUNDLED_TARIFFS[0]!;
  const next: TariffVersion = structuredClone(base);
  next.id = 'test-2024-2025';
  next.label = 'Test 2024–2025';
  next.validFrom = '2024-07-01';
  next.validTo = '2025-06-30';
  const row = next.takster.find((r) => r.code === '2ad')!;
  row.egen = (row.egen ?? 0) + 9;
  const stored = await addImportedTariff(world.browser.storage.local, next);
  expect(stored.ok).toBe(true);
  await mount();
  const select = await waitFor(() => {
    const s = root.querySelector<HTMLSelectElement>('.tariff-switch select');
    expect(s?.options.length).toBe(BUNDLED_TARIFFS.length + 1);
    return s!;
  });
  await act(async () => {
    select.value = 'test-2024-2025';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await openTakst('2ad', '2ad');
  const changes = await waitFor(() => {
    const c = root.querySelector('.changes');
    expect(c).not.toBeNull();
    return c!;
  });
  const egen = byText(changes, 'tr', 'Egenandel');
  expect(text(egen)).toContain(String(base.takster.find((r) => r.code === '2ad')!.egen));
  expect(text(egen)).toContain(String(row.egen));
});

test('the settings button opens the settings page', async () => {
  const openOptions = jest.fn();
  await act(async () => {
    render(<PopupApp client={world.client} openOptions={openOptions} />, root);
  });
  await click(byText(root, 'button', 'Innstillinger'));
  expect(openOptions).toHaveBeenCalledTimes(1);
});

test('a visit to "Denne siden" keeps the search: query kept, index fetched once', async () => {
  await mount(4);
  await waitFor(() => expect(world.sent).toContain('ui:takst-index'));
  await typeInto(input(), '2fk');
  await waitFor(() => expect(text(options()[0]!)).toMatch(/^2fk\b/));
  await click(root.querySelector<HTMLElement>('#tab-page')!);
  await waitFor(() => expect(world.sent).toContain('ui:page-state'));
  await click(root.querySelector<HTMLElement>('#tab-search')!);
  await waitFor(() => expect(input().value).toBe('2fk'));
  expect(text(options()[0]!)).toMatch(/^2fk\b/);
  expect(world.sent.filter((t) => t === 'ui:takst-index')).toHaveLength(1);
});

// Issue 12 §7: merknader as results of their own, and a loading state instead of "0 treff".
test('"merknad D1" finds the merknad with its summary and citing takster; Enter opens it, a takst link opens that takst', async () => {
  await mount();
  await waitFor(() => expect(world.sent).toContain('ui:takst-index'));
  await typeInto(input(), 'merknad D1');
  await waitFor(() => expect(text(options()[0]!)).toMatch(/^Merknad D1\b/));
  expect(text(options()[0]!)).toMatch(/Kveldstakster/);
  expect(text(options()[0]!)).toContain('2ak');
  await press(input(), 'Enter');
  await waitFor(() => expect(text(root.querySelector('h2'))).toBe('Merknad D1'));
  expect(text(root.querySelector('.summary'))).toMatch(/16/);
  const cited = byText(root, '.code-list', 'viser til merknaden');
  await click(byText(cited, 'a', /^2fk$/));
  await waitFor(() => expect(text(root.querySelector('h2'))).toMatch(/^2fk\b/));
  await press(root.querySelector('article')!, 'Escape');
  await waitFor(() => expect(text(root.querySelector('h2'))).toBe('Merknad D1'));
});

test('while the index loads the popup says so instead of "0 treff"', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const slow = { call: (async (type, payload) => {
    if (type === 'ui:takst-index') await gate;
    return world.client.call(type, payload);
  }) as typeof world.client.call };
  await act(async () => render(<PopupApp client={slow} />, root));
  await waitFor(() => expect(root.querySelector('.loading')).not.toBeNull());
  await typeInto(input(), '2ad');
  expect(text(root.querySelector('[role="status"]'))).toBe('Henter takstene …');
  expect(text(root)).not.toContain('0 treff');
  release();
  await waitFor(() => expect(text(options()[0]!)).toMatch(/^2ad\b/));
  expect(root.querySelector('.loading')).toBeNull();
  expect(text(root.querySelector('[role="status"]'))).toMatch(/^\d+ treff$/);
});
