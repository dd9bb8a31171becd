import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../functions/domain/catalog/product';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { createLambdaContext } from '../../local/lambdaContext';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let customerNumber = 77010000100;
const newCustomer = (name?: string) => ({ waId: String(customerNumber++), ...(name ? { name } : {}) });

interface ListBody {
  type: string;
  interactive: { type: string; action: { sections: Array<{ rows: Array<{ id: string; title: string; description?: string }> }> } };
}

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => harness.close());

async function product(id: string): Promise<Product> {
  const found = await embeddedCatalog().get(id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

describe('consumer: a text search is answered with real products', () => {
  it('answers "хочу серый диван до 300 тысяч" with one list of grey sofas within budget', async () => {
    const customer = newCustomer('Айгерим');
    const response = await harness.invoke([sqsRecord(text(customer, 'хочу серый диван до 300 тысяч'))]);
    expect(response.batchItemFailures).toEqual([]);
    const sent = harness.sentTo(customer.waId);
    expect(sent).toHaveLength(1);
    const list = sent[0] as unknown as ListBody;
    expect(list.type).toBe('interactive');
    expect(list.interactive.type).toBe('list');
    const rows = list.interactive.action.sections.flatMap((section) => section.rows);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row.id).toMatch(/^product:/);
      const item = await product(row.id.slice('product:'.length));
      expect(item.category).toBe('sofa');
      expect(item.color).toBe('grey');
      expect(item.price).toBeLessThanOrEqual(300_000);
      expect(row.description).toContain('₸');
    }
  });

  it('shows a product card with photo, price in tenge and buttons when a row is tapped', async () => {
    const customer = newCustomer();
    const [first] = (await embeddedCatalog().search({ category: 'bed', limit: 1 })).map((hit) => hit.product);
    if (!first) throw new Error('catalog has no beds');
    await harness.invoke([
      sqsRecord(inbound(customer, { kind: 'reply', replyId: `product:${first.id}`, title: first.name, source: 'list' })),
    ]);
    const [card] = harness.sentTo(customer.waId) as Array<{
      interactive: {
        type: string;
        header: { type: string; image: { link: string } };
        body: { text: string };
        action: { buttons: Array<{ reply: { id: string } }> };
      };
    }>;
    expect(card?.interactive.type).toBe('button');
    expect(card?.interactive.header).toEqual({ type: 'image', image: { link: `http://127.0.0.1:3000/catalog/images/${first.id}.png` } });
    const grouped = first.price.toLocaleString('ru-RU').replace(/\s/g, '\u00a0');
    expect(card?.interactive.body.text).toContain(`${grouped}\u00a0₸`);
    expect(card?.interactive.action.buttons.map((button) => button.reply.id)).toEqual([
      `buy:${first.id}`,
      `watch:${first.id}`,
      `more:${first.id}`,
    ]);
  });

  it('answers a burst of short messages as one turn', async () => {
    const customer = newCustomer();
    const records = [text(customer, 'хочу диван'), text(customer, 'серый'), text(customer, 'до 300к')].map((event) => sqsRecord(event));
    const response = await harness.invoke(records);
    expect(response.batchItemFailures).toEqual([]);
    const sent = harness.sentTo(customer.waId) as unknown as ListBody[];
    expect(sent).toHaveLength(1);
    const rows = sent[0]?.interactive.action.sections.flatMap((section) => section.rows) ?? [];
    for (const row of rows) expect((await product(row.id.slice(8))).color).toBe('grey');
  });

  it('answers unsupported message types politely, in the customer language', async () => {
    const customer = newCustomer();
    await harness.invoke([sqsRecord(inbound(customer, { kind: 'unsupported', originalType: 'sticker' }))]);
    const [reply] = harness.sentTo(customer.waId) as Array<{ type: string; text: { body: string } }>;
    expect(reply?.type).toBe('text');
    expect(reply?.text.body).toMatch(/напишите/i);
  });
});

describe('consumer: voice notes and photos without an OpenAI key', () => {
  it('asks the customer to type when voice cannot be heard, in their language', async () => {
    const customer = newCustomer();
    await harness.invoke([sqsRecord(text(customer, 'Сәлеметсіз бе, диван керек'))]);
    await harness.invoke([sqsRecord(inbound(customer, { kind: 'audio', mediaId: 'm1', mimeType: 'audio/ogg', voice: true }))]);
    const [, reply] = harness.sentTo(customer.waId) as Array<{ type: string; text: { body: string } }>;
    expect(reply?.type).toBe('text');
    expect(reply?.text.body).toContain('мәтінмен');
  });

  it('searches by the caption of a photo, or asks what is on it', async () => {
    const customer = newCustomer();
    await harness.invoke([
      sqsRecord(inbound(customer, { kind: 'image', mediaId: 'm2', mimeType: 'image/jpeg', caption: 'хочу такую кровать, белую' })),
    ]);
    await harness.invoke([sqsRecord(inbound(customer, { kind: 'image', mediaId: 'm3', mimeType: 'image/jpeg' }))]);
    const [found, ask] = harness.sentTo(customer.waId) as unknown as [ListBody, { text: { body: string } }];
    const rows = found.interactive.action.sections.flatMap((section) => section.rows);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect((await product(row.id.slice(8))).category).toBe('bed');
    expect(ask.text.body).toMatch(/Опишите/);
  });
});

