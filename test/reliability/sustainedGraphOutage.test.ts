import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedEvent } from '../../functions/contracts/queuedEvent';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { inbound, sqsRecord, text } from '../support/sqsEvents';
import { isMessageSend, somethingWentWrong } from './support/graphFaults';

/**
 * The Graph API down for longer than the client's four attempts: the turn
 * fails and SQS delivers it again. Whatever the outage did, once WhatsApp is
 * back every message is answered exactly once.
 */
let harness: ConsumerHarness;

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => harness.close());

/** SQS delivering the same messages again, as the event source mapping does after a failed batch. */
const deliveries = (events: QueuedEvent[]) => {
  let receiveCount = 0;
  return (): SQSRecord[] => {
    receiveCount += 1;
    return events.map((event) => sqsRecord(event, receiveCount));
  };
};

describe('a Graph API outage longer than the client retries', () => {
  it('answers every message of a burst once WhatsApp is back, after failed deliveries', async () => {
    const customer = { waId: '77018881001' };
    const categories = ['sofa', 'bed', 'wardrobe', 'chair', 'dresser', 'shelf', 'desk', 'mattress'] as const;
    // Taps, so that each message has an answer of its own.
    const burst = categories.map((category) =>
      inbound(customer, { kind: 'reply', replyId: `category:${category}`, title: category, source: 'list' }),
    );
    const deliver = deliveries(burst);

    harness.graph.setFaults((request) => (isMessageSend(request) ? somethingWentWrong() : undefined));
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await harness.invoke(deliver())).batchItemFailures).toHaveLength(burst.length);
    harness.graph.setFaults(undefined);
    expect((await harness.invoke(deliver())).batchItemFailures).toEqual([]);

    // Each failed delivery counted the burst against the 20-a-minute limit again: 8 messages became 32.
    expect(harness.sentTo(customer.waId)).toHaveLength(burst.length);
  });

  it('does not send an answer twice when a later answer of the same turn failed', async () => {
    const customer = { waId: '77018881002' };
    const deliver = deliveries([
      text(customer, 'покажите диваны'),
      inbound(customer, { kind: 'reply', replyId: 'category:bed', title: 'Кровати', source: 'list' }),
    ]);
    let sends = 0;
    // The first answer goes out; the second fails all four attempts.
    harness.graph.setFaults((request) => (isMessageSend(request) && ++sends > 1 && sends <= 5 ? somethingWentWrong() : undefined));
    expect((await harness.invoke(deliver())).batchItemFailures).toHaveLength(2);
    harness.graph.setFaults(undefined);
    expect((await harness.invoke(deliver())).batchItemFailures).toEqual([]);

    const answers = harness.sentTo(customer.waId).map((body) => (body.interactive as { body: { text: string } }).body.text);
    expect(answers, 'the sofas went out twice').toHaveLength(2);
  });
});
