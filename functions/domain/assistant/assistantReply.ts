import type { Language } from '../language';
import type { OutboundMessage } from '../whatsapp/outboundMessage';

/** What an assistant decided to say for one turn, before it is sent. */
export interface AssistantReply {
  messages: OutboundMessage[];
  language: Language;
  /** A plain-text account of the reply, kept in the conversation memory. */
  summary: string;
  intent: string;
  productIds: string[];
}
