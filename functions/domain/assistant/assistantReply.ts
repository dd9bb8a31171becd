import type { DialogueState } from '../dialogue/dialogueState';
import type { HandoffReason } from '../handoff/handoff';
import type { Language } from '../language';
import type { PreferenceSignal } from '../preferences/preferences';
import type { OutboundMessage } from '../whatsapp/outboundMessage';
import type { AiUsage } from './aiUsage';

/** What an assistant decided to say for one turn, before it is sent. */
export interface AssistantReply {
  messages: OutboundMessage[];
  language: Language;
  /** A plain-text account of the reply, kept in the conversation memory. */
  summary: string;
  intent: string;
  productIds: string[];
  /** Which engine answered: the language model, or the offline assistant (also as a fallback). */
  engine?: 'openai' | 'offline';
  usage?: AiUsage[];
  /** Tastes the customer stated that the engine noticed (the model's track_preference calls). */
  preferenceSignals?: PreferenceSignal[];
  /** The engine decided a person should take over (the model's escalate_to_manager, an order, a question the facts do not answer). */
  handoffRequested?: boolean;
  /** Why, when the engine says (the offline assistant does); the messages above then stay, and the handoff notice follows them. */
  handoffReason?: HandoffReason;
  /** What the person is called for, for the manager: the product to order, the question asked. */
  handoffSubject?: string;
  /** The conversation after this reply (the offline assistant's dialogue state); otherwise the products shown update it. */
  dialogue?: DialogueState;
  /** False when the engine did not understand the customer: a few in a row call a person. */
  understood?: boolean;
}
