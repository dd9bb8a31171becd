import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GraphClient, toCloudApiBody } from '../../functions/adapters/whatsapp/graphClient';
import {
  GraphApiError,
  GraphUnreachableError,
  isAccessTokenRejected,
  isOutsideCustomerWindow,
} from '../../functions/adapters/whatsapp/graphErrors';
import type { ListMessage, TemplateMessage } from '../../functions/domain/whatsapp/outboundMessage';
import { CUSTOMER, HOUR, NOW, PHONE_ID, startStandIn, TOKEN } from '../support/graphStandInHarness';

async function postMessage(origin: string, body: unknown, token = TOKEN) {
  const response = await fetch(`${origin}/graph/v26.0/${PHONE_ID}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { error?: { code: number; message: string; error_data?: { details: string } } },
  };
}

const list: ListMessage = {
  kind: 'list',
  header: 'Диваны',
  body: 'Вот что нашлось',
  button: 'Выбрать',
  sections: [
    { title: 'Угловые', rows: [{ id: 'sku:1', title: 'Честер', description: '189 990 ₸' }] },
    { title: 'Прямые', rows: [{ id: 'sku:2', title: 'Лофт' }] },
  ],
};

const orderTemplate: TemplateMessage = {
  kind: 'template',
  name: 'order_ready',
  language: 'ru',
  components: [
    { type: 'body', parameters: [{ type: 'currency', fallbackValue: '189 990 ₸', code: 'KZT', amount1000: 189_990_000 }] },
    { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'order:42' }] },
  ],
};

describe('Graph stand-in: messages', () => {
  it('accepts a valid list and answers like the Cloud API', async () => {
    const { origin, outbound } = await startStandIn();
    const body = toCloudApiBody(`+${CUSTOMER}`, list);
    const response = await fetch(`${origin}/graph/v26.0/${PHONE_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { messages: Array<{ id: string }> };
    expect(answer).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: `+${CUSTOMER}`, wa_id: CUSTOMER }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/=]{20,}$/) }],
    });
    expect(outbound).toEqual([{ id: answer.messages[0]?.id, to: CUSTOMER, timestamp: NOW, body, endpoint: 'messages' }]);
  });

  it('rejects an over-long row title with a 131009 error naming the field', async () => {
    const { origin, outbound } = await startStandIn();
    const body = toCloudApiBody(CUSTOMER, {
      ...list,
      sections: [{ title: 'Угловые', rows: [{ id: 'sku:1', title: 'Диван угловой Честер велюровый' }] }],
    });
    const { status, json } = await postMessage(origin, body);
    expect(status).toBe(400);
    expect(json.error?.code).toBe(131009);
    expect(json.error?.message).toBe('(#131009) Parameter value is not valid');
    expect(json.error?.error_data?.details).toMatch(/^interactive\.action\.sections\[0\]\.rows\[0\]\.title: .*24/);
    expect(outbound).toEqual([]);
  });

  it('accepts the same list through GraphClient, which fits it to the limits first', async () => {
    const { client, outbound } = await startStandIn();
    await client.send(CUSTOMER, {
      ...list,
      sections: [{ title: 'Угловые', rows: [{ id: 'sku:1', title: 'Диван угловой Честер велюровый' }] }],
    });
    expect(outbound).toHaveLength(1);
  });

  it('rejects more than 10 rows, duplicate row ids and missing section titles', async () => {
    const { origin } = await startStandIn();
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Ряд ${i}` }));
    const tooMany = await postMessage(origin, toCloudApiBody(CUSTOMER, { ...list, sections: [{ rows }] }));
    expect(tooMany.json.error?.code).toBe(131009);
    expect(tooMany.json.error?.error_data?.details).toContain('at most 10 rows');

    const duplicate = await postMessage(
      origin,
      toCloudApiBody(CUSTOMER, {
        ...list,
        sections: [
          {
            rows: [
              { id: 'x', title: 'A' },
              { id: 'x', title: 'B' },
            ],
          },
        ],
      }),
    );
    expect(duplicate.json.error?.error_data?.details).toMatch(/rows\[1\]\.id: row ids must be unique/);

    const untitled = await postMessage(
      origin,
      toCloudApiBody(CUSTOMER, { ...list, sections: [{ rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'b', title: 'B' }] }] }),
    );
    expect(untitled.json.error?.error_data?.details).toMatch(/sections\[0\]\.title: a title is required/);
  });

  it('rejects a fourth button, duplicate titles and unknown fields', async () => {
    const { origin } = await startStandIn();
    const buttons = (titles: string[]) =>
      toCloudApiBody(CUSTOMER, { kind: 'buttons', body: 'Что дальше?', buttons: titles.map((title, i) => ({ id: `b${i}`, title })) });
    expect((await postMessage(origin, buttons(['a', 'b', 'c', 'd']))).json.error?.code).toBe(131009);
    expect((await postMessage(origin, buttons(['Да', 'Да']))).json.error?.error_data?.details).toContain('button titles must be unique');

    const unknownField = buttons(['Да']) as { interactive: { action: { buttons: Array<{ reply: Record<string, string> }> } } };
    unknownField.interactive.action.buttons[0]!.reply['payload'] = 'x';
    const answer = await postMessage(origin, unknownField);
    expect(answer.json.error?.code).toBe(100);
    expect(answer.json.error?.error_data?.details).toContain('interactive.action.buttons[0].reply');
  });

  it('rejects a template text parameter with a newline (132018)', async () => {
    const { origin } = await startStandIn();
    const body = toCloudApiBody(CUSTOMER, {
      kind: 'template',
      name: 'order_ready',
      language: 'ru',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Заказ\nготов' }] }],
    });
    const { json } = await postMessage(origin, body);
    expect(json.error?.code).toBe(132018);
  });

  it('answers a read receipt with typing indicator with success', async () => {
    const { client, origin } = await startStandIn();
    await expect(client.markRead('wamid.IN1', { typing: true })).resolves.toBeUndefined();
    const bad = await postMessage(origin, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN1',
      typing_indicator: { type: 'audio' },
    });
    expect(bad.json.error?.code).toBe(100);
  });
});

describe('Graph stand-in: 24-hour customer service window', () => {
  it('refuses a free-form message when the last inbound is older than 24 h, but accepts a template', async () => {
    const { client, lastInbound, outbound } = await startStandIn();
    lastInbound.set(CUSTOMER, NOW - 25 * HOUR);
    const error = await client.send(CUSTOMER, { kind: 'text', body: 'Вы ещё здесь?' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(isOutsideCustomerWindow(error)).toBe(true);
    expect((error as GraphApiError).attempts).toBe(1);
    expect(outbound).toEqual([]);

    await expect(client.send(CUSTOMER, orderTemplate)).resolves.toEqual({ messageId: expect.stringMatching(/^wamid\./) });
    expect(outbound).toHaveLength(1);
  });

  it('refuses a free-form message to a customer who never wrote', async () => {
    const { client } = await startStandIn();
    await expect(client.send('77770000000', { kind: 'image', link: 'https://cdn.zeta.kz/a.jpg' })).rejects.toMatchObject({ code: 131047 });
  });

  it('accepts a free-form message just inside the window', async () => {
    const { client, lastInbound } = await startStandIn();
    lastInbound.set(CUSTOMER, NOW - 24 * HOUR);
    await expect(client.send(CUSTOMER, { kind: 'text', body: 'Успели!' })).resolves.toBeDefined();
  });

  it('in fail-status mode accepts the message and reports a failed status with 131047, as production usually does', async () => {
    const { client, lastInbound, statuses } = await startStandIn({ outsideWindow: 'fail-status' });
    lastInbound.set(CUSTOMER, NOW - 25 * HOUR);
    const { messageId } = await client.send(CUSTOMER, { kind: 'text', body: 'Вы ещё здесь?' });
    await expect.poll(() => statuses.length).toBe(1);
    expect(statuses[0]).toMatchObject({ id: messageId, status: 'failed', recipient_id: CUSTOMER, errors: [{ code: 131047 }] });
  });
});

describe('Graph stand-in: statuses and pricing', () => {
  it('emits sent then delivered for a service reply, free inside the window', async () => {
    const { client, statuses } = await startStandIn();
    const { messageId } = await client.send(CUSTOMER, { kind: 'text', body: 'Диван в наличии' });
    await expect.poll(() => statuses.length).toBe(2);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered']);
    for (const status of statuses) {
      expect(status).toMatchObject({
        id: messageId,
        timestamp: NOW / 1000,
        recipient_id: CUSTOMER,
        conversation: { id: expect.any(String), origin: { type: 'service' } },
        pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
      });
    }
    expect(statuses[0]?.conversation?.id).toBe(statuses[1]?.conversation?.id);
  });

  it('bills a utility template outside the window and leaves it free inside', async () => {
    const { client, statuses, lastInbound } = await startStandIn();
    lastInbound.delete(CUSTOMER);
    await client.send(CUSTOMER, orderTemplate);
    await expect.poll(() => statuses.length).toBe(2);
    expect(statuses[0]?.pricing).toEqual({ billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' });

    lastInbound.set(CUSTOMER, NOW - HOUR);
    await client.send(CUSTOMER, orderTemplate);
    await expect.poll(() => statuses.length).toBe(4);
    expect(statuses[2]?.pricing).toEqual({ billable: false, pricing_model: 'PMP', category: 'utility', type: 'free_customer_service' });
  });

  it('bills a marketing template at its category, even inside the window', async () => {
    const { client, statuses } = await startStandIn({ templateCategory: (name) => (name === 'sale' ? 'marketing' : 'utility') });
    await client.send(CUSTOMER, { kind: 'template', name: 'sale', language: 'ru', components: [] });
    await expect.poll(() => statuses.length).toBe(2);
    expect(statuses[1]).toMatchObject({
      status: 'delivered',
      conversation: { origin: { type: 'marketing' } },
      pricing: { billable: true, category: 'marketing', type: 'regular' },
    });
  });
});

describe('Graph stand-in: recipients by phone number or business-scoped user id', () => {
  const BSUID = 'KZ.1502576394655843';
  const text = { type: 'text', text: { body: 'Здравствуйте' } };

  it('refuses a `to` that is neither a phone number nor a BSUID, and a body with no recipient at all (100)', async () => {
    const { origin, outbound } = await startStandIn();
    for (const to of ['PHONE_NUMBER', 'dana.home', 'kz.1502576394655843', `KZ.${'1'.repeat(129)}`, '12']) {
      const refused = await postMessage(origin, { messaging_product: 'whatsapp', to, ...text });
      expect(refused.status, to).toBe(400);
      expect(refused.json.error?.code, to).toBe(100);
      expect(refused.json.error?.error_data?.details, to).toMatch(/^to:/);
    }
    const nobody = await postMessage(origin, { messaging_product: 'whatsapp', ...text });
    expect(nobody.json.error).toMatchObject({ code: 100, error_data: { details: 'to: to or recipient is required' } });
    const badRecipient = await postMessage(origin, { messaging_product: 'whatsapp', recipient: '77011234567', ...text });
    expect(badRecipient.json.error?.error_data?.details).toMatch(/^recipient: a business-scoped user id/);
    expect(outbound).toHaveLength(0);
  });

  it('sends to a BSUID in `recipient`, answers with its user_id, and reports statuses with recipient_user_id', async () => {
    const { client, outbound, statuses, lastInbound } = await startStandIn({ contactOf: () => ({ userId: BSUID }) });
    lastInbound.set(BSUID, NOW - HOUR);
    await client.send(BSUID, { kind: 'text', body: 'Диван в наличии' });
    expect(outbound[0]).toMatchObject({ to: BSUID, body: { recipient: BSUID } });
    expect((outbound[0]?.body as Record<string, unknown>).to).toBeUndefined();
    await expect.poll(() => statuses.length).toBe(2);
    expect(statuses[0]).toMatchObject({ recipient_user_id: BSUID });
    expect(statuses[0]?.recipient_id).toBeUndefined();
  });

  it('takes `to` over `recipient` when both are given, as Meta does', async () => {
    const { origin, outbound } = await startStandIn();
    const sent = await fetch(`${origin}/graph/v26.0/${PHONE_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: `+${CUSTOMER}`, recipient: BSUID, ...text }),
    });
    expect(await sent.json()).toMatchObject({ contacts: [{ input: `+${CUSTOMER}`, wa_id: CUSTOMER }] });
    expect(outbound[0]?.to).toBe(CUSTOMER);
  });

  it('refuses an authentication template to a BSUID (131062): those need a phone number', async () => {
    const { client, lastInbound } = await startStandIn({ templateCategory: () => 'authentication' });
    lastInbound.set(BSUID, NOW - HOUR);
    const error = await client
      .send(BSUID, { kind: 'template', name: 'login_code', language: 'ru', components: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 131062 });
  });
});

