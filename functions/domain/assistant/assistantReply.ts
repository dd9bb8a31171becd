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
  /** The engine decided a person should take over (the model's escalate_to_manager). */
  handoffRequested?: boolean;
}
