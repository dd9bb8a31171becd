import type { AiUsage } from '../../assistant/aiUsage';
import type { AssistantReply } from '../../assistant/assistantReply';
import type { Product } from '../../catalog/product';
import type { Language } from '../../language';
import type { PreferenceSignal, Preferences } from '../../preferences/preferences';
import type { ContentOf, Customer, InboundKind } from '../../whatsapp/inboundMessage';
import type { CustomerLocation, MemoryEntry } from '../ports';

/**
 * The turn being answered, as an answerer sees it: what is known about the
 * customer so far (later parts of a burst see what earlier parts taught) and
 * what an answer may do to the turn.
 */
export interface TurnInProgress {
  customer: Customer;
  /** The message being answered (the first of a run of texts). */
  messageId: string;
  language: Language;
  preferences: Preferences;
  /** Products the customer opened, most recent first. */
  recentViews: readonly string[];
  /** Products of the last reply that showed any. */
  lastShown: readonly string[];
  /** What the assistant said last (its summary), if anything: what a service_reply template told the customer was ready. */
  lastAnswer: string | undefined;
  /** The last delivery: a failure is apologised for, then the message goes to the dead-letter queue. */
  finalAttempt: boolean;
  /** Words, typed or heard, answered like a typed text: commands, the assistant engine, the customer's taste. */
  answerText(text: string, heardLanguage?: Language): Promise<AssistantReply>;
  /** A line of the customer's side of the conversation, for the memory the assistant and the manager read. */
  remember(text: string): void;
  /** The last exchanges, this turn's included, oldest first: what the manager reads in a lead. */
  recent(): MemoryEntry[];
  /** The last pin the customer sent, if any. */
  location: CustomerLocation | undefined;
  /** Where the customer is, or wants delivery: kept on their profile for the manager. */
  keepLocation(location: Omit<CustomerLocation, 'at'>): void;
  /** What a message says about the customer's taste (a photo), and what the model calls cost. */
  learn(signal: PreferenceSignal, usage: AiUsage | undefined, memoryText: string): void;
  used(usage: AiUsage | undefined): void;
  /** The customer opened a product: it teaches their taste and pairs it with what they opened before. */
  viewed(product: Product): Promise<void>;
  /** The customer's data is gone: nothing more of this turn may be stored. */
  erased(): void;
  /** The message could not be answered on its last delivery: keep it in the dead-letter queue for this reason. */
  failed(reason: string): void;
  /** True the first time a turn asks about `what`: some answers are given once per turn, however many messages ask. */
  firstTime(what: string): boolean;
}

/** How one kind of customer message is answered; undefined when it is recorded but not answered. */
export type Answerer<K extends InboundKind> = (content: ContentOf<K>, turn: TurnInProgress) => Promise<AssistantReply | undefined>;

/** Every kind has its answerer: a kind added to the inbound schema without one does not compile. */
export type Answerers = { readonly [K in InboundKind]: Answerer<K> };

/** Calls the answerer of the content's own kind. */
export function answerWith(
  answerers: Answerers,
  content: ContentOf<InboundKind>,
  turn: TurnInProgress,
): Promise<AssistantReply | undefined> {
  const answerer = answerers[content.kind] as Answerer<typeof content.kind>;
  return answerer(content, turn);
}
