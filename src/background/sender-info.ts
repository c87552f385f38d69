// runtime.MessageSender -> SenderInfo for the direction checks in src/messages.ts.
import type { SenderInfo } from '../messages';
import type { MessageSenderLike } from './api';

/** `extensionOrigin` is runtime.getURL(''), e.g. `chrome-extension://<id>/`. */
export function senderInfo(sender: MessageSenderLike, extensionOrigin: string, extensionId: string): SenderInfo {
  const fromExtensionPage = sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  return { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url, fromExtensionPage };
}
