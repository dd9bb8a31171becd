import { describe, expect, it } from 'vitest';
import { FifoQueue, FifoQueueError, type ReceivedMessage } from '../../../local/sqs/fifoQueue';
import { md5OfMessageAttributes, md5OfMessageBody } from '../../../local/sqs/messageDigests';

function manualClock(start = Date.UTC(2025, 0, 1)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function bodies(messages: readonly ReceivedMessage[]): string[] {
  return messages.map((message) => message.body);
}

function sendAll(queue: FifoQueue, groupId: string, texts: readonly string[]): void {
  for (const body of texts) queue.send({ body, groupId, deduplicationId: `${groupId}:${body}` });
}

function queueError(work: () => unknown): FifoQueueError {
  try {
    work();
  } catch (error) {
    if (error instanceof FifoQueueError) return error;
    throw error;
  }
  throw new Error('expected a FifoQueueError');
}

describe('FifoQueue ordering and group locking', () => {
  it('delivers each group in send order when groups are interleaved, consecutive within a batch', async () => {
    const queue = new FifoQueue('orders.fifo');
    for (let index = 1; index <= 2; index += 1) {
      for (const group of ['a', 'b', 'c']) queue.send({ body: `${group}${index}`, groupId: group, deduplicationId: `${group}${index}` });
    }

    const batch = await queue.receive({ maxMessages: 10 });

    expect(bodies(batch)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
  });

  it('keeps per-group order across many receives of interleaved groups', async () => {
    const queue = new FifoQueue('orders.fifo');
    const groups = ['g1', 'g2', 'g3', 'g4'];
    for (let index = 0; index < 30; index += 1) {
      for (const group of groups) queue.send({ body: `${group}:${index}`, groupId: group, deduplicationId: `${group}-${index}` });
    }
    const seen = new Map<string, number[]>(groups.map((group) => [group, []]));

    for (let batch = await queue.receive({ maxMessages: 7 }); batch.length > 0; batch = await queue.receive({ maxMessages: 7 })) {
      for (const message of batch) {
        const [group, index] = message.body.split(':');
        seen.get(group!)!.push(Number(index));
        queue.delete(message.receiptHandle);
      }
    }

    const inOrder = Array.from({ length: 30 }, (_, index) => index);
    for (const group of groups) expect(seen.get(group)).toEqual(inOrder);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, total: 0 });
  });

  it('locks a group while any of its messages is in flight and unlocks it on delete', async () => {
    const queue = new FifoQueue('orders.fifo');
    sendAll(queue, 'a', ['a1', 'a2']);
    sendAll(queue, 'b', ['b1']);

    const [first] = await queue.receive({ maxMessages: 1 });
    expect(first?.body).toBe('a1');
    expect(bodies(await queue.receive({ maxMessages: 10 }))).toEqual(['b1']);
    expect(await queue.receive({ maxMessages: 10 })).toEqual([]);
    expect(queue.counts()).toEqual({ visible: 1, inFlight: 2, total: 3 });

    queue.delete(first!.receiptHandle);

    expect(bodies(await queue.receive({ maxMessages: 10 }))).toEqual(['a2']);
  });

  it('returns at most 10 messages, and rejects a batch size outside 1..10', async () => {
    const queue = new FifoQueue('orders.fifo');
    sendAll(
      queue,
      'a',
      Array.from({ length: 25 }, (_, index) => `m${index}`),
    );

    const batch = await queue.receive({ maxMessages: 10 });

    expect(bodies(batch)).toEqual(Array.from({ length: 10 }, (_, index) => `m${index}`));
    await expect(queue.receive({ maxMessages: 11 })).rejects.toMatchObject({ code: 'InvalidParameterValue' });
    await expect(queue.receive({ maxMessages: 0 })).rejects.toMatchObject({ code: 'InvalidParameterValue' });
  });

  it('reports what SQS reports about each delivered message', async () => {
    const clock = manualClock();
    const queue = new FifoQueue('orders.fifo', { now: clock.now });
    const sent = queue.send({
      body: 'Привет 👋',
      groupId: 'customer-1',
      deduplicationId: 'wamid.1',
      messageAttributes: { ordinal: { dataType: 'Number', stringValue: '1' }, category: { dataType: 'String', stringValue: 'test' } },
    });
    clock.advance(250);

    const [message] = await queue.receive();

    expect(message).toMatchObject({
      messageId: sent.messageId,
      body: 'Привет 👋',
      md5OfBody: md5OfMessageBody('Привет 👋'),
      // A published test vector for SQS's attribute digest.
      md5OfMessageAttributes: 'd21ae90c49061e927f57df5f5d72be1f',
      attributes: {
        SentTimestamp: String(clock.now() - 250),
        ApproximateReceiveCount: '1',
        ApproximateFirstReceiveTimestamp: String(clock.now()),
        MessageGroupId: 'customer-1',
        MessageDeduplicationId: 'wamid.1',
        SequenceNumber: sent.sequenceNumber,
      },
    });
  });
});