describe('consumer: each WhatsApp message is answered once', () => {
  it('answers a message delivered three times only once', async () => {
    const customer = newCustomer();
    const event = text(customer, 'покажите кресла');
    for (let delivery = 1; delivery <= 3; delivery += 1) {
      const response = await harness.invoke([sqsRecord(event, delivery)]);
      expect(response.batchItemFailures).toEqual([]);
    }
    expect(harness.sentTo(customer.waId)).toHaveLength(1);
  });

  it('answers once when the same message is delivered to three concurrent invocations', async () => {
    const customer = newCustomer();
    const event = text(customer, 'нужен шкаф');
    const responses = await Promise.all([1, 2, 3].map(() => harness.invoke([sqsRecord(event)])));
    expect(harness.sentTo(customer.waId)).toHaveLength(1);
    const failed = responses.flatMap((response) => response.batchItemFailures);
    // Invocations that met the claim in progress ask SQS to retry; the retry finds it done.
    for (const _failure of failed) await harness.invoke([sqsRecord(event, 2)]);
    expect(harness.sentTo(customer.waId)).toHaveLength(1);
  });
});

describe('consumer: partial batch failures keep other customers going and lose nothing', () => {
  it('reports only the failing customer, whose turn is answered on redelivery', async () => {
    const failing = newCustomer();
    const healthy = newCustomer();
    harness.graph.setFaults((request) =>
      request.method === 'POST' && JSON.stringify(request.body).includes(failing.waId)
        ? { status: 500, body: { error: { message: 'boom', code: 1, type: 'OAuthException' } } }
        : undefined,
    );
    const failingEvents = [text(failing, 'красный диван'), text(failing, 'до 400 тысяч')];
    const failingRecords = failingEvents.map((event) => sqsRecord(event));
    const healthyRecord = sqsRecord(text(healthy, 'белый шкаф'));
    const response = await harness.invoke([failingRecords[0]!, healthyRecord, failingRecords[1]!]);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      failingRecords.map((record) => record.messageId).sort(),
    );
    expect(harness.sentTo(healthy.waId)).toHaveLength(1);
    expect(harness.sentTo(failing.waId)).toHaveLength(0);

    harness.graph.setFaults(undefined);
    const retry = await harness.invoke(failingEvents.map((event) => sqsRecord(event, 2)));
    expect(retry.batchItemFailures).toEqual([]);
    expect(harness.sentTo(failing.waId)).toHaveLength(1);
  });
});

describe('consumer: an invocation close to its timeout', () => {
  it('starts no turn it could not finish: the records are given back unanswered, and answered on the next delivery', async () => {
    const customer = newCustomer();
    const records = [sqsRecord(text(customer, 'покажите шкафы'))];
    // Sixty seconds when the batch starts, eight when the turn would: less than a turn may take.
    const remaining = [60_000, 8_000];
    const late = { ...createLambdaContext({ functionName: 'consumer', timeoutMs: 60_000, memoryMb: 512 }) };
    late.getRemainingTimeInMillis = () => remaining.shift() ?? 8_000;
    const response = await harness.invokeWith(records, late);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(records.map((record) => record.messageId));
    expect(harness.sentTo(customer.waId)).toEqual([]);

    const retry = await harness.invoke(
      records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: '2' } })),
    );
    expect(retry.batchItemFailures).toEqual([]);
    expect(harness.sentTo(customer.waId)).toHaveLength(1);
  });
});

describe('consumer: a turn that outlived its claim', () => {
  it('sends nothing once the claim has run out, since another invocation may be answering', async () => {
    const customer = newCustomer();
    const event = text(customer, 'покажите кровати');
    if (event.kind !== 'message') throw new Error('a message event');
    await expect(
      harness.consumer.conversation.handleTurn({ customer, messages: [event.message], answerBy: Date.now() - 1 }),
    ).rejects.toThrow(/claim on turn .* ran out/);
    expect(harness.sentTo(customer.waId)).toEqual([]);
  });
});

describe('consumer: delivery statuses', () => {
  it('records the ticks forward only and keeps the billed pricing', async () => {
    const customer = newCustomer();
    await harness.invoke([sqsRecord(text(customer, 'привет'))]);
    const outbound = harness.graph.outbound.find((record) => record.to === customer.waId);
    if (!outbound) throw new Error('no reply');
    const status = (state: 'sent' | 'delivered' | 'read') => ({
      v: 1 as const,
      kind: 'status' as const,
      receivedAt: Date.now(),
      phoneNumberId: '100000000000001',
      status: {
        messageId: outbound.id,
        state,
        timestamp: Date.now(),
        recipientId: customer.waId,
        ...(state === 'read'
          ? {}
          : { pricing: { billable: false, category: 'service', pricingModel: 'PMP', type: 'free_customer_service' } }),
      },
    });
    await harness.invoke([sqsRecord(status('read'))]);
    await harness.invoke([sqsRecord(status('delivered'))]);
    await harness.invoke([sqsRecord(status('sent'))]);
    const items = await harness.table.partition(`C#${customer.waId}`);
    const record = items.find((item) => item.sk === `OUT#${outbound.id}`);
    expect(record).toMatchObject({ state: 'read', stateRank: 3, pricing: { category: 'service', billable: false } });
  });
});
