import { afterEach, describe, expect, it } from 'vitest';
import { GraphClient, type GraphClientOptions } from '../../functions/adapters/whatsapp/graphClient';
import {
  GraphApiError,
  GraphUnreachableError,
  MediaTooLargeError,
  isAccessTokenRejected,
  isInvalidRequest,
  isOutsideCustomerWindow,
  isRateLimited,
} from '../../functions/adapters/whatsapp/graphErrors';
import { graphErrorBody, startLocalHttpServer, startScriptedServer, type LocalHttpServer, type ScriptedAnswer } from './localHttpServer';

const TOKEN = 'EAAGzetaSecretToken123';
const PHONE_ID = '100000000000001';
const SENT = {
  status: 200,
  json: { messaging_product: 'whatsapp', contacts: [{ input: '77011234567', wa_id: '77011234567' }], messages: [{ id: 'wamid.OUT1' }] },
};

let server: LocalHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function clientFor(origin: string, overrides: Partial<GraphClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = new GraphClient({
    baseUrl: origin,
    apiVersion: 'v26.0',
    accessToken: TOKEN,
    phoneNumberId: PHONE_ID,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 2_000,
    ...overrides,
  });
  return { client, sleeps };
}

async function scripted(answers: ScriptedAnswer[], overrides: Partial<GraphClientOptions> = {}) {
  server = await startScriptedServer(answers);
  return { server, ...clientFor(server.origin, overrides) };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('GraphClient.send', () => {
  it('posts the fitted Cloud API body with the bearer token and answers the message id', async () => {
    const { server, client } = await scripted([SENT]);
    const result = await client.send(
      '77011234567',
      {
        kind: 'buttons',
        body: 'Что дальше?',
        buttons: [
          { id: 'a', title: 'Корзина' },
          { id: 'b', title: 'Каталог' },
          { id: 'c', title: 'Менеджер' },
          { id: 'd', title: 'Доставка' },
        ],
      },
      { replyToMessageId: 'wamid.IN1' },
    );
    expect(result).toEqual({ messageId: 'wamid.OUT1' });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/v26.0/${PHONE_ID}/messages`);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '');
    expect(body.context).toEqual({ message_id: 'wamid.IN1' });
    expect(body.interactive.action.buttons.map((b: { reply: { id: string } }) => b.reply.id)).toEqual(['a', 'b', 'c']);
  });

  it('marks a message read, with the typing indicator only when asked', async () => {
    const { server, client } = await scripted([{ status: 200, json: { success: true } }]);
    await client.markRead('wamid.IN1', { typing: true });
    await client.markRead('wamid.IN2');
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } },
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN2' },
    ]);
  });
});

describe('GraphClient retries', () => {
  it('retries an HTTP 500 and succeeds on the second attempt after a jittered backoff', async () => {
    const { server, client, sleeps } = await scripted([{ status: 500, json: graphErrorBody(1, 'An unknown error occurred') }, SENT]);
    await expect(client.send('77011234567', { kind: 'text', body: 'Привет' })).resolves.toEqual({ messageId: 'wamid.OUT1' });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([50]);
  });

  it('retries a 130429 throughput limit, which Meta answers with HTTP 400', async () => {
    const { server, client } = await scripted([{ status: 400, json: graphErrorBody(130429, '(#130429) Rate limit hit') }, SENT]);
    await client.send('77011234567', { kind: 'text', body: 'Привет' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 131056 pair rate limit and an 80007 WABA rate limit', async () => {
    const { server, client } = await scripted([
      { status: 400, json: graphErrorBody(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit') },
      { status: 400, json: graphErrorBody(80007, '(#80007) Rate limit issues') },
      SENT,
    ]);
    await client.send('77011234567', { kind: 'text', body: 'Привет' });
    expect(server.requests).toHaveLength(3);
  });

  it('never retries 131047 and surfaces it as a typed error', async () => {
    const details = 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';
    const { server, client, sleeps } = await scripted([
      { status: 400, json: graphErrorBody(131047, '(#131047) Re-engagement message', 'trace-47', details) },
      SENT,
    ]);
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 131047, httpStatus: 400, fbtraceId: 'trace-47', details, retryable: false, attempts: 1 });
    expect(isOutsideCustomerWindow(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('never retries 131009', async () => {
    const { server, client } = await scripted([
      { status: 400, json: graphErrorBody(131009, '(#131009) Parameter value is not valid', 't', 'Button title length invalid') },
      SENT,
    ]);
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(error).toMatchObject({ code: 131009, retryable: false });
    expect(isInvalidRequest(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a 500 that carries a permanent code', async () => {
    const { server, client } = await scripted([{ status: 500, json: graphErrorBody(131026, '(#131026) Message undeliverable') }, SENT]);
    await expect(client.send('77011234567', { kind: 'text', body: 'Привет' })).rejects.toMatchObject({ code: 131026 });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxAttempts with the last typed error, backing off exponentially up to maxDelayMs', async () => {
    const { server, client, sleeps } = await scripted(
      [
        { status: 503, json: graphErrorBody(2, 'Service temporarily unavailable', 'trace-1') },
        { status: 503, json: graphErrorBody(2, 'Service temporarily unavailable', 'trace-2') },
        { status: 503, json: graphErrorBody(2, 'Service temporarily unavailable', 'trace-3') },
        { status: 503, json: graphErrorBody(2, 'Service temporarily unavailable', 'trace-4') },
        SENT,
      ],
      { retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 }, random: () => 0.999 },
    );
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ httpStatus: 503, fbtraceId: 'trace-4', attempts: 4, retryable: true });
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toEqual([99, 199, 299]);
  });

  it('waits exactly as long as Retry-After says', async () => {
    const { server, client, sleeps } = await scripted(
      [{ status: 429, json: graphErrorBody(4, '(#4) Application request limit reached'), headers: { 'retry-after': '2' } }, SENT],
      { retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 } },
    );
    await client.send('77011234567', { kind: 'text', body: 'Привет' });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2_000]);
  });

  it('stops instead of retrying early when Retry-After is longer than it is willing to wait', async () => {
    const { server, client, sleeps } = await scripted(
      [{ status: 429, json: graphErrorBody(4, '(#4) Application request limit reached'), headers: { 'retry-after': '60' } }, SENT],
      { retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 } },
    );
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(error).toMatchObject({ code: 4, retryAfterMs: 60_000, attempts: 1 });
    expect(isRateLimited(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out each attempt on its own and retries', async () => {
    const { server, client } = await scripted(['hang', SENT], { timeoutMs: 150 });
    const started = Date.now();
    await expect(client.send('77011234567', { kind: 'text', body: 'Привет' })).resolves.toEqual({ messageId: 'wamid.OUT1' });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a server that never answers as GraphUnreachableError after the last attempt', async () => {
    const { server, client } = await scripted(['hang'], { timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(error).toBeInstanceOf(GraphUnreachableError);
    expect(error).toMatchObject({ timedOut: true, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a refused connection and then reports it as unreachable', async () => {
    const closed = await startScriptedServer([SENT]);
    await closed.close();
    const { client, sleeps } = clientFor(closed.origin, { retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 } });
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(error).toBeInstanceOf(GraphUnreachableError);
    expect(error).toMatchObject({ timedOut: false, attempts: 3 });
    expect(sleeps).toEqual([50, 100]);
  });
});

describe('GraphClient errors', () => {
  it('never lets the access token into an error, even when Graph echoes it', async () => {
    const { client } = await scripted([
      { status: 401, json: graphErrorBody(190, `Malformed access token ${TOKEN}`, 't', `token ${TOKEN} is invalid`) },
    ]);
    const error = await failureOf(client.send('77011234567', { kind: 'text', body: 'Привет' }));
    expect(isAccessTokenRejected(error)).toBe(true);
    const everything = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`;
    expect(everything).not.toContain(TOKEN);
    expect((error as GraphApiError).message).toContain('[redacted]');
  });

  it('turns a non-Graph error page into a typed error', async () => {
    server = await startLocalHttpServer((_request, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const { client } = clientFor(server.origin, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(client.request('GET', 'me')).rejects.toMatchObject({ httpStatus: 502, code: undefined, retryable: true });
  });

  it('exposes the generic request for other Graph calls', async () => {
    const { server, client } = await scripted([{ status: 200, json: { data: [{ name: 'order_ready' }] } }]);
    await expect(client.request('GET', '/200000000000001/message_templates?limit=5')).resolves.toEqual({ data: [{ name: 'order_ready' }] });
    expect(server.requests[0]?.url).toBe('/v26.0/200000000000001/message_templates?limit=5');
  });
});

describe('GraphClient media', () => {
  it('reads media info, whether file_size comes as a number or a string', async () => {
    const { server, client } = await scripted([
      {
        status: 200,
        json: {
          url: 'https://lookaside.fbsbx.com/x?mid=1',
          mime_type: 'image/jpeg',
          sha256: 'abc',
          file_size: 303833,
          id: '1',
          messaging_product: 'whatsapp',
        },
      },
      {
        status: 200,
        json: {
          url: 'https://lookaside.fbsbx.com/x?mid=2',
          mime_type: 'audio/ogg',
          file_size: '1024',
          id: '2',
          messaging_product: 'whatsapp',
        },
      },
    ]);
    await expect(client.getMedia('1')).resolves.toEqual({
      url: 'https://lookaside.fbsbx.com/x?mid=1',
      mimeType: 'image/jpeg',
      sha256: 'abc',
      fileSize: 303833,
    });
    await expect(client.getMedia('2')).resolves.toEqual({
      url: 'https://lookaside.fbsbx.com/x?mid=2',
      mimeType: 'audio/ogg',
      fileSize: 1024,
    });
    expect(server.requests.map((r) => r.url)).toEqual(['/v26.0/1', '/v26.0/2']);
  });

  it('downloads with the bearer token', async () => {
    const image = Buffer.from('fake jpeg bytes');
    server = await startLocalHttpServer((request, res) => {
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(image);
    });
    const { client } = clientFor(server.origin);
    const downloaded = await client.downloadMedia(`${server.origin}/media/1?hash=x`);
    expect(downloaded.contentType).toBe('image/jpeg');
    expect(downloaded.bytes.equals(image)).toBe(true);
  });

  it('refuses a download whose declared size is over maxBytes without reading it', async () => {
    server = await startLocalHttpServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(5_000_000) });
      res.write(Buffer.alloc(1024));
    });
    const { client } = clientFor(server.origin);
    const error = await failureOf(client.downloadMedia(`${server.origin}/big`, { maxBytes: 1_000_000 }));
    expect(error).toBeInstanceOf(MediaTooLargeError);
    expect(error).toMatchObject({ maxBytes: 1_000_000, sizeBytes: 5_000_000 });
  });

  it('aborts a streamed download as soon as it passes maxBytes', async () => {
    const chunk = Buffer.alloc(16 * 1024, 1);
    const totalChunks = 200;
    let written = 0;
    let aborted = false;
    server = await startLocalHttpServer(async (_request, res) => {
      res.on('close', () => {
        aborted = written < totalChunks;
      });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      while (written < totalChunks && !res.destroyed) {
        res.write(chunk);
        written++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      res.end();
    });
    const { client } = clientFor(server.origin);
    const error = await failureOf(client.downloadMedia(`${server.origin}/stream`, { maxBytes: 64 * 1024 }));
    expect(error).toBeInstanceOf(MediaTooLargeError);
    expect((error as MediaTooLargeError).sizeBytes).toBeGreaterThan(64 * 1024);
    await expect.poll(() => aborted).toBe(true);
    expect(written).toBeLessThan(totalChunks);
  });

  it('surfaces a failed download as a typed error', async () => {
    const { client } = await scripted([{ status: 404, json: graphErrorBody(100, '(#100) Media not found') }]);
    await expect(client.downloadMedia(`${server!.origin}/gone`)).rejects.toMatchObject({ httpStatus: 404, code: 100, attempts: 1 });
  });
});
