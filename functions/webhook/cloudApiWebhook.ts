import * as z from 'zod/mini';

/**
 * The Cloud API's webhook envelope, as Meta documents it. Only the envelope
 * is strict: a body that is not one is refused (400). Inside it every change,
 * message and status is read on its own, so that one odd part never costs the
 * rest, and a field Meta adds tomorrow never turns into a redelivery storm.
 */
export const numericTimestamp = z.pipe(
  z.union([z.string().check(z.regex(/^\d+$/)), z.number().check(z.int(), z.nonnegative())]),
  z.transform(Number),
);

export const cloudApiWebhookSchema = z.object({
  object: z.string(),
  entry: z
    .array(z.looseObject({ id: z.string(), changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })) }))
    .check(z.minLength(1)),
});

export type CloudApiWebhook = z.infer<typeof cloudApiWebhookSchema>;

export const nonEmpty = z.string().check(z.minLength(1));

/** `schema`, or undefined when it is missing or does not fit: one odd field never costs the message. */
export const orUnset = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/** Webhooks of a WhatsApp Business Account; Meta's other products (Instagram, pages) share the endpoint format. */
export const WHATSAPP_OBJECT = 'whatsapp_business_account';

/** A `messages` change: whose number it is for, then its parts, each read on its own. */
export const messagesChangeValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: nonEmpty, display_phone_number: z.optional(z.string()) }),
  contacts: z.optional(z.unknown()),
  messages: z.optional(z.unknown()),
  statuses: z.optional(z.unknown()),
  errors: z.optional(z.unknown()),
});

export type MessagesChangeValue = z.infer<typeof messagesChangeValueSchema>;

/** The fields of a message every kind shares; each is checked on its own (a bad timestamp does not lose the message). */
export const messageHeaderSchema = z.object({
  id: orUnset(z.string().check(z.minLength(1), z.maxLength(256))),
  timestamp: orUnset(numericTimestamp),
  from: orUnset(nonEmpty),
  from_user_id: orUnset(nonEmpty),
  context: orUnset(z.looseObject({ id: z.optional(z.string()) })),
});

export const contactSchema = z.looseObject({
  wa_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  profile: z.optional(z.looseObject({ name: z.optional(z.string()), username: z.optional(z.string()) })),
});

/** The user_id_update webhook: a customer's BSUID changed (their phone number, if shared, stays). */
export const userIdUpdateValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: nonEmpty }),
  user_id_update: z.array(
    z.looseObject({
      wa_id: z.optional(nonEmpty),
      user_id: z.object({ previous: nonEmpty, current: nonEmpty }),
      timestamp: orUnset(numericTimestamp),
    }),
  ),
});

export type CloudApiContact = z.infer<typeof contactSchema>;

export const cloudApiStatusSchema = z.looseObject({
  id: nonEmpty,
  status: nonEmpty,
  timestamp: numericTimestamp,
  recipient_id: z.optional(nonEmpty),
  recipient_user_id: z.optional(nonEmpty),
  conversation: z.optional(z.looseObject({ id: z.optional(z.string()) })),
  pricing: z.optional(
    z.looseObject({
      billable: z.optional(z.boolean()),
      category: z.optional(z.string()),
      pricing_model: z.optional(z.string()),
      type: z.optional(z.string()),
    }),
  ),
  errors: z.optional(z.array(z.looseObject({ code: z.number(), title: z.optional(z.string()) }))),
});

export type CloudApiStatus = z.infer<typeof cloudApiStatusSchema>;
