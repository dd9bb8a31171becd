import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqsEventQueue } from '../../functions/adapters/sqs/sqsEventQueue';
import type { QueuedEvent } from '../../functions/contracts/queuedEvent';
import { createWebhookHandler } from '../../functions/webhook/webhookHandler';
import { createLambdaContext } from '../../local/lambdaContext';
import {
  BUSINESS,
  buttonReply,
  contact,
  imageMessage,
  listReply,
  statusUpdate,
  stickerMessage,
  templateQuickReply,
  textMessage,
  voiceMessage,
  webhookBody,
} from '../support/cloudApiPayloads';
import { startLocalSqs, type LocalSqs } from '../support/localSqs';
import { APP_SECRET, webhookEvent } from '../support/signedRequest';
import { quietTelemetry } from '../support/telemetry';

const CUSTOMER = '77012345678';
const secrets = async () => ({ whatsappAppSecret: APP_SECRET, whatsappVerifyToken: 'verify-me', whatsappAccessToken: 'token' });
const context: Context = createLambdaContext({ functionName: 'webhook', timeoutMs: 10_000, memoryMb: 256 });

let sqs: LocalSqs;
let handler: ReturnType<typeof createWebhookHandler>;

function structured(result: APIGatewayProxyResultV2): APIGatewayProxyStructuredResultV2 {
  if (typeof result === 'string') throw new Error('expected a structured result');
  return result;
}

async function post(body: unknown, options: Parameters<typeof webhookEvent>[1] = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return structured(await handler(webhookEvent(raw, options), context));
}

async function drain(): Promise<Array<{ event: QueuedEvent; groupId: string; deduplicationId: string }>> {
  const received = await sqs.queue.receive({ maxMessages: 10, visibilityTimeoutSeconds: 0 });
  return received.map((message) => ({
    event: JSON.parse(message.body) as QueuedEvent,
    groupId: message.attributes.MessageGroupId,
    deduplicationId: message.attributes.MessageDeduplicationId,
  }));
}

beforeAll(async () => {
  sqs = await startLocalSqs();
  const { logger, metrics } = quietTelemetry();
  handler = createWebhookHandler({
    queue: new SqsEventQueue(sqs.client, sqs.queueUrl),
    phoneNumberId: BUSINESS.phoneNumberId,
    loadSecrets: secrets,
    maxBodyBytes: 64 * 1024,
    logger,
    metrics,
  });
});

afterAll(async () => sqs.close());
beforeEach(() => sqs.queue.purge());

describe('webhook: verification handshake', () => {
  it('echoes the challenge for the right verify token', async () => {
    const result = structured(
      await handler(
        webhookEvent('', {
          method: 'GET',
          query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' },
        }),
        context,
      ),
    );
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe('1158201444');
  });

  it('answers 403 for a wrong token or mode', async () => {
    for (const query of [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1' },
    ]) {
      const result = structured(await handler(webhookEvent('', { method: 'GET', query }), context));
      expect(result.statusCode).toBe(403);
    }
  });
});

