import * as z from 'zod/mini';
import { templateUpdateSchema } from '../domain/messaging/templateUpdate';
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
  /** A change to one of the account's templates (its category, its approval). */
  z.object({
    v: z.literal(1),
    kind: z.literal('template'),
    receivedAt: z.number(),
    wabaId: z.string(),
    template: templateUpdateSchema,
  }),
]);

export type QueuedEvent = z.infer<typeof queuedEventSchema>;

/**
 * FIFO order is per customer: a customer's messages share a group. The
 * statuses of what we sent them have a group of their own per customer: their
 * order against the messages does not matter (ticks only move forward, by
 * their own timestamps), and a slow turn must not hold back the ticks and
 * charges behind it. A template's changes share one group.
 */
export function messageGroupOf(event: QueuedEvent): string {
  switch (event.kind) {
    case 'message':
      return event.customer.waId;
    case 'status':
      return `STATUS#${event.status.recipientId}`;
    case 'template':
      return `TEMPLATE#${event.template.name}`;
  }
}

export function deduplicationIdOf(event: QueuedEvent): string {
  switch (event.kind) {
    case 'message':
      return event.message.id;
    case 'status':
      return `${event.status.messageId}:${event.status.state}`;
    case 'template': {
      const { template } = event;
      const what = template.kind === 'status' ? template.status : template.category;
      return `template:${template.templateId}:${template.language}:${template.kind}:${what}:${template.at}`;
    }
  }
}
