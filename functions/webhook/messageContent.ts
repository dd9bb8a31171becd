import * as z from 'zod/mini';
import type { InboundContent } from '../domain/whatsapp/inboundMessage';
import { nonEmpty, orUnset } from './cloudApiWebhook';

/**
 * What a Cloud API message says, as one of the domain's kinds. Each of Meta's
 * message types is read by its own reader; a type we read that arrives broken
 * is `unreadable` (answered politely), a type we do not read is `unsupported`.
 * Nothing here throws: one odd message never costs the rest of the body.
 */
type Reader = (message: Record<string, unknown>) => InboundContent | undefined;

const caption = orUnset(z.string());
/** Meta documents numbers; other senders put numbers in strings, or placeholders: those become "unknown". */
const coordinate = (limit: number) =>
  orUnset(z.pipe(z.pipe(z.union([z.number(), z.string()]), z.transform(Number)), z.number().check(z.gte(-limit), z.lte(limit))));

const textPart = z.object({ body: z.string() });
const audioPart = z.object({ id: nonEmpty, mime_type: z._default(z.string(), 'audio/ogg'), voice: z._default(z.boolean(), false) });
const imagePart = z.object({ id: nonEmpty, mime_type: z._default(z.string(), 'image/jpeg'), caption });
const otherMediaPart = z.object({ caption });
const replyPart = z.object({ id: z.string(), title: z._default(z.string(), '') });
const interactivePart = z.object({
  type: z.string(),
  button_reply: z.optional(replyPart),
  list_reply: z.optional(replyPart),
  nfm_reply: z.optional(z.object({ name: caption, body: caption })),
  call_permission_reply: z.optional(z.object({ response: z.string() })),
});
const templateButtonPart = z.object({ payload: z._default(z.string(), ''), text: z._default(z.string(), '') });
const reactionPart = z.object({ emoji: orUnset(z.string()) });
const locationPart = z.object({
  latitude: coordinate(90),
  longitude: coordinate(180),
  name: caption,
  address: caption,
});
const contactsPart = z.array(z.unknown());
const orderPart = z.object({
  catalog_id: caption,
  text: caption,
  product_items: z.array(
    z.object({
      product_retailer_id: nonEmpty,
      quantity: z.catch(z.coerce.number().check(z.int(), z.positive()), 1),
      item_price: orUnset(z.coerce.number().check(z.nonnegative())),
      currency: caption,
    }),
  ),
});
const editPart = z.object({
  original_message_id: nonEmpty,
  message: z.catch(
    z.object({
      text: orUnset(textPart),
      image: orUnset(otherMediaPart),
      video: orUnset(otherMediaPart),
      document: orUnset(otherMediaPart),
    }),
    {},
  ),
});
const revokePart = z.object({ original_message_id: nonEmpty });
const identifier = orUnset(nonEmpty);
/** Meta's system notice; `customer` and `new_wa_id` are the names older Graph versions used. */
export const systemPart = z.object({
  type: orUnset(z.string()),
  wa_id: identifier,
  new_wa_id: orUnset(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
  customer: identifier,
  user_id: identifier,
  previous_user_id: identifier,
});

/**
 * A number change regenerates the BSUID too; a BSUID change keeps the number.
 * The old number is `from` (or `customer` in older versions), the new one
 * `wa_id` (`new_wa_id`).
 */
function identityChangeOf(message: Record<string, unknown>) {
  const system = part(systemPart, message.system);
  const from = typeof message.from === 'string' ? message.from : undefined;
  const fromUserId = typeof message.from_user_id === 'string' ? message.from_user_id : undefined;
  const previousUserId = system?.previous_user_id ?? fromUserId;
  switch (system?.type) {
    case 'user_changed_number':
    case 'customer_changed_number':
      return {
        previousPhone: from ?? system.customer,
        newPhone: system.wa_id ?? system.new_wa_id,
        previousUserId,
        newUserId: system.user_id,
      };
    case 'user_changed_user_id':
      return { previousUserId: previousUserId ?? system.customer, newUserId: system.user_id };
    default:
      return undefined;
  }
}
const unsupportedPart = z.object({ type: nonEmpty });

/** The message's part named after its type (`text`, `image`…), read by its schema; undefined when it does not fit. */
function part<T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function interactive(message: Record<string, unknown>): InboundContent | undefined {
  const tap = part(interactivePart, message.interactive);
  if (tap === undefined) return undefined;
  switch (tap.type) {
    case 'button_reply':
      return tap.button_reply && { kind: 'reply', replyId: tap.button_reply.id, title: tap.button_reply.title, source: 'button' };
    case 'list_reply':
      return tap.list_reply && { kind: 'reply', replyId: tap.list_reply.id, title: tap.list_reply.title, source: 'list' };
    case 'nfm_reply':
      return tap.nfm_reply && { kind: 'flow_reply', name: tap.nfm_reply.name, body: tap.nfm_reply.body };
    case 'call_permission_reply':
      return tap.call_permission_reply && { kind: 'call_permission', accepted: tap.call_permission_reply.response === 'accept' };
    default:
      return { kind: 'unsupported', originalType: `interactive:${tap.type}` };
  }
}

function otherMedia(mediaType: 'video' | 'document' | 'sticker'): Reader {
  return (message) => {
    const media = part(otherMediaPart, message[mediaType]);
    return media && { kind: 'other_media', mediaType, caption: media.caption };
  };
}

const READERS: Readonly<Record<string, Reader>> = {
  text: (message) => {
    const text = part(textPart, message.text);
    return text && { kind: 'text', text: text.body };
  },
  audio: (message) => {
    const audio = part(audioPart, message.audio);
    return audio && { kind: 'audio', mediaId: audio.id, mimeType: audio.mime_type, voice: audio.voice };
  },
  image: (message) => {
    const image = part(imagePart, message.image);
    return image && { kind: 'image', mediaId: image.id, mimeType: image.mime_type, caption: image.caption };
  },
  video: otherMedia('video'),
  document: otherMedia('document'),
  sticker: otherMedia('sticker'),
  interactive,
  button: (message) => {
    const button = part(templateButtonPart, message.button);
    return button && { kind: 'reply', replyId: button.payload, title: button.text, source: 'template' };
  },
  request_welcome: () => ({ kind: 'welcome' }),
  reaction: (message) => {
    const reaction = part(reactionPart, message.reaction);
    return { kind: 'reaction', emoji: reaction?.emoji || undefined };
  },
  location: (message) => {
    const location = part(locationPart, message.location);
    return location && { kind: 'location', ...location };
  },
  contacts: (message) => {
    const contacts = part(contactsPart, message.contacts);
    return contacts && { kind: 'contacts', count: contacts.length };
  },
  order: (message) => {
    const order = part(orderPart, message.order);
    if (order === undefined) return undefined;
    const items = order.product_items.map((item) => ({
      productId: item.product_retailer_id,
      quantity: item.quantity,
      itemPrice: item.item_price,
      currency: item.currency,
    }));
    return { kind: 'order', items, catalogId: order.catalog_id, note: order.text || undefined };
  },
  edit: (message) => {
    const edit = part(editPart, message.edit);
    const { text, image, video, document } = edit?.message ?? {};
    const words = text?.body ?? image?.caption ?? video?.caption ?? document?.caption;
    return edit && words !== undefined ? { kind: 'edit', originalMessageId: edit.original_message_id, text: words } : undefined;
  },
  revoke: (message) => {
    const revoke = part(revokePart, message.revoke);
    return revoke && { kind: 'revoke', originalMessageId: revoke.original_message_id };
  },
  system: (message) => ({ kind: 'system', identityChange: identityChangeOf(message) }),
  unsupported: (message) => ({ kind: 'unsupported', originalType: part(unsupportedPart, message.unsupported)?.type ?? 'unsupported' }),
};

/** The first error code Meta attached to a message it could not deliver whole (131000, 131051…). */
function errorCodeOf(errors: unknown): number | undefined {
  const [first] = Array.isArray(errors) ? errors : [];
  const code = typeof first === 'object' && first !== null ? (first as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : undefined;
}

/**
 * The message's content, and whether it was broken. `changeErrors` are the
 * errors Meta put beside the messages (an `interactive` without its object
 * comes with 131000 there, not on the message).
 */
export function contentOf(message: Record<string, unknown>, changeErrors?: unknown): { content: InboundContent; broken: boolean } {
  const type = typeof message.type === 'string' && message.type !== '' ? message.type : 'unknown';
  const reader = READERS[type];
  if (reader === undefined) return { content: { kind: 'unsupported', originalType: type }, broken: false };
  const content = reader(message);
  if (content !== undefined) return { content, broken: false };
  const errorCode = errorCodeOf(message.errors) ?? errorCodeOf(changeErrors);
  return { content: { kind: 'unreadable', originalType: type, errorCode }, broken: true };
}