describe('webhook: one FIFO message per inbound message', () => {
  it('queues a Cyrillic + emoji text with group = customer and dedup id = WhatsApp message id', async () => {
    const message = textMessage(CUSTOMER, 'Хочу серый диван 🛋️ до 300 000 ₸');
    const result = await post(webhookBody({ contacts: [contact(CUSTOMER, 'Айгерим')], messages: [message] }));
    expect(result.statusCode).toBe(200);
    const [queued, ...rest] = await drain();
    expect(rest).toHaveLength(0);
    expect(queued?.groupId).toBe(CUSTOMER);
    expect(queued?.deduplicationId).toBe(message.id);
    expect(queued?.event).toMatchObject({
      kind: 'message',
      phoneNumberId: '100000000000001',
      customer: { waId: CUSTOMER, name: 'Айгерим' },
      message: {
        id: message.id,
        timestamp: Number(message.timestamp) * 1000,
        content: { kind: 'text', text: 'Хочу серый диван 🛋️ до 300 000 ₸' },
      },
    });
  });

  it('verifies a body that API Gateway base64-encoded', async () => {
    const body = JSON.stringify(
      webhookBody({ contacts: [contact(CUSTOMER)], messages: [textMessage(CUSTOMER, 'Қызыл кереует керек 🙂')] }),
    );
    const result = await post(body, { base64: true });
    expect(result.statusCode).toBe(200);
    expect((await drain())[0]?.event).toMatchObject({ message: { content: { text: 'Қызыл кереует керек 🙂' } } });
  });

  it('maps every message kind the assistant handles', async () => {
    const messages = [
      voiceMessage(CUSTOMER, 'media-voice'),
      imageMessage(CUSTOMER, 'Такой же, но серый', 'media-image'),
      buttonReply(CUSTOMER, 'buy:SOF-001', '🛒 Купить'),
      listReply(CUSTOMER, 'product:SOF-002', 'Диван «Осло»', '189 990 ₸'),
      templateQuickReply(CUSTOMER, 'product:SOF-003', 'Подробнее'),
      stickerMessage(CUSTOMER),
      { from: CUSTOMER, id: 'wamid.welcome', timestamp: '1700000000', type: 'request_welcome' },
      { from: CUSTOMER, id: 'wamid.reaction', timestamp: '1700000000', type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } },
    ];
    expect((await post(webhookBody({ contacts: [contact(CUSTOMER)], messages }))).statusCode).toBe(200);
    const contents = (await drain()).map(({ event }) => (event.kind === 'message' ? event.message.content : undefined));
    expect(contents).toEqual([
      { kind: 'audio', mediaId: 'media-voice', mimeType: 'audio/ogg; codecs=opus', voice: true },
      { kind: 'image', mediaId: 'media-image', mimeType: 'image/jpeg', caption: 'Такой же, но серый' },
      { kind: 'reply', replyId: 'buy:SOF-001', title: '🛒 Купить', source: 'button' },
      { kind: 'reply', replyId: 'product:SOF-002', title: 'Диван «Осло»', source: 'list' },
      { kind: 'reply', replyId: 'product:SOF-003', title: 'Подробнее', source: 'template' },
      { kind: 'other_media', mediaType: 'sticker' },
      { kind: 'welcome' },
      { kind: 'reaction', emoji: '👍' },
    ]);
  });

  it("queues statuses with their pricing, in the customer's status group (apart from their messages), one per state", async () => {
    const statuses = [statusUpdate(CUSTOMER, 'wamid.out1', 'sent'), statusUpdate(CUSTOMER, 'wamid.out1', 'delivered')];
    expect((await post(webhookBody({ statuses }))).statusCode).toBe(200);
    const queued = await drain();
    expect(queued.map((entry) => [entry.groupId, entry.deduplicationId])).toEqual([
      [`STATUS#${CUSTOMER}`, 'wamid.out1:sent'],
      [`STATUS#${CUSTOMER}`, 'wamid.out1:delivered'],
    ]);
    expect(queued[0]?.event).toMatchObject({
      kind: 'status',
      status: { messageId: 'wamid.out1', state: 'sent', pricing: { billable: false, category: 'service', pricingModel: 'PMP' } },
    });
  });

  it('absorbs Meta redelivering the same body (SQS deduplication on the message id)', async () => {
    const body = webhookBody({ contacts: [contact(CUSTOMER)], messages: [textMessage(CUSTOMER, 'привет')] });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await post(body)).statusCode).toBe(200);
    expect(await drain()).toHaveLength(1);
  });

  it('acknowledges fields other than messages without queueing anything', async () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED' } }] }],
    };
    expect((await post(body)).statusCode).toBe(200);
    expect(await drain()).toHaveLength(0);
  });
});

