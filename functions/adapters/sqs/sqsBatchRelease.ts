import { ChangeMessageVisibilityBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { BatchRelease } from '../../consumer/batchRelease';

const SQS_BATCH_LIMIT = 10;

/** The queue URL from a record's queue ARN (arn:aws:sqs:<region>:<account>:<name>), as SQS spells it. */
export function queueUrlOf(queueArn: string): string {
  const [, , , region, account, name] = queueArn.split(':');
  return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
}

/** BatchRelease with ChangeMessageVisibilityBatch: the consumer's role may change visibility on its queue (the event source needs it too). */
export class SqsBatchRelease implements BatchRelease {
  constructor(private readonly client: SQSClient) {}

  async release(records: readonly SQSRecord[]): Promise<void> {
    const byQueue = new Map<string, SQSRecord[]>();
    for (const record of records) byQueue.set(record.eventSourceARN, [...(byQueue.get(record.eventSourceARN) ?? []), record]);
    for (const [queueArn, queued] of byQueue) {
      for (let start = 0; start < queued.length; start += SQS_BATCH_LIMIT) {
        await this.client.send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl: queueUrlOf(queueArn),
            Entries: queued.slice(start, start + SQS_BATCH_LIMIT).map((record, index) => ({
              Id: String(index),
              ReceiptHandle: record.receiptHandle,
              VisibilityTimeout: 0,
            })),
          }),
        );
      }
    }
  }
}
