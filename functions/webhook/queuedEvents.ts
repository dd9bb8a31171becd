import { createHash } from 'node:crypto';
import type * as z from 'zod/mini';
import type { QueuedEvent } from '../contracts/queuedEvent';
import { isDeliveryState } from '../domain/whatsapp/deliveryState';
import type { Customer, DeliveryStatus, InboundMessage } from '../domain/whatsapp/inboundMessage';
import { IN_ENGLISH } from '../validation/issueMessages';
import {
  cloudApiStatusSchema,
  cloudApiWebhookSchema,
  contactSchema,
  messageHeaderSchema,
  messagesChangeValueSchema,
  userIdUpdateValueSchema,
  WHATSAPP_OBJECT,
  type CloudApiContact,
  type CloudApiStatus,
} from './cloudApiWebhook';
import { contentOf } from './messageContent';
import { templateEventOf } from './templateChanges';
import { MalformedPayloadError } from './webhookErrors';

/** Parts of a genuine body that are acknowledged (200) but not queued; each is logged and counted. */
export const IGNORED_REASONS = [
  /** `object` is not a WhatsApp Business Account (Instagram, pages share the webhook format). */
  'foreign_object',
  /** A change for another business number than ours. */
  'foreign_number',
  /** A `messages` change without a readable `metadata.phone_number_id`: whose it is cannot be told. */
  'unattributed',
  /** Fields other than `messages` and `user_id_update` (account, template and call updates). */
  'other_field',
  /** Statuses we do not track ("deleted"), or that cannot be read. */
  'untracked_status',
  /** A message with no sender to answer, or that is not an object. */
  'unanswerable_message',
  /** `messages`, `statuses` or `contacts` that is not a list. */
  'malformed_part',
] as const;

export type IgnoredReason = (typeof IGNORED_REASONS)[number];

/** A message queued although something about it was off: its content came broken, its id or time had to be made up. */
export interface OddMessage {
  messageId: string;
  problems: Array<'broken_content' | 'derived_id' | 'timestamp'>;
}

