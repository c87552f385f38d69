// Issue 12 §6 in the settings page: an adapter pushed by policy with its site is shown as the site's
// custom selectors, locked (no import over it, no editing), and can still be exported for another clinic.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsApp } from '../../src/options/OptionsApp';
import { byText, text, uiWorld, waitFor, type UiWorld } from './popup-options-harness';

let world: UiWorld;
let root: HTMLElement;

beforeEach(() => {
  world = uiWorld();
  root = document.createElement('div');
  document.body.innerHTML = '';
  document.body.appendChild(root);
});
afterEach(async () => {
  await act(async () => render(null, root));
});

test('a policy-pushed adapter is shown locked: export yes, import and edit no', async () => {
  const adapter = { kind: 'custom', region: '[data-testid="konsultasjon"]', code: '[data-testid="ytelse-kode"]' };
  world.browser.fake.managed.policy = { sites: [{ origin: 'https://epj.klinikk.no', adapter, enabled: true }] };
  const permissions = { request: async () => true, remove: async () => true, contains: async () => true };
  await act(async () => {
    render(<OptionsApp client={world.client} permissions={permissions} />, root);
  });
  await waitFor(() => expect(root.querySelector('section[aria-labelledby="sites-h"] tbody tr')).not.toBeNull());
  const sites = root.querySelector<HTMLElement>('section[aria-labelledby="sites-h"]')!;
  const row = byText(sites, 'tbody tr', 'https://epj.klinikk.no');
  expect(text(row)).toContain('Egne CSS-selektorer');
  expect(text(sites)).toContain('Låst av klinikkens IT');
  const button = (label: string) => row.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
  expect(button('Eksporter feltene for https://epj.klinikk.no').disabled).toBe(false);
  expect(button('Importer felt for https://epj.klinikk.no').disabled).toBe(true);
  expect(button('Endre https://epj.klinikk.no').disabled).toBe(true);
});
