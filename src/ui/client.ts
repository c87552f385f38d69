// How popup and options talk to the background: typed `ui:` messages through src/messages.ts.
// Components get the client from context, so DOM tests can answer messages without a browser.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { send, type MessageType, type Request, type Response, type Result } from '../messages';

export interface Client {
  call<T extends MessageType>(type: T, payload: Request<T>): Promise<Result<Response<T>>>;
}

/** The real client: runtime messages to the service worker. */
export function runtimeClient(): Client {
  return { call: (type, payload) => send((msg) => chrome.runtime.sendMessage(msg), type, payload) };
}

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('ClientContext is not provided');
  return client;
}
