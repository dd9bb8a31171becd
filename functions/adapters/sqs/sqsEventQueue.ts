import { createHash } from 'node:crypto';
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { EnqueueFailedError, type EventQueue } from '../../contracts/eventQueue';
import type { QueuedEvent } from '../../contracts/queuedEvent';
import { deduplicationIdOf, messageGroupOf } from '../../contracts/queuedEventFifo';

const SQS_BATCH_LIMIT = 10;
const ENTRY_ATTEMPTS = 3;
/** SQS allows 128 characters of alphanumerics and punctuation in group and deduplication ids. */
const SQS_ID = /^[\x21-\x7e]{1,128}$/;

export function sqsSafeId(value: string): string {
  return SQS_ID.test(value) ? value : createHash('sha256').update(value).digest('hex');
}

/**
 * One FIFO message per event: the group keeps a customer's messages in order,
 * the deduplication id (the WhatsApp message id) absorbs Meta's redeliveries
 * within SQS's five-minute window.
 */
export class SqsEventQueue implements EventQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(events: readonly QueuedEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += SQS_BATCH_LIMIT) {
      await this.sendBatch(events.slice(start, start + SQS_BATCH_LIMIT));
    }
  }

  private async sendBatch(events: readonly QueuedEvent[]): Promise<void> {
    let pending: SendMessageBatchRequestEntry[] = events.map((event, index) => ({
      Id: String(index),
      MessageBody: JSON.stringify(event),
      MessageGroupId: sqsSafeId(messageGroupOf(event)),
      MessageDeduplicationId: sqsSafeId(deduplicationIdOf(event)),
    }));
    let lastFailure = '';
    for (let attempt = 1; attempt <= ENTRY_ATTEMPTS && pending.length > 0; attempt += 1) {
      let failedIds: Set<string>;
      try {
        const result = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
        const failed = result.Failed ?? [];
        const senderFault = failed.find((entry) => entry.SenderFault);
        if (senderFault) {
          throw new EnqueueFailedError(`SQS rejected an entry: ${senderFault.Code ?? 'unknown'}`, failed.length);
        }
        failedIds = new Set(failed.map((entry) => entry.Id ?? ''));
        lastFailure = failed[0]?.Code ?? lastFailure;
      } catch (error) {
        if (error instanceof EnqueueFailedError) throw error;
        throw new EnqueueFailedError('SQS did not accept the batch', pending.length, { cause: error });
      }
      pending = pending.filter((entry) => failedIds.has(entry.Id ?? ''));
    }
    if (pending.length > 0) {
      throw new EnqueueFailedError(`SQS failed ${pending.length} entries (${lastFailure})`, pending.length);
    }
  }
}
