import { randomUUID } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';
import type { QueuedEvent } from '../../functions/contracts/queuedEvent';
import { deduplicationIdOf, messageGroupOf } from '../../functions/contracts/queuedEventFifo';

let sequence = 0;

/** An SQS record as Lambda's FIFO event source delivers it. */
export function sqsRecord(event: QueuedEvent, receiveCount = 1): SQSRecord {
  sequence += 1;
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: JSON.stringify(event),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'AROAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
      MessageGroupId: messageGroupOf(event),
      MessageDeduplicationId: deduplicationIdOf(event),
      SequenceNumber: String(sequence).padStart(20, '0'),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:test-inbound.fifo',
    awsRegion: 'us-east-1',
  };
}
