import type { SQSRecord } from 'aws-lambda';
import { queuedEventSchema, type QueuedEvent } from '../contracts/queuedEvent';
import type { Turn } from '../domain/conversation/turn';
import type { TemplateUpdate } from '../domain/messaging/templateUpdate';
import type { DeliveryStatus } from '../domain/whatsapp/inboundMessage';
import { IN_ENGLISH } from '../validation/issueMessages';

/** What the consumer does with one SQS record of a batch. */
export type PlannedRecord =
  | { kind: 'status'; status: DeliveryStatus }
  /** Meta changed something about one of the account's templates (its category, its approval). */
  | { kind: 'template'; update: TemplateUpdate }
  /** The first record of a customer's messages in this batch answers all of them as one turn. */
  | { kind: 'turn'; turn: Turn }
  /** A later message of that turn: answered together with the first. */
  | { kind: 'partOfTurn' }
  | { kind: 'unreadable'; reason: string };

export class UnreadableRecordError extends Error {
  override readonly name = 'UnreadableRecordError';
}

function readEvent(record: SQSRecord): QueuedEvent | string {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    return 'body is not JSON';
  }
  const parsed = queuedEventSchema.safeParse(json, IN_ENGLISH);
  return parsed.success ? parsed.data : `body does not match the queued event: ${parsed.error.issues[0]?.message ?? ''}`;
}

/**
 * FIFO batches hold a customer's messages in order, so everything one customer
 * typed in a burst ("хочу диван" / "серый" / "до 300к") becomes one turn.
 */
export function planBatch(records: readonly SQSRecord[], maxReceiveCount: number): Map<string, PlannedRecord> {
  const plan = new Map<string, PlannedRecord>();
  const turns = new Map<string, Turn>();
  for (const record of records) {
    const event = readEvent(record);
    if (typeof event === 'string') {
      plan.set(record.messageId, { kind: 'unreadable', reason: event });
      continue;
    }
    if (event.kind === 'status') {
      plan.set(record.messageId, { kind: 'status', status: event.status });
      continue;
    }
    if (event.kind === 'template') {
      plan.set(record.messageId, { kind: 'template', update: event.template });
      continue;
    }
    const open = turns.get(event.customer.waId);
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    const finalAttempt = receiveCount >= maxReceiveCount;
    const redelivered = receiveCount > 1;
    if (open === undefined) {
      const turn: Turn = {
        customer: event.customer,
        messages: [event.message],
        ...(finalAttempt ? { finalAttempt, lastDeliveries: [event.message.id] } : {}),
        ...(redelivered ? { redelivered } : {}),
      };
      turns.set(event.customer.waId, turn);
      plan.set(record.messageId, { kind: 'turn', turn });
    } else {
      open.messages.push(event.message);
      if (finalAttempt) {
        open.finalAttempt = true;
        open.lastDeliveries = [...(open.lastDeliveries ?? []), event.message.id];
      }
      if (redelivered) open.redelivered = true;
      if (open.customer.name === undefined && event.customer.name !== undefined) open.customer.name = event.customer.name;
      plan.set(record.messageId, { kind: 'partOfTurn' });
    }
  }
  return plan;
}
