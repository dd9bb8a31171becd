import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedEvent } from '../../functions/contracts/queuedEvent';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;

beforeAll(async () => {
  // Meta has moved service_reply to MARKETING: the stand-in bills it so, and sends it only through /marketing_messages.
  harness = await startConsumerHarness({}, { templateCategory: (name) => (name === 'service_reply' ? 'marketing' : 'utility') });
});
afterAll(async () => harness.close());

const categoryChanged = (at: number, category: 'MARKETING' | 'UTILITY'): QueuedEvent => ({
  v: 1,
  kind: 'template',
  receivedAt: at,
  wabaId: '200000000000001',
  template: { kind: 'category_changed', templateId: '5001', name: 'service_reply', language: 'ru', at, category },
});

const late = (waId: string, body: string): QueuedEvent => {
  const event = text({ waId }, body);
  if (event.kind !== 'message') throw new Error('a message');
  event.message.timestamp = Date.now() - 30 * 3_600_000;
  return event;
};

describe('a template Meta re-categorised', () => {
  it('is recorded from the webhook, and its next send goes through the endpoint Meta designates', async () => {
    const first = '77050000001';
    await harness.invoke([sqsRecord(late(first, 'покажите кресла'))]);
    expect(harness.graph.outbound.at(-1)).toMatchObject({ endpoint: 'messages', body: { template: { name: 'service_reply' } } });

    expect(await harness.invoke([sqsRecord(categoryChanged(Date.now(), 'MARKETING'))])).toEqual({ batchItemFailures: [] });
    const [stored] = (await harness.table.partition('TEMPLATE#service_reply')).filter((item) => item.sk === 'LANG#ru');
    expect(stored).toMatchObject({ category: 'MARKETING', templateId: '5001' });

    await harness.invoke([sqsRecord(late('77050000002', 'покажите столы'))]);
    const sent = harness.graph.outbound.at(-1);
    expect(sent).toMatchObject({ to: '77050000002', endpoint: 'marketing_messages', body: { template: { name: 'service_reply' } } });
    await expect.poll(() => harness.graph.statuses.find((status) => status.id === sent?.id)?.pricing?.category).toBe('marketing_lite');
  });
});
