import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRateCounter } from '../../functions/adapters/dynamodb/dynamoRateCounter';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let next = 77080000100;

beforeAll(async () => {
  harness = await startConsumerHarness({ RATE_LIMIT_PER_MINUTE: '20', RATE_LIMIT_PER_DAY: '300' });
});
afterAll(async () => harness.close());

type Body = { type: string; text?: { body: string } };
const notices = (bodies: Body[]) => bodies.filter((body) => body.text?.body.includes('Вы пишете очень часто'));

describe('per-customer rate limits', () => {
  it('answers 20 messages a minute, sends one notice, then stays silent', async () => {
    const customer = { waId: String(next++) };
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    for (let n = 0; n < 25; n += 1) {
      const event = text(customer, `покажите диваны ${n}`);
      if (event.kind === 'message') event.message.timestamp = minute + n * 1_000;
      expect((await harness.invoke([sqsRecord(event)])).batchItemFailures).toEqual([]);
    }
    const sent = harness.sentTo(customer.waId) as unknown as Body[];
    expect(sent).toHaveLength(21);
    expect(notices(sent)).toHaveLength(1);
    expect(notices(sent.slice(0, 20))).toHaveLength(0);
  });

  it('holds when 25 messages arrive in concurrent invocations', async () => {
    const customer = { waId: String(next++) };
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const events = Array.from({ length: 25 }, (_, n) => {
      const event = text(customer, `хочу кровать ${n}`);
      if (event.kind === 'message') event.message.timestamp = minute + n;
      return event;
    });
    await Promise.all(events.map((event) => harness.invoke([sqsRecord(event)])));
    const sent = harness.sentTo(customer.waId) as unknown as Body[];
    expect(sent).toHaveLength(21);
    expect(notices(sent)).toHaveLength(1);
  });

  it('counts atomically in DynamoDB: 25 concurrent messages get each place once', async () => {
    const counter = new DynamoRateCounter(harness.table.document, harness.table.tableName);
    const places = await Promise.all(Array.from({ length: 25 }, (_, n) => counter.place('77080000999', `wamid.c${n}`, 'minute', 42, 21)));
    expect([...places].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, n) => n + 1));
  });

  it('gives a message delivered again the place it had, within the remembered places and past them', async () => {
    const counter = new DynamoRateCounter(harness.table.document, harness.table.tableName);
    const first = await Promise.all(Array.from({ length: 5 }, (_, n) => counter.place('77080000998', `wamid.r${n}`, 'day', 7, 3)));
    const again = await Promise.all(Array.from({ length: 5 }, (_, n) => counter.place('77080000998', `wamid.r${n}`, 'day', 7, 3)));
    expect(again.slice(0, 3)).toEqual(first.slice(0, 3));
    // Past the remembered places a message is over the limit whichever place it gets.
    expect(again.slice(3).every((place) => place > 3)).toBe(true);
  });
});
