import type { LoggedMessage } from './chatTypes';
import { simApi } from './simApiClient';

export interface ChatStreamHandlers {
  /** The whole chat: on connect, and again after every reconnect. */
  onSnapshot(messages: LoggedMessage[]): void;
  /** A new line, or a line again with its new delivery status. */
  onMessage(message: LoggedMessage): void;
  onConnectionChange(connected: boolean): void;
}

/** EventSource gives up for good when a reconnect gets an error status (a server still starting answers 503). */
const REOPEN_AFTER_MS = 2_000;

/**
 * One customer's chat, live, from `/sim/api/events`. EventSource reconnects by
 * itself after a dropped connection; each reconnect starts with a fresh
 * snapshot, so nothing is missed. Returns a function that stops listening.
 */
export function openChatStream(waId: string, handlers: ChatStreamHandlers): () => void {
  let source: EventSource | undefined;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    source = new EventSource(simApi.eventsUrl(waId));
    source.addEventListener('open', () => handlers.onConnectionChange(true));
    source.addEventListener('error', () => {
      handlers.onConnectionChange(false);
      if (source?.readyState === EventSource.CLOSED) reopenTimer = setTimeout(connect, REOPEN_AFTER_MS);
    });
    source.addEventListener('snapshot', (event) =>
      handlers.onSnapshot(JSON.parse((event as MessageEvent<string>).data) as LoggedMessage[]),
    );
    source.addEventListener('message', (event) => handlers.onMessage(JSON.parse(event.data as string) as LoggedMessage));
  };
  connect();

  return () => {
    clearTimeout(reopenTimer);
    source?.close();
  };
}
