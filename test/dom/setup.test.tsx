// The first-run setup (issue 12 §2) against the real ui: handlers over the in-memory browser.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { HostPermissions } from '../../src/options/OptionsApp';
import { SetupApp } from '../../src/options/SetupApp';
import { loadUserSettings } from '../../src/settings/store';
import { byText, click, text, typeInto, uiWorld, waitFor, type UiWorld } from './popup-options-harness';

let world: UiWorld;
let root: HTMLElement;
let requested: string[][];

const permissions: HostPermissions = {
  async request(origins) {
    requested.push(origins);
    world.browser.fake.grant(origins);
    return true;
  },
  async remove() {
    return true;
  },
  async contains(origins) {
    return origins.every((o) => world.browser.fake.granted.has(o));
  },
};

beforeEach(() => {
  world = uiWorld('options/setup.html');
  requested = [];
  root = document.createElement('div');
  document.body.innerHTML = '';
  document.body.appendChild(root);
});
afterEach(async () => {
  await act(async () => render(null, root));
});

async function mount(): Promise<void> {
  await act(async () => render(<SetupApp client={world.client} permissions={permissions} />, root));
  await waitFor(() => expect(root.querySelector('#setup-practice-h')).not.toBeNull());
}

const radio = (v: string) => root.querySelector<HTMLInputElement>(`input[name="setup-setting"][value="${v}"]`)!;

test('nothing is preselected; the chosen profile is saved and the added site gets it', async () => {
  await mount();
  expect([...root.querySelectorAll<HTMLInputElement>('input[name="setup-setting"]')].filter((r) => r.checked)).toEqual([]);
  await click(radio('legevakt'));
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).clinic.setting).toBe('legevakt'));
  const oncall = root.querySelector<HTMLSelectElement>('#setup-oncall')!;
  await act(async () => {
    oncall.value = 'home';
    oncall.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitFor(async () => expect((await loadUserSettings(world.browser.storage.sync)).clinic.onCall).toBe('home'));
  await typeInto(root.querySelector<HTMLInputElement>('#setup-origin')!, 'https://epj.legevakt.no/');
  await click(byText(root, 'button', 'Gi tilgang og legg til'));
  await waitFor(() => expect(text(root.querySelector('#setup-site-status'))).toContain('legevakt, hjemmevakt'));
  expect(requested).toEqual([['https://epj.legevakt.no/*']]);
  const s = await loadUserSettings(world.browser.storage.sync);
  expect(s.sites).toEqual([{ origin: 'https://epj.legevakt.no', adapter: { kind: 'generic' }, enabled: true, profile: { setting: 'legevakt', onCall: 'home' } }]);
  expect(s.clinic).toMatchObject({ setting: 'legevakt', onCall: 'home' });
});

test('a malformed address is refused in Norwegian before any permission is asked', async () => {
  await mount();
  await typeInto(root.querySelector<HTMLInputElement>('#setup-origin')!, 'epj.klinikk.no/regning');
  await click(byText(root, 'button', 'Gi tilgang og legg til'));
  await waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('Skriv adressen som https://epj.klinikk.no'));
  expect(requested).toEqual([]);
});

test('policy: a locked practice shows as chosen; pushed sites show whether the browser granted them', async () => {
  world.browser.fake.managed.policy = { clinic: { setting: 'legevakt' }, sites: [{ origin: 'https://epj.pushed.no' }] };
  await mount();
  expect(radio('legevakt').checked).toBe(true);
  expect(radio('legevakt').closest('fieldset')!.disabled).toBe(true);
  await waitFor(() => expect(text(root.querySelector('.policy-sites'))).toContain('ikke gitt'));
  await click(byText(root, '.policy-sites button', 'Gi tilgang'));
  expect(requested).toEqual([['https://epj.pushed.no/*']]);
  await waitFor(() => expect(text(root.querySelector('.policy-sites'))).not.toContain('ikke gitt'));
});
