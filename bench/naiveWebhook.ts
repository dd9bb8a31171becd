import { createHmac } from 'node:crypto';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import * as z from 'zod';

/**
 * The webhook as it is usually first written, for comparison: JSON.parse the
 * body, check the signature over the re-serialised JSON (which breaks as soon
 * as Meta escapes a character differently), parse everything with one full
 * zod schema, and send each message with its own SendMessage call.
 */
const reply = z.object({ id: z.string(), title: z.string() });
const message = z.object({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.enum(['text', 'audio', 'image', 'interactive', 'button', 'reaction', 'sticker', 'document', 'location', 'contacts', 'system']),
  context: z.object({ from: z.string().optional(), id: z.string().optional() }).optional(),
  text: z.object({ body: z.string() }).optional(),
  audio: z.object({ id: z.string(), mime_type: z.string(), sha256: z.string().optional(), voice: z.boolean().optional() }).optional(),
  image: z.object({ id: z.string(), mime_type: z.string(), sha256: z.string().optional(), caption: z.string().optional() }).optional(),
  interactive: z
    .object({
      type: z.enum(['button_reply', 'list_reply']),
      button_reply: reply.optional(),
      list_reply: reply.extend({ description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string(), text: z.string() }).optional(),
});
const status = z.object({
  id: z.string(),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: z.string(),
  recipient_id: z.string(),
  conversation: z
    .object({ id: z.string(), origin: z.object({ type: z.string() }).optional(), expiration_timestamp: z.string().optional() })
    .optional(),
  pricing: z.object({ billable: z.boolean(), pricing_model: z.string(), category: z.string(), type: z.string().optional() }).optional(),
});
const webhook = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            messaging_product: z.literal('whatsapp'),
            metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string() }),
            contacts: z.array(z.object({ profile: z.object({ name: z.string() }), wa_id: z.string() })).optional(),
            messages: z.array(message).optional(),
            statuses: z.array(status).optional(),
          }),
        }),
      ),
    }),
  ),
});

export function naiveWebhookHandler(sqs: SQSClient, queueUrl: string, appSecret: string) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const payload: unknown = JSON.parse(event.body ?? '');
    const expected = `sha256=${createHmac('sha256', appSecret).update(JSON.stringify(payload)).digest('hex')}`;
    if (event.headers['x-hub-signature-256'] !== expected) return { statusCode: 401, body: 'bad signature' };
    const parsed = webhook.safeParse(payload);
    if (!parsed.success) return { statusCode: 400, body: parsed.error.message };
    for (const entry of parsed.data.entry) {
      for (const change of entry.changes) {
        for (const inbound of change.value.messages ?? []) {
          await sqs.send(
            new SendMessageCommand({
              QueueUrl: queueUrl,
              MessageBody: JSON.stringify(inbound),
              MessageGroupId: inbound.from,
              MessageDeduplicationId: inbound.id,
            }),
          );
        }
      }
    }
    return { statusCode: 200, body: 'ok' };
  };
}
