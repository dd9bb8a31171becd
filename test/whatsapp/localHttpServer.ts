import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalHttpServer {
  origin: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 with a random port, recording every request it gets. */
export async function startLocalHttpServer(
  handle: (request: ReceivedRequest, res: ServerResponse) => void | Promise<void>,
): Promise<LocalHttpServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(request);
    await handle(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ScriptedAnswer = { status: number; json?: unknown; headers?: Record<string, string> } | 'hang';

/** Answers requests in order from `answers`; the last answer repeats. 'hang' never answers. */
export async function startScriptedServer(answers: ScriptedAnswer[]): Promise<LocalHttpServer> {
  let next = 0;
  return startLocalHttpServer((_request, res) => {
    const answer = answers[Math.min(next++, answers.length - 1)];
    if (answer === undefined || answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
  });
}

export function graphErrorBody(code: number, message: string, fbtraceId = 'trace', details?: string) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details } }),
      fbtrace_id: fbtraceId,
    },
  };
}
