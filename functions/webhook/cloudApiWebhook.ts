import * as z from 'zod';

/**
 * The Cloud API's webhook envelope, as Meta documents it. Only what the
 * assistant relies on is strict; everything else passes through so that a
 * field Meta adds tomorrow does not turn into a 400 and a redelivery storm.
 */
const numericTimestamp = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);

export const cloudApiMessageSchema = z
  .object({
    id: z.string().min(1).max(256),
    timestamp: numericTimestamp,
    type: z.string().min(1),
    from: z.string().min(1).optional(),
    from_user_id: z.string().min(1).optional(),
    context: z.object({ id: z.string().optional(), from: z.string().optional() }).passthrough().optional(),
  })
  .passthrough()
  .refine((message) => message.from !== undefined || message.from_user_id !== undefined, {
    message: 'a message needs from or from_user_id',
  });

export type CloudApiMessage = z.infer<typeof cloudApiMessageSchema>;

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

const contactSchema = z
  .object({
    wa_id: z.string().optional(),
    user_id: z.string().optional(),
    profile: z.object({ name: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

const changeValueSchema = z
  .object({
    messaging_product: z.string().optional(),
    metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }).passthrough(),
    contacts: z.array(contactSchema).optional(),
    messages: z.array(cloudApiMessageSchema).optional(),
    statuses: z.array(cloudApiStatusSchema).optional(),
    errors: z.array(z.object({ code: z.number() }).passthrough()).optional(),
  })
  .passthrough();

export const cloudApiWebhookSchema = z.object({
  object: z.string(),
  entry: z
    .array(
      z
        .object({
          id: z.string(),
          changes: z.array(
            z
              .object({
                field: z.string(),
                value: z.unknown(),
              })
              .passthrough(),
          ),
        })
        .passthrough(),
    )
    .min(1),
});

export type CloudApiWebhook = z.infer<typeof cloudApiWebhookSchema>;

/** Only `messages` changes carry conversations; other fields (account updates, templates) are acknowledged and ignored. */
export const messagesChangeValueSchema = changeValueSchema;
export type MessagesChangeValue = z.infer<typeof changeValueSchema>;
