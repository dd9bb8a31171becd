import * as z from 'zod';
import type { QueuedEvent } from '../contracts/queuedEvent';
import { DELIVERY_STATES, type DeliveryState, type DeliveryStatus, type InboundContent } from '../domain/whatsapp/inboundMessage';
import {
  cloudApiWebhookSchema,
  messagesChangeValueSchema,
  type CloudApiMessage,
  type CloudApiStatus,
  type MessagesChangeValue,
} from './cloudApiWebhook';
import { MalformedPayloadError } from './webhookErrors';

const textSchema = z.object({ body: z.string() });
const audioSchema = z.object({ id: z.string().min(1), mime_type: z.string().default('audio/ogg'), voice: z.boolean().default(false) });
const imageSchema = z.object({ id: z.string().min(1), mime_type: z.string().default('image/jpeg'), caption: z.string().optional() });
const replySchema = z.object({ id: z.string(), title: z.string().default('') });
const interactiveSchema = z
  .object({
    type: z.string(),
    button_reply: replySchema.optional(),
    list_reply: replySchema.optional(),
  })
  .passthrough();
const templateButtonSchema = z.object({ payload: z.string().default(''), text: z.string().default('') });
const reactionSchema = z.object({ emoji: z.string().optional() }).passthrough();

function strictPart<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MalformedPayloadError(`${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/**
 * Known message types must be well formed (a text without a body is a broken
 * payload); unknown types are passed on as "unsupported" so the customer gets
 * a polite answer instead of Meta getting an error.
 */
export function contentOf(message: CloudApiMessage): InboundContent {
  const raw = message as Record<string, unknown>;
  const where = `message ${message.id}`;
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: strictPart(textSchema, raw.text, `${where}.text`).body };
    case 'audio': {
      const audio = strictPart(audioSchema, raw.audio, `${where}.audio`);
      return { kind: 'audio', mediaId: audio.id, mimeType: audio.mime_type, voice: audio.voice };
    }
    case 'image': {
      const image = strictPart(imageSchema, raw.image, `${where}.image`);
      return image.caption === undefined
        ? { kind: 'image', mediaId: image.id, mimeType: image.mime_type }
        : { kind: 'image', mediaId: image.id, mimeType: image.mime_type, caption: image.caption };
    }
    case 'interactive': {
      const interactive = strictPart(interactiveSchema, raw.interactive, `${where}.interactive`);
      if (interactive.type === 'button_reply' && interactive.button_reply) {
        return { kind: 'reply', replyId: interactive.button_reply.id, title: interactive.button_reply.title, source: 'button' };
      }
      if (interactive.type === 'list_reply' && interactive.list_reply) {
        return { kind: 'reply', replyId: interactive.list_reply.id, title: interactive.list_reply.title, source: 'list' };
      }
      return { kind: 'unsupported', originalType: `interactive:${interactive.type}` };
    }
    case 'button': {
      const button = strictPart(templateButtonSchema, raw.button, `${where}.button`);
      return { kind: 'reply', replyId: button.payload, title: button.text, source: 'template' };
    }
    case 'request_welcome':
      return { kind: 'welcome' };
    case 'reaction': {
      const reaction = reactionSchema.safeParse(raw.reaction);
      return reaction.success && reaction.data.emoji ? { kind: 'reaction', emoji: reaction.data.emoji } : { kind: 'reaction' };
    }
    case 'system':
      return { kind: 'system' };
    default:
      return { kind: 'unsupported', originalType: message.type };
  }
}

function customerName(value: MessagesChangeValue, waId: string): string | undefined {
  const contact = value.contacts?.find((candidate) => candidate.wa_id === waId || candidate.user_id === waId);
  return contact?.profile?.name ?? value.contacts?.[0]?.profile?.name;
}

function isDeliveryState(state: string): state is DeliveryState {
  return (DELIVERY_STATES as readonly string[]).includes(state);
}

function deliveryStatusOf(status: CloudApiStatus): DeliveryStatus | undefined {
  const recipientId = status.recipient_id ?? status.recipient_user_id;
  if (!isDeliveryState(status.status) || recipientId === undefined) return undefined;
  const result: DeliveryStatus = {
    messageId: status.id,
    state: status.status,
    timestamp: status.timestamp * 1000,
    recipientId,
  };
  if (status.pricing?.category !== undefined) {
    result.pricing = {
      billable: status.pricing.billable ?? false,
      category: status.pricing.category,
      pricingModel: status.pricing.pricing_model ?? 'PMP',
      ...(status.pricing.type === undefined ? {} : { type: status.pricing.type }),
    };
  }
  if (status.conversation?.id !== undefined) result.conversationId = status.conversation.id;
  if (status.errors !== undefined)
    result.errors = status.errors.map(({ code, title }) => (title === undefined ? { code } : { code, title }));
  return result;
}

export interface ParsedWebhook {
  events: QueuedEvent[];
  /** Statuses we do not track (e.g. "deleted") and non-message fields: acknowledged, counted, not queued. */
  ignored: number;
}

/** Turns a verified webhook body into one queued event per message and per delivery status. */
export function parseWebhook(body: unknown, receivedAt: number): ParsedWebhook {
  const envelope = cloudApiWebhookSchema.safeParse(body);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new MalformedPayloadError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const events: QueuedEvent[] = [];
  let ignored = 0;
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        ignored += 1;
        continue;
      }
      const parsed = messagesChangeValueSchema.safeParse(change.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new MalformedPayloadError(`value.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
      }
      const value = parsed.data;
      const phoneNumberId = value.metadata.phone_number_id;
      for (const message of value.messages ?? []) {
        const waId = (message.from ?? message.from_user_id) as string;
        const name = customerName(value, waId);
        events.push({
          v: 1,
          kind: 'message',
          receivedAt,
          phoneNumberId,
          customer: name === undefined ? { waId } : { waId, name },
          message: {
            id: message.id,
            timestamp: message.timestamp * 1000,
            content: contentOf(message),
            ...(message.context?.id === undefined ? {} : { replyToMessageId: message.context.id }),
          },
        });
      }
      for (const status of value.statuses ?? []) {
        const delivery = deliveryStatusOf(status);
        if (delivery === undefined) {
          ignored += 1;
          continue;
        }
        events.push({ v: 1, kind: 'status', receivedAt, phoneNumberId, status: delivery });
      }
    }
  }
  return { events, ignored };
}
