import type { Context, SQSBatchItemFailure, SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { EventSourceMappingError, SqsEventSourceMapping, type SqsBatchHandler } from '../../../local/sqs/eventSourceMapping';
import { FifoQueue } from '../../../local/sqs/fifoQueue';
import { md5OfMessageBody } from '../../../local/sqs/messageDigests';

const QUEUE_ARN = 'arn:aws:sqs:eu-central-1:000000000000:events.fifo';
const lambda = { functionName: 'zeta-consumer', timeoutMs: 5_000, memoryMb: 512 };
const waitOptions = { timeout: 8_000, interval: 20 };

interface MappingSettings {
  readonly batchSize?: number;
  readonly timeoutMs?: number;
}

/** Runs a mapping for the length of `body`, handing it the errors reported so far, and always stops it. */
async function withMapping(
  queue: FifoQueue,
  handler: SqsBatchHandler,
  settings: MappingSettings,
  body: (errors: EventSourceMappingError[], mapping: SqsEventSourceMapping) => Promise<void>,
): Promise<void> {
  const errors: EventSourceMappingError[] = [];
  const mapping = new SqsEventSourceMapping({
    queue,
    queueArn: QUEUE_ARN,
    handler,
    lambda: { ...lambda, timeoutMs: settings.timeoutMs ?? lambda.timeoutMs },
    batchSize: settings.batchSize ?? 10,
    maximumConcurrency: 2,
    pollWaitSeconds: 1,
    onError: (error) => errors.push(error),
  });
  mapping.start();
  try {
    await body(errors, mapping);
  } finally {
    await mapping.stop();
  }
}

function send(queue: FifoQueue, groupId: string, body: string): string {
  return queue.send({ body, groupId, deduplicationId: `${groupId}:${body}` }).messageId;
}

// Concurrent: redeliveries wait out real visibility timeouts, and each test has a queue of its own.
describe.concurrent('SqsEventSourceMapping', () => {
  it('hands the handler a real-shaped SQS event and Lambda context, and deletes what it handled', async () => {
    const queue = new FifoQueue('events.fifo');
    const messageId = queue.send({
      body: 'Хочу кресло 🪑',
      groupId: '79990001122',
      deduplicationId: 'wamid.1',
      messageAttributes: {
        kind: { dataType: 'String', stringValue: 'message' },
        raw: { dataType: 'Binary', binaryValue: Uint8Array.of(1, 2) },
      },
    }).messageId;
    const invocations: { event: SQSEvent; context: Context; remainingMs: number }[] = [];
    const handler: SqsBatchHandler = async (event, context) => {
      invocations.push({ event, context, remainingMs: context.getRemainingTimeInMillis() });
    };

    await withMapping(queue, handler, {}, async (errors) => {
      await vi.waitFor(() => expect(queue.counts().total).toBe(0), waitOptions);
      expect(errors).toEqual([]);
    });

    expect(invocations).toHaveLength(1);
    const [{ event, context, remainingMs }] = invocations as [(typeof invocations)[number]];
    expect(event.Records).toHaveLength(1);
    const record = event.Records[0] as SQSRecord;
    expect(record).toMatchObject({
      messageId,
      body: 'Хочу кресло 🪑',
      md5OfBody: md5OfMessageBody('Хочу кресло 🪑'),
      md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'eu-central-1',
      attributes: {
        ApproximateReceiveCount: '1',
        MessageGroupId: '79990001122',
        MessageDeduplicationId: 'wamid.1',
        SequenceNumber: expect.stringMatching(/^\d{20}$/),
        SentTimestamp: expect.stringMatching(/^\d+$/),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
        SenderId: expect.any(String),
      },
      messageAttributes: {
        kind: { dataType: 'String', stringValue: 'message', stringListValues: [], binaryListValues: [] },
        raw: { dataType: 'Binary', binaryValue: 'AQI=', stringListValues: [], binaryListValues: [] },
      },
    });
    expect(typeof record.receiptHandle).toBe('string');
    expect(context).toMatchObject({
      functionName: 'zeta-consumer',
      memoryLimitInMB: '512',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:zeta-consumer',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(remainingMs).toBeGreaterThan(4_000);
    expect(remainingMs).toBeLessThanOrEqual(5_000);
  });

  it('deletes the records not reported as failed and redelivers the failed ones, keeping each group in order', async () => {
    const queue = new FifoQueue('events.fifo', { visibilityTimeoutSeconds: 1 });
    const groups = ['g1', 'g2', 'g3'];
    for (let index = 1; index <= 4; index += 1) for (const group of groups) send(queue, group, `${group}-${index}`);
    const failOnce = new Set(['g1-2', 'g3-1']);
    const handled = new Map<string, string[]>(groups.map((group) => [group, []]));
    const redeliveryCounts = new Map<string, string>();
    const busyGroups = new Set<string>();
    let overlappingGroups = 0;
    const handler: SqsBatchHandler = async (event) => {
      const eventGroups = new Set(event.Records.map((record) => record.attributes.MessageGroupId!));
      for (const group of eventGroups) if (busyGroups.has(group)) overlappingGroups += 1;
      for (const group of eventGroups) busyGroups.add(group);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const batchItemFailures: SQSBatchItemFailure[] = [];
      const stoppedGroups = new Set<string>();
      // As a FIFO handler must: after a record fails, the rest of its group in the batch fails too.
      for (const record of event.Records) {
        const group = record.attributes.MessageGroupId!;
        if (failOnce.delete(record.body)) stoppedGroups.add(group);
        if (stoppedGroups.has(group)) {
          batchItemFailures.push({ itemIdentifier: record.messageId });
          continue;
        }
        if (record.attributes.ApproximateReceiveCount !== '1') redeliveryCounts.set(record.body, record.attributes.ApproximateReceiveCount);
        handled.get(group)!.push(record.body);
      }
      for (const group of eventGroups) busyGroups.delete(group);
      return { batchItemFailures };
    };

    await withMapping(queue, handler, { batchSize: 5 }, async (errors) => {
      await vi.waitFor(() => expect(queue.counts().total).toBe(0), waitOptions);
      expect(errors).toEqual([]);
    });

    for (const group of groups) expect(handled.get(group)).toEqual([1, 2, 3, 4].map((index) => `${group}-${index}`));
    expect(redeliveryCounts.get('g1-2')).toBe('2');
    expect(redeliveryCounts.get('g3-1')).toBe('2');
    expect(redeliveryCounts.has('g2-1')).toBe(false);
    expect(overlappingGroups).toBe(0);
  });

  it('sends a message that always fails to the dead-letter queue after maxReceiveCount, losing nothing', async () => {
    const deadLetters = new FifoQueue('events-dlq.fifo');
    const queue = new FifoQueue('events.fifo', { visibilityTimeoutSeconds: 1, maxReceiveCount: 2, deadLetterQueue: deadLetters });
    const ids = new Map(['a-1', 'poison', 'a-3'].map((body) => [body, send(queue, 'a', body)]));
    for (const body of ['b-1', 'b-2']) ids.set(body, send(queue, 'b', body));
    const handled: string[] = [];
    const handler: SqsBatchHandler = async (event) => {
      const failedGroups = new Set<string>();
      const batchItemFailures: SQSBatchItemFailure[] = [];
      for (const record of event.Records) {
        const group = record.attributes.MessageGroupId!;
        if (record.body === 'poison') failedGroups.add(group);
        if (failedGroups.has(group)) batchItemFailures.push({ itemIdentifier: record.messageId });
        else handled.push(record.body);
      }
      return { batchItemFailures };
    };

    await withMapping(queue, handler, {}, async (errors) => {
      await vi.waitFor(() => expect(queue.counts().total).toBe(0), waitOptions);
      expect(errors).toEqual([]);
    });

    // One batch holds all of group a, so a-3, failed behind the poison, is delivered as often and redriven with it.
    const dead = await deadLetters.receive({ maxMessages: 10 });
    expect(dead.map((message) => [message.messageId, message.body])).toEqual([
      [ids.get('poison'), 'poison'],
      [ids.get('a-3'), 'a-3'],
    ]);
    expect([...handled].sort()).toEqual(['a-1', 'b-1', 'b-2']);
    expect(handled.filter((body) => body.startsWith('b-'))).toEqual(['b-1', 'b-2']);
  });

  it('leaves the whole batch for redelivery when the handler throws, and reports it', async () => {
    const queue = new FifoQueue('events.fifo', { visibilityTimeoutSeconds: 1 });
    for (const body of ['m1', 'm2']) send(queue, 'a', body);
    const deliveries: string[][] = [];
    const handler: SqsBatchHandler = async (event) => {
      deliveries.push(event.Records.map((record) => `${record.body}#${record.attributes.ApproximateReceiveCount}`));
      if (deliveries.length === 1) throw new Error('database unavailable');
    };

    await withMapping(queue, handler, {}, async (errors) => {
      await vi.waitFor(() => expect(queue.counts().total).toBe(0), waitOptions);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ failure: 'handler-threw', cause: new Error('database unavailable') });
      expect(errors[0]?.event?.Records).toHaveLength(2);
    });

    expect(deliveries).toEqual([
      ['m1#1', 'm2#1'],
      ['m1#2', 'm2#2'],
    ]);
  });

  it('fails the whole batch when batchItemFailures names no record of it', async () => {
    const queue = new FifoQueue('events.fifo', { visibilityTimeoutSeconds: 30 });
    send(queue, 'a', 'm1');

    await withMapping(
      queue,
      async () => ({ batchItemFailures: [{ itemIdentifier: '' }] }),
      {},
      async (errors) => {
        await vi.waitFor(() => expect(errors).toHaveLength(1), waitOptions);
        expect(errors[0]?.failure).toBe('invalid-batch-response');
      },
    );

    expect(queue.counts()).toEqual({ visible: 0, inFlight: 1, total: 1 });
  });

  it('abandons an invocation at the function timeout and leaves its batch in flight', async () => {
    const queue = new FifoQueue('events.fifo', { visibilityTimeoutSeconds: 30 });
    send(queue, 'a', 'slow');
    const slowHandler: SqsBatchHandler = () => new Promise((resolve) => setTimeout(resolve, 2_000));

    await withMapping(queue, slowHandler, { timeoutMs: 100 }, async (errors) => {
      await vi.waitFor(() => expect(errors).toHaveLength(1), waitOptions);
      expect(errors[0]).toMatchObject({ failure: 'handler-timed-out', message: 'Task timed out after 0.10 seconds' });
    });

    expect(queue.counts()).toEqual({ visible: 0, inFlight: 1, total: 1 });
  });

  it('stops polling at once but lets the invocation under way finish', async () => {
    const queue = new FifoQueue('events.fifo');
    send(queue, 'a', 'm1');
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const handler: SqsBatchHandler = async () => {
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    };

    await withMapping(queue, handler, {}, async (errors, mapping) => {
      await handlerStarted;
      let stopped = false;
      const stopping = mapping.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(errors).toEqual([]);
    });

    expect(queue.counts().total).toBe(0);
    send(queue, 'a', 'after-stop');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queue.counts()).toEqual({ visible: 1, inFlight: 0, total: 1 });
  });

  it('refuses settings Lambda refuses', () => {
    const queue = new FifoQueue('events.fifo');
    const options = { queue, queueArn: QUEUE_ARN, handler: async () => undefined, lambda };
    expect(() => new SqsEventSourceMapping({ ...options, batchSize: 11 })).toThrow(RangeError);
    expect(() => new SqsEventSourceMapping({ ...options, maximumConcurrency: 1 })).toThrow(RangeError);
    expect(() => new SqsEventSourceMapping({ ...options, queueArn: 'arn:aws:sqs:us-east-1:000000000000:other.fifo' })).toThrow(RangeError);
  });
});
