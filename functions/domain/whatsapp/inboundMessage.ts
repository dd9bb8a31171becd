/**
 * A customer's message as the domain sees it: one of a few kinds of content,
 * already lifted out of the Cloud API's webhook shape.
 */
export type InboundContent =
  | { kind: 'text'; text: string }
  | { kind: 'audio'; mediaId: string; mimeType: string; voice: boolean }
  | { kind: 'image'; mediaId: string; mimeType: string; caption?: string }
  /** A tap on a reply button, a list row or a template quick reply. */
  | { kind: 'reply'; replyId: string; title: string; source: 'button' | 'list' | 'template' }
  /** The customer opened the chat for the first time (Meta's request_welcome). */
  | { kind: 'welcome' }
  /** Emoji reactions and system notices: recorded, never answered. */
  | { kind: 'reaction'; emoji?: string }
  | { kind: 'system' }
  | { kind: 'unsupported'; originalType: string };

export interface Customer {
  /** Phone number in international form without "+", or the business-scoped user id when the number is withheld. */
  waId: string;
  name?: string;
}

export interface InboundMessage {
  id: string;
  /** Milliseconds since the epoch, from WhatsApp's timestamp. */
  timestamp: number;
  content: InboundContent;
  /** The message this one replies to (the customer swiped to reply). */
  replyToMessageId?: string;
}

export const DELIVERY_STATES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface PricingInfo {
  billable: boolean;
  category: string;
  pricingModel: string;
  type?: string;
}

/** What WhatsApp says happened to a message we sent. */
export interface DeliveryStatus {
  messageId: string;
  state: DeliveryState;
  timestamp: number;
  recipientId: string;
  pricing?: PricingInfo;
  conversationId?: string;
  errors?: Array<{ code: number; title?: string }>;
}