describe('webhook: a genuine body is never refused because one part of it is odd', () => {
  const interactiveWithoutObject = {
    context: { from: BUSINESS.displayPhoneNumber, id: 'wamid.asked' },
    from: CUSTOMER,
    id: 'wamid.broken-interactive',
    timestamp: '1700505494',
    type: 'interactive',
  };

  it('queues an interactive without its object (Meta error 131000) as unreadable, and the text beside it as it is', async () => {
    const text = textMessage(CUSTOMER, 'покажите кресла');
    const body = webhookBody({
      contacts: [contact(CUSTOMER)],
      messages: [interactiveWithoutObject, text],
      errors: [{ code: 131000, title: 'Something went wrong', error_data: { details: 'Unsupported webhook payload' } }],
    });
    expect((await post(body)).statusCode).toBe(200);
    const contents = (await drain()).map(({ event }) => (event.kind === 'message' ? [event.message.id, event.message.content] : []));
    expect(contents).toEqual([
      ['wamid.broken-interactive', { kind: 'unreadable', originalType: 'interactive', errorCode: 131000 }],
      [text.id, { kind: 'text', text: 'покажите кресла' }],
    ]);
  });

  it('gives a message without an id the same made-up id on every delivery, and one without a time the time it came', async () => {
    const { id: _id, ...withoutId } = textMessage(CUSTOMER, 'без id');
    const withoutTime = { ...textMessage(CUSTOMER, 'без времени'), timestamp: 'yesterday' };
    const body = webhookBody({ contacts: [contact(CUSTOMER)], messages: [withoutId, withoutTime] });
    expect((await post(body)).statusCode).toBe(200);
    expect((await post(body)).statusCode).toBe(200);
    const queued = await drain();
    expect(queued).toHaveLength(2);
    expect(queued[0]?.deduplicationId).toMatch(/^wamid\.derived\.[0-9a-f]{40}$/);
    const late = queued[1]?.event;
    expect(late?.kind === 'message' && Math.abs(late.message.timestamp - Date.now()) < 60_000).toBe(true);
  });

  it('drops only the message that has no sender, and texts without a body become unreadable', async () => {
    const { from: _from, ...noSender } = textMessage(CUSTOMER, 'ничей');
    const noBody = { ...textMessage(CUSTOMER, 'x'), text: {} };
    const fine = textMessage(CUSTOMER, 'диван');
    expect((await post(webhookBody({ contacts: 'Айгерим', messages: [noSender, noBody, fine] }))).statusCode).toBe(200);
    const contents = (await drain()).map(({ event }) => (event.kind === 'message' ? event.message.content : undefined));
    expect(contents).toEqual([
      { kind: 'unreadable', originalType: 'text' },
      { kind: 'text', text: 'диван' },
    ]);
  });
});

describe('webhook: customers with usernames (business-scoped user ids)', () => {
  const BSUID = 'KZ.1502576394655843';

  it('queues a message that names its sender only by BSUID, with the username and name of its contact', async () => {
    const { from: _from, ...message } = textMessage(CUSTOMER, 'покажите диваны');
    const body = webhookBody({
      contacts: [{ profile: { name: 'Дана', username: 'dana.home' }, user_id: BSUID }],
      messages: [{ ...message, from_user_id: BSUID }],
    });
    expect((await post(body)).statusCode).toBe(200);
    const [queued] = await drain();
    expect(queued?.groupId).toBe(BSUID);
    expect(queued?.event).toMatchObject({ customer: { waId: BSUID, userId: BSUID, username: 'dana.home', name: 'Дана' } });
    expect(queued?.event.kind === 'message' && queued.event.customer.phone).toBeUndefined();
  });

  it('keeps both identifiers when Meta gives both', async () => {
    const message = { ...textMessage(CUSTOMER, 'привет'), from_user_id: BSUID };
    await post(webhookBody({ contacts: [{ profile: { name: 'Дана' }, wa_id: CUSTOMER, user_id: BSUID }], messages: [message] }));
    expect((await drain())[0]?.event).toMatchObject({ customer: { waId: CUSTOMER, phone: CUSTOMER, userId: BSUID } });
  });

  it('reads user_changed_number and user_changed_user_id notices, and the user_id_update webhook, as identity changes', async () => {
    const numberChange = {
      from: CUSTOMER,
      id: 'wamid.number-change',
      timestamp: '1753851315',
      type: 'system',
      system: {
        body: 'User Дана changed from 77012345678 to 77019876543',
        wa_id: '77019876543',
        user_id: 'KZ.2481730591287364',
        previous_user_id: BSUID,
        type: 'user_changed_number',
      },
    };
    const userIdChange = {
      id: 'wamid.user-id-change',
      timestamp: '1753851316',
      type: 'system',
      system: { body: 'User changed', user_id: 'KZ.99', previous_user_id: 'KZ.98', type: 'user_changed_user_id' },
    };
    expect((await post(webhookBody({ messages: [numberChange, userIdChange] }))).statusCode).toBe(200);
    const update = webhookBody({});
    const change = (update as { entry: Array<{ changes: Array<{ field: string; value: Record<string, unknown> }> }> }).entry[0]!
      .changes[0]!;
    change.field = 'user_id_update';
    change.value.user_id_update = [
      { wa_id: CUSTOMER, detail: 'User id updated', user_id: { previous: 'KZ.11', current: 'KZ.12' }, timestamp: '1753851317' },
    ];
    expect((await post(update)).statusCode).toBe(200);

    // Three customers, three FIFO groups: in the order WhatsApp stamped them.
    const events = (await drain())
      .map(({ event }) => event)
      .sort((a, b) => (a.kind === 'message' && b.kind === 'message' ? a.message.timestamp - b.message.timestamp : 0));
    expect(events).toMatchObject([
      {
        customer: { waId: CUSTOMER, phone: CUSTOMER, userId: BSUID },
        message: {
          content: {
            kind: 'system',
            identityChange: { previousPhone: CUSTOMER, newPhone: '77019876543', previousUserId: BSUID, newUserId: 'KZ.2481730591287364' },
          },
        },
      },
      {
        customer: { waId: 'KZ.98' },
        message: { content: { kind: 'system', identityChange: { previousUserId: 'KZ.98', newUserId: 'KZ.99' } } },
      },
      {
        customer: { waId: CUSTOMER, phone: CUSTOMER, userId: 'KZ.11' },
        message: { content: { kind: 'system', identityChange: { previousUserId: 'KZ.11', newUserId: 'KZ.12' } } },
      },
    ]);
  });

  it('queues statuses of messages sent to a BSUID with the recipient BSUID', async () => {
    const status = { ...statusUpdate(CUSTOMER, 'wamid.out9', 'delivered'), recipient_id: undefined, recipient_user_id: BSUID };
    await post(webhookBody({ statuses: [status] }));
    expect((await drain())[0]?.event).toMatchObject({ status: { recipientId: BSUID, recipientUserId: BSUID } });
  });
});

