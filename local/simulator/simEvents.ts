import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationLog, LoggedMessage } from './conversationLog';

/** Proxies and idle sockets drop quiet connections; a comment line every so often keeps the stream open. */
const HEARTBEAT_MS = 15_000;
/** How soon EventSource reconnects after the stream breaks (it does so by itself). */
const RETRY_MS = 1_000;

export interface SimEvents {
  /** `GET /sim/api/events?wa_id=…`; resolves false for any other request. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Ends every open stream, so the HTTP server can close. */
  close(): Promise<void>;
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * A customer's chat as server-sent events. Each connection starts with a
 * `snapshot` (the whole chat, in the order the lines arrived) and then
 * gets a `message` event for every new line and every status change of a line,
 * which carries the line again with its new status. A reconnect starts with a
 * fresh snapshot, so a page never misses what happened while it was away.
 */
export function createSimEvents(conversations: ConversationLog): SimEvents {
  const open = new Set<ServerResponse>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/sim/api/events') return false;
    const waId = url.searchParams.get('wa_id');
    if (!waId) {
      response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: 'wa_id is required' }));
      return true;
    }

    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // Subscribing and taking the snapshot in the same tick leaves no gap for a line to slip through.
    const unsubscribe = conversations.subscribe((owner: string, message: LoggedMessage) => {
      if (owner === waId) response.write(frame('message', message));
    });
    response.write(`retry: ${RETRY_MS}\n\n`);
    response.write(frame('snapshot', conversations.messages(waId)));
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    open.add(response);
    response.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    });
    return true;
  }

  async function close(): Promise<void> {
    for (const response of open) response.end();
  }

  return { handle, close };
}
