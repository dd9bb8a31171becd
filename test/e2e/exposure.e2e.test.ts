import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contact, textMessage, webhookBody } from '../support/cloudApiPayloads';
import { postSignedWebhook, startZeta, waitForChat, type RunningZeta } from '../support/runningZeta';

/**
 * The attacks of issue 17 on a local run, each through a real HTTP request:
 * a tunnel to a real number must expose only what Meta needs, and the
 * simulator and the AWS stand-ins must not act for a tunnel, another host
 * name (DNS rebinding) or another web page (CSRF).
 */
let zeta: RunningZeta;
let publicUrl: string;

interface Answer {
  status: number;
  body: string;
}

/** A raw request, so that Host and the other headers a browser or a tunnel sets are exactly the attacker's. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** What the manager's "вернуть" would look like, injected straight into the queue the consumer reads. */
function sqsInjection(origin: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({
    QueueUrl: `${origin}/sqs/000000000000/zeta-inbound.fifo`,
    MessageBody: JSON.stringify({ kind: 'message', injected: true }),
    MessageGroupId: '77010000001',
    MessageDeduplicationId: `attack-${Math.random()}`,
  });
  return send(`${origin}/sqs`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage', ...headers },
    body,
  });
}

beforeAll(async () => {
  zeta = await startZeta({}, ['--public-port', '0']);
  // Printed a line after the loopback address.
  for (let waited = 0; waited < 5_000 && !/public:/.test(zeta.output()); waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const announced = /public:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(zeta.output())?.[1];
  if (announced === undefined) throw new Error(`no public port announced:\n${zeta.output()}`);
  publicUrl = announced;
}, 60_000);

afterAll(async () => zeta?.stop());

describe('npm start --public-port: what a tunnel exposes', () => {
  it('serves Meta: a signed message through the public port is answered, and the catalog pictures load', async () => {
    const waId = '77015551701';
    const response = await postSignedWebhook(
      publicUrl,
      webhookBody({ contacts: [contact(waId)], messages: [textMessage(waId, 'диваны')] }),
    );
    expect(response.status).toBe(200);
    await waitForChat(zeta.url, waId, (lines) => lines.some((line) => line.direction === 'out'));
    const handshake = await fetch(`${publicUrl}/webhook?hub.mode=subscribe&hub.verify_token=local-verify-token&hub.challenge=42`);
    expect(await handshake.text()).toBe('42');
    const picture = await fetch(`${publicUrl}/catalog/images/SOF-001.png`);
    expect(picture.headers.get('content-type')).toBe('image/png');
  });

  it('refuses an unsigned message queued straight into SQS through the tunnel', async () => {
    const answer = await sqsInjection(publicUrl);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('MessageId');
  });

  it.each([
    ['GET', '/sim/api/customers'],
    ['GET', '/sim/api/messages?wa_id=77015551701'],
    ['POST', '/sim/api/messages'],
    ['POST', '/sim/api/catalog/prices'],
    ['POST', '/graph/v26.0/100000000000001/messages'],
    ['POST', '/scheduler/schedules/x'],
    ['GET', '/sim/'],
  ])('answers %s %s on the public port with 404', async (method, path) => {
    const answer = await send(`${publicUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
    expect(answer.status).toBe(404);
  });
});

describe('npm start: the loopback port acts only for this machine', () => {
  it('refuses a tunnel pointed at the loopback port: SQS injection with the public Host and forwarding headers', async () => {
    const tunnelled = await sqsInjection(zeta.url, { host: 'abcd-1234.ngrok-free.app', 'x-forwarded-for': '203.0.113.7' });
    expect(tunnelled.status).toBe(403);
    const rewritten = await sqsInjection(zeta.url, { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' });
    expect(rewritten.status).toBe(403);
    expect(`${tunnelled.body}${rewritten.body}`).not.toContain('MessageId');
  });

  it('refuses another host name (DNS rebinding) for chats and profiles', async () => {
    const port = new URL(zeta.url).port;
    const answer = await send(`${zeta.url}/sim/api/customers`, { headers: { host: `rebind.attacker.example:${port}` } });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('77015551701');
  });

  it('refuses a price change posted as text/plain from another web page (CSRF), and any non-JSON price change', async () => {
    const csrf = await send(`${zeta.url}/sim/api/catalog/prices`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.attacker.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ 'SOF-001': 1 }),
    });
    expect(csrf.status).toBe(403);
    const plain = await send(`${zeta.url}/sim/api/catalog/prices`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ 'SOF-001': 1 }),
    });
    expect(plain.status).toBe(415);
    const forged = await send(`${zeta.url}/sim/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.attacker.example' },
      body: JSON.stringify({ from: '77010000001', type: 'text', text: { body: 'вернуть +7 701 555 17 01' } }),
    });
    expect(forged.status).toBe(403);
  });

  it('keeps the local contract for tools and the simulator page on loopback', async () => {
    const tool = await fetch(`${zeta.url}/sim/api/catalog/prices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'SOF-001': 150_000 }),
    });
    expect(tool.status).toBe(200);
    const page = await send(`${zeta.url}/sim/api/customers`, {
      headers: { host: `localhost:${new URL(zeta.url).port}`, origin: `http://localhost:${new URL(zeta.url).port}` },
    });
    expect(page.status).toBe(200);
    expect((await fetch(`${zeta.url}/healthz`)).status).toBe(200);
  });
});