describe('FifoQueue deduplication', () => {
  it('accepts a duplicate within the window without enqueuing it, answering with the original ids', async () => {
    const clock = manualClock();
    const queue = new FifoQueue('orders.fifo', { now: clock.now });
    const original = queue.send({ body: 'first', groupId: 'a', deduplicationId: 'wamid.42' });
    clock.advance(5 * 60_000 - 1);

    const duplicate = queue.send({ body: 'second', groupId: 'a', deduplicationId: 'wamid.42' });

    expect(original.duplicate).toBe(false);
    expect(duplicate).toMatchObject({ duplicate: true, messageId: original.messageId, sequenceNumber: original.sequenceNumber });
    expect(duplicate.md5OfBody).toBe(md5OfMessageBody('second'));
    expect(queue.counts().total).toBe(1);
    expect(bodies(await queue.receive({ maxMessages: 10 }))).toEqual(['first']);
  });

  it('still drops a duplicate after the original was deleted, and enqueues it once the window has passed', async () => {
    const clock = manualClock();
    const queue = new FifoQueue('orders.fifo', { now: clock.now });
    const original = queue.send({ body: 'first', groupId: 'a', deduplicationId: 'wamid.42' });
    const [delivered] = await queue.receive();
    queue.delete(delivered!.receiptHandle);

    clock.advance(60_000);
    expect(queue.send({ body: 'again', groupId: 'a', deduplicationId: 'wamid.42' }).duplicate).toBe(true);
    expect(queue.counts().total).toBe(0);

    clock.advance(4 * 60_000);
    const later = queue.send({ body: 'again', groupId: 'a', deduplicationId: 'wamid.42' });
    expect(later.duplicate).toBe(false);
    expect(later.messageId).not.toBe(original.messageId);
    expect(bodies(await queue.receive())).toEqual(['again']);
  });

  it('deduplicates on the body when the queue uses content-based deduplication, and demands an id otherwise', () => {
    const contentBased = new FifoQueue('content.fifo', { contentBasedDeduplication: true });
    const first = contentBased.send({ body: 'same', groupId: 'a' });
    expect(contentBased.send({ body: 'same', groupId: 'b' })).toMatchObject({ duplicate: true, messageId: first.messageId });
    expect(contentBased.send({ body: 'other', groupId: 'a' }).duplicate).toBe(false);

    const explicit = new FifoQueue('explicit.fifo');
    expect(queueError(() => explicit.send({ body: 'same', groupId: 'a' })).code).toBe('InvalidParameterValue');
  });

  it('deduplicates per message group in high-throughput mode (DeduplicationScope messageGroup)', () => {
    const perGroup = new FifoQueue('high-throughput.fifo', { deduplicationScope: 'messageGroup' });
    const first = perGroup.send({ body: 'x', groupId: 'a', deduplicationId: 'wamid.1' });
    expect(perGroup.send({ body: 'x', groupId: 'a', deduplicationId: 'wamid.1' })).toMatchObject({
      duplicate: true,
      messageId: first.messageId,
    });
    expect(perGroup.send({ body: 'x', groupId: 'b', deduplicationId: 'wamid.1' }).duplicate).toBe(false);
  });
});

