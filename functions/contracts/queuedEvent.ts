import * as z from 'zod';
import type { Customer, DeliveryStatus, InboundMessage } from '../domain/whatsapp/inboundMessage';

/**
 * The body of one SQS message between the webhook and the consumer. Versioned
 * so that a deploy that changes the shape can still drain the old messages.
 */
export type QueuedEvent =
  | { v: 1; kind: 'message'; receivedAt: number; phoneNumberId: string; customer: Customer; message: InboundMessage }
  | { v: 1; kind: 'status'; receivedAt: number; phoneNumberId: string; status: DeliveryStatus };

const contentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('audio'), mediaId: z.string(), mimeType: z.string(), voice: z.boolean() }),
  z.object({ kind: z.literal('image'), mediaId: z.string(), mimeType: z.string(), caption: z.string().optional() }),
  z.object({
    kind: z.literal('reply'),
    replyId: z.string(),
    title: z.string(),
    source: z.enum(['button', 'list', 'template']),
  }),
  z.object({ kind: z.literal('welcome') }),
  z.object({ kind: z.literal('reaction'), emoji: z.string().optional() }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('unsupported'), originalType: z.string() }),
]);

export const queuedEventSchema: z.ZodType<QueuedEvent> = z.discriminatedUnion('kind', [
  z.object({
    v: z.literal(1),
    kind: z.literal('message'),
    receivedAt: z.number(),
    phoneNumberId: z.string(),
    customer: z.object({ waId: z.string().min(1), name: z.string().optional() }),
    message: z.object({
      id: z.string().min(1),
      timestamp: z.number(),
      content: contentSchema,
      replyToMessageId: z.string().optional(),
    }),
  }),
  z.object({
    v: z.literal(1),
    kind: z.literal('status'),
    receivedAt: z.number(),
    phoneNumberId: z.string(),
    status: z.object({
      messageId: z.string(),
      state: z.enum(['sent', 'delivered', 'read', 'failed']),
      timestamp: z.number(),
      recipientId: z.string(),
      pricing: z
        .object({
          billable: z.boolean(),
          category: z.string(),
          pricingModel: z.string(),
          type: z.string().optional(),
        })
        .optional(),
      conversationId: z.string().optional(),
      errors: z.array(z.object({ code: z.number(), title: z.string().optional() })).optional(),
    }),
  }),
]);

/** FIFO order is per customer: a customer's messages and the statuses of what we sent them share a group. */
export function messageGroupOf(event: QueuedEvent): string {
  return event.kind === 'message' ? event.customer.waId : event.status.recipientId;
}

export function deduplicationIdOf(event: QueuedEvent): string {
  return event.kind === 'message' ? event.message.id : `${event.status.messageId}:${event.status.state}`;
}
