import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { ConsumerLambda } from '../../../local/localRuntime';
import type { Random } from '../../../scripts/seededRandom';

export interface ConsumerFaultOptions {
  random: Random;
  /** Share of invocations that die before handling anything (a cold start that fails, an out-of-memory). */
  crashBeforeRate: number;
  /** Share that handle their batch and then die before Lambda deletes it: everything comes back, already answered. */
  crashAfterRate: number;
  /** WhatsApp message ids whose record always fails, as a poison message does. */
  poison: ReadonlySet<string>;
  /** The function's timeout: past it the event source mapping counts the whole batch as failed, whatever the handler does later. */
  timeoutMs: number;
}

export interface ConsumerFaults {
  wrap: (handler: ConsumerLambda) => ConsumerLambda;
  /** Every failure of a queue message, by its SQS message id, oldest first: the reasons a dead letter has. */
  failures: ReadonlyMap<string, readonly string[]>;
  counts: { invocations: number; crashedBefore: number; crashedAfter: number; poisoned: number };
}

function whatsAppMessageIdOf(record: SQSRecord): string | undefined {
  const event = JSON.parse(record.body) as { kind?: string; message?: { id?: string } };
  return event.kind === 'message' ? event.message?.id : undefined;
}

/**
 * Wraps the consumer Lambda as the event source mapping invokes it and fails
 * it the ways Lambda fails. A poison record is failed before the handler sees
 * it, and so is the rest of its customer's group in the batch, exactly as the
 * FIFO batch processor reports a failure; the handler answers the others.
 */
export function consumerFaults(options: ConsumerFaultOptions): ConsumerFaults {
  const failures = new Map<string, string[]>();
  const counts = { invocations: 0, crashedBefore: 0, crashedAfter: 0, poisoned: 0 };
  const fail = (messageId: string, reason: string) => failures.set(messageId, [...(failures.get(messageId) ?? []), reason]);

  const wrap = (handler: ConsumerLambda): ConsumerLambda => {
    return async (event, context) => {
      counts.invocations += 1;
      if (options.random() < options.crashBeforeRate) {
        counts.crashedBefore += 1;
        for (const record of event.Records) fail(record.messageId, 'consumer crashed before handling its batch');
        throw new Error('injected: consumer crashed before handling its batch');
      }
      const poisonedGroups = new Map<string, string>();
      const handled: SQSRecord[] = [];
      const skipped: SQSBatchItemFailure[] = [];
      for (const record of event.Records) {
        const group = record.attributes.MessageGroupId ?? '';
        const messageId = whatsAppMessageIdOf(record);
        const poisonedBy = poisonedGroups.get(group);
        if (poisonedBy !== undefined) {
          fail(record.messageId, `skipped behind poison message ${poisonedBy} of the same customer`);
          skipped.push({ itemIdentifier: record.messageId });
        } else if (messageId !== undefined && options.poison.has(messageId)) {
          counts.poisoned += 1;
          poisonedGroups.set(group, messageId);
          fail(record.messageId, `poison message ${messageId}`);
          skipped.push({ itemIdentifier: record.messageId });
        } else {
          handled.push(record);
        }
      }
      const timeout = setTimeout(() => {
        for (const record of event.Records) fail(record.messageId, `the invocation timed out after ${options.timeoutMs} ms`);
      }, options.timeoutMs);
      let response: SQSBatchResponse;
      try {
        response = handled.length > 0 ? await handler({ Records: handled }, context) : { batchItemFailures: [] };
      } finally {
        clearTimeout(timeout);
      }
      for (const failure of response.batchItemFailures) fail(failure.itemIdentifier, 'the consumer reported it failed');
      if (options.random() < options.crashAfterRate) {
        counts.crashedAfter += 1;
        for (const record of event.Records) fail(record.messageId, 'consumer crashed after handling its batch');
        throw new Error('injected: consumer crashed after handling its batch');
      }
      return { batchItemFailures: [...response.batchItemFailures, ...skipped] };
    };
  };

  return { wrap, failures, counts };
}
