// Popup entry: mounts the app with the real runtime client. `?tab=<id>` names the tab for "Denne
// siden" when the popup is opened as a page (tests, screenshots), and `?url=` that tab's address when the
// browser does not show it to the extension (a site not granted yet); otherwise the active tab is used.
import { render } from 'preact';
// esbuild bundles the stylesheet (with the shared base) next to popup.js.
import './popup.css';
import { mark } from '../src/ui/mark';
import { runtimeClient } from '../src/ui/client';
import { PopupApp } from './PopupApp';
import type { PopupPermissions } from './SiteBar';

async function pageTab(): Promise<{ tabId?: number; url?: string }> {
  const params = new URLSearchParams(location.search);
  const param = params.get('tab');
  try {
    // The URL is visible for granted sites, and for any site once the doctor clicked the icon (activeTab).
    const tab = param && /^\d+$/.test(param) ? await chrome.tabs.get(Number(param)) : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
    const url = params.get('url') ?? tab?.url ?? undefined;
    return { ...(tab?.id !== undefined ? { tabId: tab.id } : {}), ...(url ? { url } : {}) };
  } catch {
    return {};
  }
}

const originOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

const permissions: PopupPermissions = { request: (origins) => chrome.permissions.request({ origins }) };

// Marks for the popup benchmark (scripts/bench-e2e.mjs): where a cold popup spends its time.
mark('start');
const root = document.getElementById('app');
if (root) {
  void pageTab().then(({ tabId, url }) =>
    render(
      <PopupApp
        client={runtimeClient()}
        tabId={tabId}
        pageOrigin={originOf(url)}
        pageUrl={url}
        permissions={permissions}
        openOptions={() => void chrome.runtime.openOptionsPage()}
        openFetch={() => void chrome.tabs.create({ url: chrome.runtime.getURL('options/options.html#tariff-fetch') })}
      />,
      root,
    ),
  );
}