export interface ParsedWebhook {
  events: QueuedEvent[];
  ignored: Partial<Record<IgnoredReason, number>>;
  odd: OddMessage[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function deliveryStatusOf(status: CloudApiStatus): DeliveryStatus | undefined {
  const recipientId = status.recipient_id ?? status.recipient_user_id;
  if (!isDeliveryState(status.status) || recipientId === undefined) return undefined;
  const result: DeliveryStatus = {
    messageId: status.id,
    state: status.status,
    timestamp: status.timestamp * 1000,
    recipientId,
    ...(status.recipient_user_id === undefined ? {} : { recipientUserId: status.recipient_user_id }),
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

/** The same message, delivered again, gets the same made-up id: Meta's redeliveries are still answered once. */
function derivedMessageId(message: Json): string {
  return `wamid.derived.${createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 40)}`;
}

/** Reads one change's `messages`, `statuses` and `contacts` into events; tallies what it leaves out. */
class ChangeReader {
  readonly events: QueuedEvent[] = [];
  readonly odd: OddMessage[] = [];
  readonly ignored: Partial<Record<IgnoredReason, number>> = {};

  constructor(
    private readonly receivedAt: number,
    private readonly phoneNumberId: string,
  ) {}

  ignore(reason: IgnoredReason, count = 1): void {
    if (count > 0) this.ignored[reason] = (this.ignored[reason] ?? 0) + count;
  }

  /** A part that should be a list; anything else is left out, and counted. */
  list(value: unknown): unknown[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.ignore('malformed_part');
    return [];
  }

  read(value: z.infer<typeof messagesChangeValueSchema>): void {
    const contacts = this.list(value.contacts).flatMap((contact) => {
      const parsed = contactSchema.safeParse(contact);
      return parsed.success ? [parsed.data] : [];
    });
    for (const message of this.list(value.messages)) this.message(message, contacts, value.errors);
    for (const status of this.list(value.statuses)) this.status(status);
  }

  private message(raw: unknown, contacts: CloudApiContact[], changeErrors: unknown): void {
    if (!isObject(raw)) return this.ignore('unanswerable_message');
    const header = messageHeaderSchema.parse(raw);
    const { content, broken } = contentOf(raw, changeErrors);
    // A BSUID change notice may name the customer only by the id that changed.
    const identityChange = content.kind === 'system' ? content.identityChange : undefined;
    const userId = header.from_user_id ?? identityChange?.previousUserId;
    const customer = customerOf(header.from, userId, contacts);
    if (customer === undefined) return this.ignore('unanswerable_message');
    const problems: OddMessage['problems'] = [];
    const id = header.id ?? derivedMessageId(raw);
    if (header.id === undefined) problems.push('derived_id');
    if (header.timestamp === undefined) problems.push('timestamp');
    if (broken) problems.push('broken_content');
    if (problems.length > 0) this.odd.push({ messageId: id, problems });
    this.queue(customer, {
      id,
      timestamp: this.timeOf(header.timestamp),
      content,
      ...(header.context?.id === undefined ? {} : { replyToMessageId: header.context.id }),
    });
  }

  /** The user_id_update webhook, as a system notice from the customer: it moves their data like the messages' notices do. */
  userIdUpdates(value: z.infer<typeof userIdUpdateValueSchema>): void {
    for (const update of value.user_id_update) {
      const { previous, current } = update.user_id;
      const customer = customerOf(update.wa_id, previous, []);
      if (customer === undefined) continue;
      this.queue(customer, {
        id: derivedMessageId(update),
        timestamp: this.timeOf(update.timestamp),
        content: { kind: 'system', identityChange: { previousUserId: previous, newUserId: current } },
      });
    }
  }

  private queue(customer: Customer, message: InboundMessage): void {
    this.events.push({ v: 1, kind: 'message', receivedAt: this.receivedAt, phoneNumberId: this.phoneNumberId, customer, message });
  }

  /** WhatsApp's time in seconds, in milliseconds; the time it arrived when Meta's is missing or unreadable. */
  private timeOf(seconds: number | undefined): number {
    return seconds === undefined ? this.receivedAt : seconds * 1000;
  }

  private status(raw: unknown): void {
    const parsed = cloudApiStatusSchema.safeParse(raw);
    const delivery = parsed.success ? deliveryStatusOf(parsed.data) : undefined;
    if (delivery === undefined) return this.ignore('untracked_status');
    this.events.push({ v: 1, kind: 'status', receivedAt: this.receivedAt, phoneNumberId: this.phoneNumberId, status: delivery });
  }
}

/**
 * Who wrote: their phone number and BSUID as far as WhatsApp shares them, and
 * the name and username of their contact entry. `waId` is the phone number,
 * or the BSUID when the number is withheld (a customer with a username).
 */
function customerOf(phone: string | undefined, userId: string | undefined, contacts: readonly CloudApiContact[]): Customer | undefined {
  const contact =
    contacts.find(
      (candidate) => (phone !== undefined && candidate.wa_id === phone) || (userId !== undefined && candidate.user_id === userId),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const bsuid = userId ?? contact?.user_id;
  const waId = phone ?? bsuid;
  if (waId === undefined) return undefined;
  return {
    waId,
    ...(phone === undefined ? {} : { phone }),
    ...(bsuid === undefined ? {} : { userId: bsuid }),
    ...(contact?.profile?.username ? { username: contact.profile.username } : {}),
    ...(contact?.profile?.name ? { name: contact.profile.name } : {}),
  };
}

/**
 * Turns a verified webhook body into one queued event per message and per
 * delivery status of our business number. Only a body that is not a webhook
 * envelope at all is refused; within a genuine one, changes for another
 * number or product and parts we cannot read are left out and reported.
 */
export function parseWebhook(body: unknown, receivedAt: number, phoneNumberId: string): ParsedWebhook {
  const envelope = cloudApiWebhookSchema.safeParse(body, IN_ENGLISH);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new MalformedPayloadError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const reader = new ChangeReader(receivedAt, phoneNumberId);
  const changes = envelope.data.entry.flatMap((entry) => entry.changes);
  if (envelope.data.object !== WHATSAPP_OBJECT) {
    reader.ignore('foreign_object', changes.length);
    return { events: [], ignored: reader.ignored, odd: [] };
  }
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages' && change.field !== 'user_id_update') {
        // A template's category or approval is queued; account and call updates are not followed.
        const template = templateEventOf(change, entry, receivedAt);
        if (template === undefined) reader.ignore('other_field');
        else reader.events.push(template);
        continue;
      }
      const value = (change.field === 'messages' ? messagesChangeValueSchema : userIdUpdateValueSchema).safeParse(change.value);
      if (!value.success) reader.ignore('unattributed');
      else if (value.data.metadata.phone_number_id !== phoneNumberId) reader.ignore('foreign_number');
      else if ('user_id_update' in value.data) reader.userIdUpdates(value.data as z.infer<typeof userIdUpdateValueSchema>);
      else reader.read(value.data);
    }
  }
  return { events: reader.events, ignored: reader.ignored, odd: reader.odd };
}