describe('FifoQueue visibility timeout and redrive', () => {
  it('redelivers a message whose visibility timed out, at the head of its group, with a new receipt handle', async () => {
    const clock = manualClock();
    const queue = new FifoQueue('orders.fifo', { now: clock.now, visibilityTimeoutSeconds: 30 });
    sendAll(queue, 'a', ['a1', 'a2']);
    const [first] = await queue.receive({ maxMessages: 1 });
    const firstReceivedAt = clock.now();

    clock.advance(29_999);
    expect(await queue.receive({ maxMessages: 10 })).toEqual([]);

    clock.advance(1);
    const again = await queue.receive({ maxMessages: 10 });
    expect(bodies(again)).toEqual(['a1', 'a2']);
    expect(again[0]!.attributes.ApproximateReceiveCount).toBe('2');
    expect(again[0]!.attributes.ApproximateFirstReceiveTimestamp).toBe(String(firstReceivedAt));
    expect(again[0]!.receiptHandle).not.toBe(first!.receiptHandle);

    expect(queueError(() => queue.delete(first!.receiptHandle)).message).toContain('expired');
    queue.delete(again[0]!.receiptHandle);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 1, total: 1 });
  });

  it('honours a per-receive visibility timeout and ChangeMessageVisibility', async () => {
    const clock = manualClock();
    const queue = new FifoQueue('orders.fifo', { now: clock.now, visibilityTimeoutSeconds: 30 });
    sendAll(queue, 'a', ['a1']);

    const [short] = await queue.receive({ visibilityTimeoutSeconds: 2 });
    clock.advance(2_000);
    const [extended] = await queue.receive();
    expect(extended?.messageId).toBe(short?.messageId);

    queue.changeVisibility(extended!.receiptHandle, 120);
    clock.advance(60_000);
    expect(await queue.receive()).toEqual([]);

    queue.changeVisibility(extended!.receiptHandle, 0);
    const [released] = await queue.receive();
    expect(released?.attributes.ApproximateReceiveCount).toBe('3');
  });

  it('moves a message to the dead-letter queue instead of delivering it more than maxReceiveCount times', async () => {
    const clock = manualClock();
    const deadLetters = new FifoQueue('orders-dlq.fifo', { now: clock.now });
    const queue = new FifoQueue('orders.fifo', {
      now: clock.now,
      visibilityTimeoutSeconds: 10,
      maxReceiveCount: 3,
      deadLetterQueue: deadLetters,
    });
    const poison = queue.send({
      body: 'poison ☠️',
      groupId: 'a',
      deduplicationId: 'poison',
      messageAttributes: {
        source: { dataType: 'String', stringValue: 'webhook' },
        raw: { dataType: 'Binary', binaryValue: Uint8Array.of(0, 1, 255) },
      },
    });
    sendAll(queue, 'a', ['next']);

    for (let delivery = 1; delivery <= 3; delivery += 1) {
      const batch = await queue.receive({ maxMessages: 1 });
      expect(batch.map((message) => [message.messageId, message.attributes.ApproximateReceiveCount])).toEqual([
        [poison.messageId, String(delivery)],
      ]);
      clock.advance(10_000);
    }

    expect(bodies(await queue.receive({ maxMessages: 10 }))).toEqual(['next']);
    expect(deadLetters.counts()).toEqual({ visible: 1, inFlight: 0, total: 1 });
    const [dead] = await deadLetters.receive();
    expect(dead).toMatchObject({
      messageId: poison.messageId,
      body: 'poison ☠️',
      md5OfMessageAttributes: md5OfMessageAttributes({
        source: { dataType: 'String', stringValue: 'webhook' },
        raw: { dataType: 'Binary', binaryValue: Uint8Array.of(0, 1, 255) },
      }),
      attributes: { MessageGroupId: 'a', MessageDeduplicationId: 'poison', ApproximateReceiveCount: '4' },
    });
    expect(dead?.messageAttributes.raw?.binaryValue).toEqual(Uint8Array.of(0, 1, 255));
  });

  it('requires a dead-letter queue and maxReceiveCount together', () => {
    expect(() => new FifoQueue('orders.fifo', { maxReceiveCount: 3 })).toThrow(RangeError);
    expect(() => new FifoQueue('orders')).toThrow(RangeError);
  });
});

describe('FifoQueue receipt handles and validation', () => {
  it('treats a second delete as success but rejects a handle it never issued', async () => {
    const queue = new FifoQueue('orders.fifo');
    sendAll(queue, 'a', ['a1']);
    const [message] = await queue.receive();

    queue.delete(message!.receiptHandle);
    queue.delete(message!.receiptHandle);

    expect(queueError(() => queue.delete('not-a-handle')).code).toBe('ReceiptHandleIsInvalid');
    const other = new FifoQueue('other.fifo');
    expect(queueError(() => other.delete(message!.receiptHandle)).code).toBe('ReceiptHandleIsInvalid');
  });

  it('rejects what SQS rejects', () => {
    const queue = new FifoQueue('orders.fifo');
    expect(queueError(() => queue.send({ body: 'x', groupId: '', deduplicationId: 'd' })).code).toBe('MissingParameter');
    expect(queueError(() => queue.send({ body: 'x', groupId: 'has space', deduplicationId: 'd' })).code).toBe('InvalidParameterValue');
    expect(queueError(() => queue.send({ body: 'nul\u0000', groupId: 'a', deduplicationId: 'd' })).code).toBe('InvalidMessageContents');
    expect(queueError(() => queue.send({ body: 'я'.repeat(131_073), groupId: 'a', deduplicationId: 'd' })).code).toBe(
      'InvalidParameterValue',
    );
    expect(
      queueError(() =>
        queue.send({ body: 'x', groupId: 'a', deduplicationId: 'd', messageAttributes: { n: { dataType: 'Number', stringValue: 'abc' } } }),
      ).code,
    ).toBe('InvalidParameterValue');
    expect(queue.send({ body: 'я'.repeat(131_072), groupId: 'a', deduplicationId: 'd' }).duplicate).toBe(false);
  });

  it('drops everything on purge', async () => {
    const queue = new FifoQueue('orders.fifo');
    sendAll(queue, 'a', ['a1', 'a2']);
    const [inFlight] = await queue.receive();

    queue.purge();

    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, total: 0 });
    expect(await queue.receive()).toEqual([]);
    queue.delete(inFlight!.receiptHandle);
  });
});

