import * as z from 'zod';
import { customerSchema, deliveryStatusSchema, inboundMessageSchema } from '../domain/whatsapp/inboundMessage';

/**
 * The body of one SQS message between the webhook and the consumer, made of
 * the domain's own schemas. Versioned so that a deploy that changes the shape
 * can still drain the old messages.
 */
export const queuedEventSchema = z.discriminatedUnion('kind', [
  z.object({
    v: z.literal(1),
    kind: z.literal('message'),
    receivedAt: z.number(),
    phoneNumberId: z.string(),
    customer: customerSchema,
    message: inboundMessageSchema,
  }),
  z.object({
    v: z.literal(1),
    kind: z.literal('status'),
    receivedAt: z.number(),
    phoneNumberId: z.string(),
    status: deliveryStatusSchema,
  }),
]);

export type QueuedEvent = z.infer<typeof queuedEventSchema>;

/** FIFO order is per customer: a customer's messages and the statuses of what we sent them share a group. */
export function messageGroupOf(event: QueuedEvent): string {
  return event.kind === 'message' ? event.customer.waId : event.status.recipientId;
}

export function deduplicationIdOf(event: QueuedEvent): string {
  return event.kind === 'message' ? event.message.id : `${event.status.messageId}:${event.status.state}`;
}
