// Settings page entry. Host permissions are requested here, in the page, because the browser only
// grants them from a user gesture (the click on "Legg til").
import { render } from 'preact';
// esbuild bundles the stylesheet (with the shared base) next to options.js.
import './options.css';
import { runtimeClient } from '../ui/client';
import { OptionsApp, type HostPermissions } from './OptionsApp';

const permissions: HostPermissions = {
  request: (origins) => chrome.permissions.request({ origins }),
  remove: (origins) => chrome.permissions.remove({ origins }),
  contains: (origins) => chrome.permissions.contains({ origins }),
};

const root = document.getElementById('app');
if (root) render(<OptionsApp client={runtimeClient()} permissions={permissions} />, root);
