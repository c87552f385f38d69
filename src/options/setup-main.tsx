// First-run setup page entry (opened by the background on install). Host permissions are requested
// here, in the page, in the click on "Gi tilgang og legg til".
import { render } from 'preact';
// esbuild bundles the stylesheet (with the shared base) next to setup.js.
import './options.css';
import { runtimeClient } from '../ui/client';
import type { HostPermissions } from './OptionsApp';
import { SetupApp } from './SetupApp';

const permissions: HostPermissions = {
  request: (origins) => chrome.permissions.request({ origins }),
  remove: (origins) => chrome.permissions.remove({ origins }),
  contains: (origins) => chrome.permissions.contains({ origins }),
};

const root = document.getElementById('app');
if (root) render(<SetupApp client={runtimeClient()} permissions={permissions} openOptions={() => void chrome.runtime.openOptionsPage()} />, root);
