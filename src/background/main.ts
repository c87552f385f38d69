// Service worker entry (Chrome) / event page (Firefox). Every listener is registered synchronously at
// the top level, so a worker started for an event finds its listener; module globals are only caches.
import { handle } from '../messages';
import { isSettingsKey, loadSettings } from '../settings/store';
import { IMPORTED_TARIFFS_KEY } from '../settings/tariffs';
import { realApi } from './api';
import { allContentPatterns, injectIntoOpenTabs, syncContentScripts } from './content-scripts';
import type { BackgroundContext } from './context';
import { runCommand } from './commands';
import { createHandlers } from './handlers/index';
import { rescanTabs } from './rescan';
import { senderInfo } from './sender-info';
import { currentSettings, invalidateSettings, MANAGED_COPY_KEY } from './settings-cache';
import { addGrantedPending } from './pending-sites';
import { clearTab, withTabLock } from './tab-state';
import { invalidateTariffs } from './tariffs';
import { runTariffCheck, syncTariffAlarm, TARIFF_ALARM } from './tariff-check';

const api = realApi();
const ctx: BackgroundContext = { api, now: () => new Date() };
const handlers = createHandlers(ctx);
const extensionOrigin = api.runtime.getURL('');

// Background work triggered by events must never surface as an unhandled rejection.
const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined);
const resync = (): void =>
  quietly(currentSettings(api).then(({ settings }) => Promise.all([syncContentScripts(api, settings), syncTariffAlarm(api, settings)])));

// The weekly tariff check only leaves a notice; it never swaps the tariff.
api.alarms?.onAlarm.addListener(({ name }) => {
  if (name === TARIFF_ALARM) quietly(currentSettings(api).then(({ settings }) => (settings.tariff.weeklyCheck ? runTariffCheck(ctx) : null)));
});

// Keyboard (issue 12 §5): the manifest's shortcuts move focus between the page's markers and banners.
api.commands?.onCommand.addListener((command, tab) => quietly(runCommand(api, command, tab)));

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  void handle(message, senderInfo(sender, extensionOrigin, api.runtime.id), handlers).then(sendResponse);
  return true; // the reply is sent asynchronously
});

// First run (issue 12 §2): a short setup page (practice type, on-call form, the EPJ site with its
// permission, a test on the open tab). Only on a new install, never on an update.
const SETUP_PAGE = 'options/setup.html';

api.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') quietly(api.tabs.create({ url: api.runtime.getURL(SETUP_PAGE) }));
  quietly(
    (async () => {
      const { settings } = await loadSettings(api.storage.sync, api.storage.managed);
      await syncContentScripts(api, settings);
      // Pages open under the old version keep a dead content script; give them the new one.
      if (reason === 'update') await injectIntoOpenTabs(api, await allContentPatterns(api, settings), settings, { replace: true });
    })(),
  );
});

api.permissions.onAdded.addListener(({ origins }) => {
  quietly(
    (async () => {
      // A site the popup asked to check, granted just now: add it (issue 12 §2; pending-sites.ts).
      if ((await addGrantedPending(api, origins ?? [], Date.now())).length) invalidateSettings();
      const { settings } = await currentSettings(api);
      const { registered } = await syncContentScripts(api, settings);
      // The clinic's EPJ is usually open while the origin is granted: check it without a reload.
      await injectIntoOpenTabs(api, registered.filter((p) => origins?.includes(p)), settings);
    })(),
  );
});
api.permissions.onRemoved.addListener(resync);

const forgetTab = (tabId: number): void => quietly(withTabLock(tabId, () => clearTab(api.storage.session, tabId)));
api.tabs.onRemoved.addListener(forgetTab);
api.tabs.onUpdated.addListener((tabId, info) => {
  // A new document in the tab: its content script reports afresh.
  if (info.status === 'loading') forgetTab(tabId);
});

// One save writes several keys, and an import may write settings and tariffs: tell the pages once.
let rescanTimer: ReturnType<typeof setTimeout> | undefined;
const rescanSoon = (): void => {
  clearTimeout(rescanTimer);
  rescanTimer = setTimeout(() => quietly(currentSettings(api).then(({ settings }) => rescanTabs(api, settings))), 100);
};

api.storage.onChanged.addListener((changes, areaName) => {
  const keys = Object.keys(changes);
  if ((areaName === 'sync' || areaName === 'managed') && (areaName === 'managed' || keys.some(isSettingsKey))) {
    invalidateSettings();
    resync();
    rescanSoon();
  }
  // The policy arrived later than the first read waited for (settings-cache.ts), and differed.
  if (areaName === 'local' && keys.includes(MANAGED_COPY_KEY)) {
    invalidateSettings();
    resync();
    rescanSoon();
  }
  if (areaName === 'local' && keys.includes(IMPORTED_TARIFFS_KEY)) {
    invalidateTariffs();
    rescanSoon();
  }
});

// Every start of the worker: registrations follow the permissions granted meanwhile.
resync();