// Concurrent: these wait on the wall clock, and each has a queue of its own.
describe.concurrent('FifoQueue long polling', () => {
  it('wakes a waiting receive as soon as a message is sent', async () => {
    const queue = new FifoQueue('orders.fifo');
    const startedAt = Date.now();
    const polling = queue.receive({ waitTimeSeconds: 10 });
    setTimeout(() => sendAll(queue, 'a', ['late']), 50);

    expect(bodies(await polling)).toEqual(['late']);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('wakes a waiting receive when an in-flight message times out', async () => {
    const queue = new FifoQueue('orders.fifo', { visibilityTimeoutSeconds: 1 });
    sendAll(queue, 'a', ['a1']);
    await queue.receive();
    const startedAt = Date.now();

    const [again] = await queue.receive({ waitTimeSeconds: 10 });

    expect(again?.attributes.ApproximateReceiveCount).toBe('2');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it('wakes a waiting receive when a locked group is released by a delete', async () => {
    const queue = new FifoQueue('orders.fifo');
    sendAll(queue, 'a', ['a1', 'a2']);
    const [first] = await queue.receive();
    const polling = queue.receive({ waitTimeSeconds: 10 });
    setTimeout(() => queue.delete(first!.receiptHandle), 20);

    expect(bodies(await polling)).toEqual(['a2']);
  });

  it('returns empty when the wait runs out or the poll is aborted', async () => {
    const queue = new FifoQueue('orders.fifo');
    const startedAt = Date.now();
    expect(await queue.receive({ waitTimeSeconds: 1 })).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);

    const stop = new AbortController();
    const polling = queue.receive({ waitTimeSeconds: 20, signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    expect(await polling).toEqual([]);
    sendAll(queue, 'a', ['after']);
    expect(queue.counts()).toEqual({ visible: 1, inFlight: 0, total: 1 });
  });
});

describe('FifoQueue at volume', () => {
  it('drains 20 000 messages in 1 000 groups in order, quickly', async () => {
    const queue = new FifoQueue('volume.fifo');
    const groups = 1_000;
    const perGroup = 20;
    for (let index = 0; index < perGroup; index += 1) {
      for (let group = 0; group < groups; group += 1) {
        queue.send({ body: `${group}:${index}`, groupId: `g${group}`, deduplicationId: `${group}-${index}` });
      }
    }
    const next = new Array<number>(groups).fill(0);
    const startedAt = performance.now();

    let outOfOrder = 0;
    for (let batch = await queue.receive({ maxMessages: 10 }); batch.length > 0; batch = await queue.receive({ maxMessages: 10 })) {
      for (const message of batch) {
        const [group = -1, index] = message.body.split(':').map(Number);
        const expected = next[group] ?? 0;
        if (index !== expected) outOfOrder += 1;
        next[group] = expected + 1;
        queue.delete(message.receiptHandle);
      }
    }

    expect(outOfOrder).toBe(0);
    expect(next.every((count) => count === perGroup)).toBe(true);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
  });

  it('drains one group of 20 000 messages quickly', async () => {
    const queue = new FifoQueue('volume.fifo');
    for (let index = 0; index < 20_000; index += 1) queue.send({ body: String(index), groupId: 'one', deduplicationId: String(index) });
    const startedAt = performance.now();

    const received: string[] = [];
    for (let batch = await queue.receive({ maxMessages: 10 }); batch.length > 0; batch = await queue.receive({ maxMessages: 10 })) {
      for (const message of batch) {
        received.push(message.body);
        queue.delete(message.receiptHandle);
      }
    }

    expect(received).toEqual(Array.from({ length: 20_000 }, (_, index) => String(index)));
    expect(performance.now() - startedAt).toBeLessThan(5_000);
  });
});
