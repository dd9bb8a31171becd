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
