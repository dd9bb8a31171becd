import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedEvent } from '../../functions/contracts/queuedEvent';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;

beforeAll(async () => {
  // As in production: Meta accepts a free-form message outside the window and reports the 131047 failure later.
  harness = await startConsumerHarness({}, { outsideWindow: 'fail-status' });
});
afterAll(async () => harness.close());

const statusEvent = (status: ConsumerHarness['graph']['statuses'][number]): QueuedEvent => ({
  v: 1,
  kind: 'status',
  receivedAt: Date.now(),
  phoneNumberId: '100000000000001',
  status: {
    messageId: status.id,
    state: status.status as 'failed',
    timestamp: Number(status.timestamp) * 1000,
    recipientId: status.recipient_id ?? '',
    ...(status.errors ? { errors: status.errors.map((error) => ({ code: error.code })) } : {}),
  },
});

describe('a reply WhatsApp refuses later with 131047', () => {
  it('goes out again as the service_reply template, once', async () => {
    const customer = { waId: '77050000001', name: 'Айдос' };
    // WhatsApp last heard from this customer two days ago, though the message we answer looked recent to us.
    harness.graph.lastInbound.set(customer.waId, Date.now() - 48 * 3_600_000);
    await harness.invoke([sqsRecord(text(customer, 'покажите кресла'))]);
    const [reply] = harness.sentTo(customer.waId) as Array<{ type: string }>;
    expect(reply?.type).toBe('interactive');

    for (let waited = 0; !harness.graph.statuses.some((status) => status.status === 'failed') && waited < 2_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const failed = harness.graph.statuses.find((status) => status.status === 'failed' && status.recipient_id === customer.waId);
    expect(failed?.errors?.[0]?.code).toBe(131047);

    await harness.invoke([sqsRecord(statusEvent(failed!))]);
    await harness.invoke([sqsRecord(statusEvent(failed!), 2)]);
    const sent = harness.sentTo(customer.waId) as Array<{
      type: string;
      template?: { name: string; components: Array<{ parameters: Array<{ text?: string }> }> };
    }>;
    expect(sent.map((body) => body.type)).toEqual(['interactive', 'template']);
    expect(sent[1]?.template?.name).toBe('service_reply');
    // Variable-free: only the quick reply that brings the refused answer back.
    expect(sent[1]?.template?.components).toEqual([
      { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'resume' }] },
    ]);
  });
});