describe('webhook: deliveries for another number or product', () => {
  it('acknowledges a body for another phone number id and queues nothing', async () => {
    const body = webhookBody({ contacts: [contact(CUSTOMER)], messages: [textMessage(CUSTOMER, 'диван')] }) as {
      entry: Array<{ changes: Array<{ value: { metadata: { phone_number_id: string } } }> }>;
    };
    body.entry[0]!.changes[0]!.value.metadata.phone_number_id = '999999999999999';
    expect((await post(body)).statusCode).toBe(200);
    expect(await drain()).toHaveLength(0);
  });

  it('acknowledges an Instagram body and queues nothing', async () => {
    const body = { ...webhookBody({ contacts: [contact(CUSTOMER)], messages: [textMessage(CUSTOMER, 'диван')] }), object: 'instagram' };
    expect((await post(body)).statusCode).toBe(200);
    expect(await drain()).toHaveLength(0);
  });
});

describe('webhook: bad input gets a clear 4xx and nothing is queued', () => {
  const valid = webhookBody({ contacts: [contact(CUSTOMER)], messages: [textMessage(CUSTOMER, 'диван')] });

  it('401 without a signature header, and with a wrong one', async () => {
    expect((await post(valid, { signature: null })).statusCode).toBe(401);
    expect((await post(valid, { signature: `sha256=${'0'.repeat(64)}` })).statusCode).toBe(401);
    expect(await drain()).toHaveLength(0);
  });

  it('400 for a body that is not JSON, or not a Cloud API payload', async () => {
    for (const body of [
      '{not json',
      '[]',
      JSON.stringify({ object: 'x', entry: [] }),
      JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: 'messages' }] }),
    ]) {
      const result = await post(body);
      expect(result.statusCode, body).toBe(400);
      expect(JSON.parse(result.body ?? '{}')).toHaveProperty('error');
    }
    expect(await drain()).toHaveLength(0);
  });

  it('413 for a body over the limit, before any signature work', async () => {
    const huge = JSON.stringify({ ...valid, padding: 'x'.repeat(70 * 1024) });
    expect((await post(huge, { signature: null })).statusCode).toBe(413);
    expect(await drain()).toHaveLength(0);
  });

  it('405 for other methods', async () => {
    expect((await post(valid, { method: 'PUT' })).statusCode).toBe(405);
  });
});

describe('webhook: nothing valid is dropped', () => {
  it('answers 503 when the queue cannot take the message, so Meta delivers it again', async () => {
    const { logger, metrics } = quietTelemetry();
    const unreachable = new SQSClient({
      endpoint: 'http://127.0.0.1:9/sqs',
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    const failing = createWebhookHandler({
      queue: new SqsEventQueue(unreachable, 'http://127.0.0.1:9/sqs/000000000000/none.fifo'),
      phoneNumberId: BUSINESS.phoneNumberId,
      loadSecrets: secrets,
      maxBodyBytes: 64 * 1024,
      logger,
      metrics,
    });
    const result = structured(
      await failing(
        webhookEvent(JSON.stringify(webhookBody({ contacts: [contact(CUSTOMER)], messages: [textMessage(CUSTOMER, 'диван')] }))),
        context,
      ),
    );
    expect(result.statusCode).toBe(503);
  });
});
