import * as z from 'zod/mini';
import { DELIVERY_STATES } from './deliveryState';

/**
 * A customer's message as the domain sees it: one of a few kinds of content,
 * already lifted out of the Cloud API's webhook shape.
 *
 * The kinds are one schema: the domain types are inferred from it, the queued
 * event between the webhook and the consumer reuses it, the conversation has
 * one answerer per kind (`{[K in InboundKind]: Answerer<K>}`) and metering one
 * feature per kind (`satisfies Record<InboundKind, Feature>`). A new kind is a
 * line here, an answerer and its registry entry; the compiler names every
 * place that still lacks it.
 */
export const inboundContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('audio'), mediaId: z.string(), mimeType: z.string(), voice: z.boolean() }),
  z.object({ kind: z.literal('image'), mediaId: z.string(), mimeType: z.string(), caption: z.optional(z.string()) }),
  /** A tap on a reply button, a list row or a template quick reply. */
  z.object({ kind: z.literal('reply'), replyId: z.string(), title: z.string(), source: z.enum(['button', 'list', 'template']) }),
  /** The customer opened the chat for the first time (Meta's request_welcome). */
  z.object({ kind: z.literal('welcome') }),
  /** Emoji reactions and system notices: recorded, never answered. */
  z.object({ kind: z.literal('reaction'), emoji: z.optional(z.string()) }),
  /**
   * WhatsApp's notices about the customer's account; `identityChange` when
   * they changed their number (user_changed_number) or their business-scoped
   * user id changed (user_changed_user_id, the user_id_update webhook).
   */
  z.object({
    kind: z.literal('system'),
    identityChange: z.optional(
      z.object({
        previousPhone: z.optional(z.string()),
        newPhone: z.optional(z.string()),
        previousUserId: z.optional(z.string()),
        newUserId: z.optional(z.string()),
      }),
    ),
  }),
  /** A type the assistant does not handle (Meta's own `unsupported`, polls, a new interactive type…). */
  z.object({ kind: z.literal('unsupported'), originalType: z.string() }),
  /** A type the assistant handles, arrived broken (Meta sends an `interactive` without its object, with error 131000). */
  z.object({ kind: z.literal('unreadable'), originalType: z.string(), errorCode: z.optional(z.number()) }),
  /** A cart sent from the catalog: product ids (the store's retailer ids) and quantities. */
  z.object({
    kind: z.literal('order'),
    catalogId: z.optional(z.string()),
    note: z.optional(z.string()),
    items: z.array(
      z.object({ productId: z.string(), quantity: z.number(), itemPrice: z.optional(z.number()), currency: z.optional(z.string()) }),
    ),
  }),
  /** A pin: where the customer is, or where to deliver. */
  z.object({
    kind: z.literal('location'),
    latitude: z.optional(z.number()),
    longitude: z.optional(z.number()),
    name: z.optional(z.string()),
    address: z.optional(z.string()),
  }),
  /** The customer edited a message: its new words. */
  z.object({ kind: z.literal('edit'), originalMessageId: z.string(), text: z.string() }),
  /** The customer deleted a message for everyone. */
  z.object({ kind: z.literal('revoke'), originalMessageId: z.string() }),
  /** A WhatsApp Flow form sent back (nfm_reply); the answers stay with the conversation, never in logs. */
  z.object({ kind: z.literal('flow_reply'), name: z.optional(z.string()), body: z.optional(z.string()) }),
  /** The customer's answer to a request to call them on WhatsApp. */
  z.object({ kind: z.literal('call_permission'), accepted: z.boolean() }),
  /** Media the assistant does not look into: video, documents, stickers; a caption is read as text. */
  z.object({
    kind: z.literal('other_media'),
    mediaType: z.enum(['video', 'document', 'sticker']),
    caption: z.optional(z.string()),
  }),
  /** Contact cards the customer shared. */
  z.object({ kind: z.literal('contacts'), count: z.number() }),
]);

export type InboundContent = z.infer<typeof inboundContentSchema>;
export type InboundKind = InboundContent['kind'];
export type ContentOf<K extends InboundKind> = Extract<InboundContent, { kind: K }>;

export const customerSchema = z.object({
  /**
   * Who the customer is to us. From the webhook, the id WhatsApp gave: their
   * phone number (international form, no "+") or, when the number is
   * withheld, their business-scoped user id (BSUID, e.g. KZ.1502576394655843).
   * Once resolved (domain/identity), the stable key their data is kept under,
   * whichever of the two they write with.
   */
  waId: z.string().check(z.minLength(1)),
  /** The phone number, when WhatsApp shares it. */
  phone: z.optional(z.string()),
  /** The business-scoped user id (BSUID), when WhatsApp gives it (every webhook since April 2026). */
  userId: z.optional(z.string()),
  /** The WhatsApp username, when the customer has one. */
  username: z.optional(z.string()),
  name: z.optional(z.string()),
});

export type Customer = z.infer<typeof customerSchema>;

export const inboundMessageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Milliseconds since the epoch, from WhatsApp's timestamp. */
  timestamp: z.number(),
  content: inboundContentSchema,
  /** The message this one replies to (the customer swiped to reply). */
  replyToMessageId: z.optional(z.string()),
});

export type InboundMessage = z.infer<typeof inboundMessageSchema>;

const pricingInfoSchema = z.object({
  billable: z.boolean(),
  category: z.string(),
  pricingModel: z.string(),
  type: z.optional(z.string()),
});

export type PricingInfo = z.infer<typeof pricingInfoSchema>;

/** What WhatsApp says happened to a message we sent. */
export const deliveryStatusSchema = z.object({
  messageId: z.string(),
  state: z.enum(DELIVERY_STATES),
  timestamp: z.number(),
  /** The phone number the message went to, or the BSUID when there is none. */
  recipientId: z.string(),
  /** The BSUID of the recipient, when WhatsApp gives it. */
  recipientUserId: z.optional(z.string()),
  pricing: z.optional(pricingInfoSchema),
  conversationId: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ code: z.number(), title: z.optional(z.string()) }))),
});

export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;
