// Content-script messages always come from a tab (checked by senderAllowed in src/messages.ts).
import type { SenderInfo } from '../messages';

export function contentSender(sender: SenderInfo): { tabId: number; frameId: number } {
  if (sender.tabId === undefined) throw new Error('content message without a tab');
  return { tabId: sender.tabId, frameId: sender.frameId ?? 0 };
}
