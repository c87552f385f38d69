// Popup entry: mounts the app with the real runtime client. `?tab=<id>` names the tab for "Denne
// siden" when the popup is opened as a page (tests, screenshots); otherwise the background uses the
// active tab.
import { render } from 'preact';
// esbuild bundles the stylesheet (with the shared base) next to popup.js.
import './popup.css';
import { runtimeClient } from '../src/ui/client';
import { PopupApp } from './PopupApp';

async function pageTab(): Promise<{ tabId?: number; origin?: string }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return { tabId: Number(param) };
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    // The URL is only visible for sites the clinic granted, which are the ones Takstvakt checks.
    const origin = tab?.url ? new URL(tab.url).origin : undefined;
    return { ...(tab?.id !== undefined ? { tabId: tab.id } : {}), ...(origin ? { origin } : {}) };
  } catch {
    return {};
  }
}

const root = document.getElementById('app');
if (root) {
  void pageTab().then(({ tabId, origin }) => render(<PopupApp client={runtimeClient()} tabId={tabId} pageOrigin={origin} openOptions={() => void chrome.runtime.openOptionsPage()} openFetch={() => void chrome.tabs.create({ url: chrome.runtime.getURL('options/options.html#tariff-fetch') })} />, root));
}
