import type { Turn } from '../../domain/conversation/turn';
import type { Feature } from '../../domain/cost/features';
import { parseReplyId } from '../../domain/replies/replyIds';
import type { DeliveryStatus, InboundKind } from '../../domain/whatsapp/inboundMessage';
import { currentMeter } from '../usageMeterContext';

/** The work each kind of message is booked to: a kind without its feature does not compile. */
const FEATURE_OF_KIND = {
  text: 'text',
  audio: 'voice',
  image: 'image',
  reply: 'interactive',
  welcome: 'welcome',
  reaction: 'other',
  system: 'other',
  unsupported: 'other',
  unreadable: 'other',
  order: 'interactive',
  location: 'interactive',
  edit: 'text',
  revoke: 'other',
  flow_reply: 'interactive',
  call_permission: 'interactive',
  other_media: 'other',
  contacts: 'other',
} as const satisfies Record<InboundKind, Feature>;

/**
 * What a customer's turn tells the ledger before it is answered: who it is
 * for, what kind of work it is, and the customer's side of the analytics
 * (messages, voice notes, photos, product cards opened from a list or button).
 */
export function meterTurn(turn: Turn): void {
  const meter = currentMeter();
  if (meter === undefined) return;
  meter.receivedFrom(turn.customer.waId, turn.messages.length);
  meter.count('turns');
  for (const { content } of turn.messages) {
    meter.useFeature(FEATURE_OF_KIND[content.kind]);
    if (content.kind === 'audio') meter.count('voice_notes');
    if (content.kind === 'image') meter.count('photos');
    if (content.kind === 'order') meter.count('orders');
    if (content.kind === 'reply' && parseReplyId(content.replyId)?.action === 'product') meter.count('product_cards_opened');
  }
}

/** A delivery status belongs to the customer the message went to. */
export function meterStatus(status: DeliveryStatus): void {
  currentMeter()?.serveCustomer(status.recipientId);
}