describe('Graph stand-in: auth, media and faults', () => {
  it('requires the bearer token', async () => {
    const { origin, outbound } = await startStandIn();
    const missing = await fetch(`${origin}/graph/v26.0/${PHONE_ID}/messages`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: number } }).error.code).toBe(190);

    const wrongToken = new GraphClient({ baseUrl: `${origin}/graph`, apiVersion: 'v26.0', accessToken: 'stolen', phoneNumberId: PHONE_ID });
    const error = await wrongToken.send(CUSTOMER, { kind: 'text', body: 'Привет' }).catch((e: unknown) => e);
    expect(isAccessTokenRejected(error)).toBe(true);
    expect((error as GraphApiError).httpStatus).toBe(401);
    expect(outbound).toEqual([]);
  });

  it('leaves paths outside /graph/ to the rest of the local server', async () => {
    const { origin } = await startStandIn();
    expect((await fetch(`${origin}/webhook`)).status).toBe(404);
  });

  it('serves stored media through a short-lived URL that also needs the bearer token', async () => {
    const { client, standIn, origin } = await startStandIn();
    const bytes = Buffer.from('OggS voice note');
    const mediaId = standIn.putMedia(bytes, 'audio/ogg');

    const info = await client.getMedia(mediaId);
    expect(info).toEqual({
      url: expect.stringMatching(new RegExp(`^${origin}/graph/media-download/${mediaId}\\?token=[0-9a-f]+$`)),
      mimeType: 'audio/ogg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fileSize: bytes.length,
    });
    const downloaded = await client.downloadMedia(info.url);
    expect(downloaded).toEqual({ bytes, contentType: 'audio/ogg' });

    expect((await fetch(info.url)).status).toBe(401);
    const wrongLink = info.url.replace(/token=[0-9a-f]+/, 'token=guess');
    expect((await fetch(wrongLink, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    await expect(client.getMedia('999')).rejects.toMatchObject({ code: 100, subcode: 33 });
  });

  it('accepts a raw upload and serves it back', async () => {
    const { client, origin, standIn } = await startStandIn();
    const upload = await fetch(`${origin}/graph/v26.0/${PHONE_ID}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'image/png' },
      body: Buffer.from('png bytes'),
    });
    const { id } = (await upload.json()) as { id: string };
    expect(standIn.getMedia(id)).toEqual({ bytes: Buffer.from('png bytes'), mimeType: 'image/png' });
    expect((await client.getMedia(id)).mimeType).toBe('image/png');
  });

  it('lets a fault injector answer 500 or hang, which the client retries', async () => {
    let calls = 0;
    const { origin, outbound } = await startStandIn({
      faults: () => {
        calls++;
        if (calls === 1) return { status: 500, body: { error: { message: 'boom', type: 'OAuthException', code: 1 } } };
        if (calls === 2) return 'timeout';
        return undefined;
      },
    });
    const impatient = new GraphClient({
      baseUrl: `${origin}/graph`,
      apiVersion: 'v26.0',
      accessToken: TOKEN,
      phoneNumberId: PHONE_ID,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      timeoutMs: 200,
    });
    await expect(impatient.send(CUSTOMER, { kind: 'text', body: 'Привет' })).resolves.toBeDefined();
    expect(calls).toBe(3);
    expect(outbound).toHaveLength(1);
  });

  it('reports an always-hanging stand-in as unreachable', async () => {
    const { origin } = await startStandIn({ faults: () => 'timeout' });
    const client = new GraphClient({
      baseUrl: `${origin}/graph`,
      apiVersion: 'v26.0',
      accessToken: TOKEN,
      phoneNumberId: PHONE_ID,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      timeoutMs: 100,
    });
    await expect(client.send(CUSTOMER, { kind: 'text', body: 'Привет' })).rejects.toBeInstanceOf(GraphUnreachableError);
  });
});
