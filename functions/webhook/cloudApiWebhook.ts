import * as z from 'zod';

/**
 * The Cloud API's webhook envelope, as Meta documents it. Only the envelope
 * is strict: a body that is not one is refused (400). Inside it every change,
 * message and status is read on its own, so that one odd part never costs the
 * rest, and a field Meta adds tomorrow never turns into a redelivery storm.
 */
export const numericTimestamp = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);

export const cloudApiWebhookSchema = z.object({
  object: z.string(),
  entry: z
    .array(
      z
        .object({
          id: z.string(),
          changes: z.array(z.object({ field: z.string(), value: z.unknown() }).passthrough()),
        })
        .passthrough(),
    )
    .min(1),
});

export type CloudApiWebhook = z.infer<typeof cloudApiWebhookSchema>;

/** Webhooks of a WhatsApp Business Account; Meta's other products (Instagram, pages) share the endpoint format. */
export const WHATSAPP_OBJECT = 'whatsapp_business_account';

/** A `messages` change: whose number it is for, then its parts, each read on its own. */
export const messagesChangeValueSchema = z
  .object({
    metadata: z.object({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }).passthrough(),
    contacts: z.unknown().optional(),
    messages: z.unknown().optional(),
    statuses: z.unknown().optional(),
    errors: z.unknown().optional(),
  })
  .passthrough();

export type MessagesChangeValue = z.infer<typeof messagesChangeValueSchema>;

/** The fields of a message every kind shares; each is checked on its own (a bad timestamp does not lose the message). */
export const messageHeaderSchema = z.object({
  id: z.string().min(1).max(256).optional().catch(undefined),
  timestamp: numericTimestamp.optional().catch(undefined),
  from: z.string().min(1).optional().catch(undefined),
  from_user_id: z.string().min(1).optional().catch(undefined),
  context: z.object({ id: z.string().optional() }).passthrough().optional().catch(undefined),
});

export const contactSchema = z
  .object({
    wa_id: z.string().optional(),
    user_id: z.string().optional(),
    profile: z.object({ name: z.string().optional(), username: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

/** The user_id_update webhook: a customer's BSUID changed (their phone number, if shared, stays). */
export const userIdUpdateValueSchema = z
  .object({
    metadata: z.object({ phone_number_id: z.string().min(1) }).passthrough(),
    user_id_update: z.array(
      z
        .object({
          wa_id: z.string().min(1).optional(),
          user_id: z.object({ previous: z.string().min(1), current: z.string().min(1) }),
          timestamp: numericTimestamp.optional().catch(undefined),
        })
        .passthrough(),
    ),
  })
  .passthrough();

export type CloudApiContact = z.infer<typeof contactSchema>;

export const cloudApiStatusSchema = z
  .object({
    id: z.string().min(1),
    status: z.string().min(1),
    timestamp: numericTimestamp,
    recipient_id: z.string().min(1).optional(),
    recipient_user_id: z.string().min(1).optional(),
    conversation: z.object({ id: z.string().optional() }).passthrough().optional(),
    pricing: z
      .object({
        billable: z.boolean().optional(),
        category: z.string().optional(),
        pricing_model: z.string().optional(),
        type: z.string().optional(),
      })
      .passthrough()
      .optional(),
    errors: z.array(z.object({ code: z.number(), title: z.string().optional() }).passthrough()).optional(),
  })
  .passthrough();

export type CloudApiStatus = z.infer<typeof cloudApiStatusSchema>;
