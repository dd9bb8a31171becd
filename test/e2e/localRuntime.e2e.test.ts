import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contact, textMessage, webhookBody } from '../support/cloudApiPayloads';
import { chat, postSignedWebhook, startZeta, waitForChat, type RunningZeta } from '../support/runningZeta';

let zeta: RunningZeta;

beforeAll(async () => {
  zeta = await startZeta();
}, 60_000);

afterAll(async () => zeta?.stop());

const outbound = (lines: Array<{ direction: string }>) => lines.filter((line) => line.direction === 'out');

describe('npm start: the local contract end to end', () => {
  it('is healthy once every part is up', async () => {
    const response = await fetch(`${zeta.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', dynamodb: true, s3: true });
  });

  it('answers the verification handshake with the local verify token', async () => {
    const ok = await fetch(`${zeta.url}/webhook?hub.mode=subscribe&hub.verify_token=local-verify-token&hub.challenge=123456`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('123456');
    const wrong = await fetch(`${zeta.url}/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });

  it('answers a signed text with a list of matching products, visible at /sim/api/messages', async () => {
    const waId = '77015550001';
    const message = textMessage(waId, 'хочу серый диван до 300 тысяч');
    const response = await postSignedWebhook(zeta.url, webhookBody({ contacts: [contact(waId)], messages: [message] }));
    expect(response.status).toBe(200);
    const lines = await waitForChat(zeta.url, waId, (all) => outbound(all).length > 0);
    expect(lines[0]).toMatchObject({ direction: 'in', id: message.id, payload: { text: { body: 'хочу серый диван до 300 тысяч' } } });
    const reply = outbound(lines)[0] as unknown as {
      payload: { to: string; interactive: { type: string; action: { sections: Array<{ rows: Array<{ id: string }> }> } } };
    };
    expect(reply.payload.to).toBe(waId);
    expect(reply.payload.interactive.type).toBe('list');
    const rows = reply.payload.interactive.action.sections.flatMap((section) => section.rows);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((row) => row.id.startsWith('product:'))).toBe(true);
  });

  it('answers a message delivered three times exactly once', async () => {
    const waId = '77015550002';
    const body = webhookBody({ contacts: [contact(waId)], messages: [textMessage(waId, 'покажите кровати')] });
    for (let delivery = 0; delivery < 3; delivery += 1) expect((await postSignedWebhook(zeta.url, body)).status).toBe(200);
    await waitForChat(zeta.url, waId, (all) => outbound(all).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(outbound(await chat(zeta.url, waId))).toHaveLength(1);
    // Invocations ran side by side (three deliveries, their statuses): none warned of an empty metrics flush.
    expect(zeta.output()).not.toContain('No application metrics to publish');
  });

  it('rejects a bad signature with 401 and a broken body with 400, and answers neither', async () => {
    const waId = '77015550003';
    const queued = async () => ((await (await fetch(`${zeta.url}/healthz`)).json()) as { queue: { total: number } }).queue.total;
    // Earlier answers' delivery statuses drain first, so what is counted below is only what these requests queue.
    for (let waited = 0; (await queued()) > 0 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await queued(), zeta.output()).toBe(0);
    const body = JSON.stringify(webhookBody({ contacts: [contact(waId)], messages: [textMessage(waId, 'диван')] }));
    const badSignature = await fetch(`${zeta.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'ab'.repeat(32)}` },
      body,
    });
    expect(badSignature.status).toBe(401);
    const unsigned = await fetch(`${zeta.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect((await postSignedWebhook(zeta.url, '{"object":"whatsapp_business_account","entry":[')).status).toBe(400);
    expect((await postSignedWebhook(zeta.url, { object: 'whatsapp_business_account', entry: [{ changes: [] }] })).status).toBe(400);
    expect(await queued()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await chat(zeta.url, waId)).toEqual([]);
  });

  it('plays a customer through /sim/api/messages and serves the product photos', async () => {
    const waId = '77015550004';
    const posted = await fetch(`${zeta.url}/sim/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: waId, type: 'text', text: { body: 'Сәлеметсіз бе' }, name: 'Ерлан' }),
    });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    expect(id).toMatch(/^wamid\./);
    const lines = await waitForChat(zeta.url, waId, (all) => outbound(all).length > 0);
    const greeting = outbound(lines)[0] as unknown as { payload: { interactive: { body: { text: string } } } };
    expect(greeting.payload.interactive.body.text).toContain('Ерлан');
    expect(greeting.payload.interactive.body.text).toMatch(/Сәлеметсіз бе/);

    const photo = await fetch(`${zeta.url}/catalog/images/SOF-001.png`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await photo.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('rejects a malformed simulated message with 400', async () => {
    const response = await fetch(`${zeta.url}/sim/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'not-a-number', type: 'text' }),
    });
    expect(response.status).toBe(400);
  });
});
