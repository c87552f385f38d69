// The manifest's keyboard commands (issue 12 §5): "next finding" / "previous finding" go to the tab's
// content scripts, which move focus between the page's markers and banners (the shortcut itself is
// the browser's: a page cannot press it, and its keys never reach the page).
import { send, type Request } from '../messages';
import type { BackgroundApi } from './api';

const DIRECTIONS: Readonly<Record<string, Request<'bg:focus-finding'>['direction']>> = {
  'next-finding': 'next',
  'previous-finding': 'previous',
};

/** Runs a command for `tab` (the active tab when the browser names none); true when a frame took focus. */
export async function runCommand(api: BackgroundApi, command: string, tab?: { id?: number }): Promise<boolean> {
  const direction = DIRECTIONS[command];
  if (!direction) return false;
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  const r = await send((msg) => api.tabs.sendMessage(tabId, msg), 'bg:focus-finding', { direction });
  return r.ok && r.value.focused;
}
