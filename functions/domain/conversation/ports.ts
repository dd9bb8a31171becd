import type { CatalogQuery, SearchHit } from '../catalog/catalogIndex';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import type { DialogueState } from '../dialogue/dialogueState';
import type { HandoffState } from '../handoff/handoff';
import type { Preferences } from '../preferences/preferences';
import type { OutboundMessage } from '../whatsapp/outboundMessage';

/** The catalog as the conversation needs it: the embedded one, or the store's product API. */
/** The catalog's products without its search: what the price check, the follow-ups and the catalog pictures need. */
export interface ProductSource {
  get(productId: string): Promise<Product | undefined>;
  /** Every product; `fresh` asks the catalog's store again instead of the cache (the daily price check). */
  allProducts(options?: { fresh?: boolean }): Promise<readonly Product[]>;
}

export interface CatalogReader extends ProductSource {
  search(query: CatalogQuery): Promise<SearchHit[]>;
}

/** Sends to one customer; the WhatsApp Graph API in production and in `npm start`. */
export interface Messenger {
  send(to: string, message: OutboundMessage, options?: { replyToMessageId?: string }): Promise<{ messageId: string }>;
  markRead(messageId: string): Promise<void>;
}

/**
 * How many answers of a turn reached the customer before the turn failed, so
 * that its retry goes on from there instead of sending them again.
 */
export interface TurnProgress {
  sentBefore(waId: string, turnId: string): Promise<number>;
  recordSent(waId: string, turnId: string, sent: number): Promise<void>;
}

export interface MemoryEntry {
  role: 'customer' | 'assistant';
  text: string;
  at: number;
}

/** A pin the customer sent: where they are, or where to deliver. */
export interface CustomerLocation {
  latitude?: number;
  longitude?: number;
  name?: string;
  address?: string;
  /** When they sent it (ms since the epoch). */
  at: number;
}

export interface CustomerProfile {
  /** The customer's key: their phone number, or their BSUID when we met them without one. */
  waId: string;
  name?: string;
  /** The identifiers WhatsApp gave for them, and their username; each kept once known. */
  phone?: string;
  userId?: string;
  username?: string;
  language: Language;
  firstSeenAt: number;
  lastInboundAt: number;
  messageCount: number;
  preferences: Preferences;
  /** Product ids the customer opened, most recent first. */
  recentViews: string[];
  /** The products of the last reply that showed any, for "показать варианты" after a template. */
  lastShown: string[];
  /** Said "стоп": never messaged first (alerts, suggestions) until they say "подписаться". */
  optedOut: boolean;
  /** Handed to a manager: the bot stays silent while it lasts. */
  handoff?: HandoffState;
  /** Turns in a row the assistant did not understand; a few in a row call a person. */
  misunderstandings: number;
  /** The last location the customer sent, for the manager. */
  location?: CustomerLocation;
  /** The conversation as the assistant keeps it in mind: the current search, the last list, the product in focus. */
  dialogue?: DialogueState;
  /** When the customer's follow-up schedule was last moved: it moves at most once a day. */
  followUpMovedAt?: number;
}

export interface CustomerSnapshot {
  profile?: CustomerProfile;
  /** Oldest first, at most the number asked for. */
  recent: MemoryEntry[];
}

export interface SentMessageRecord {
  messageId: string;
  kind: OutboundMessage['kind'];
  at: number;
  /** The template's name when one was sent. */
  template?: string;
  /** A plain-text account of a free-form message, for a template re-send if WhatsApp refuses it later. */
  summary?: string;
  language?: Language;
}

export interface CustomerRepository {
  load(waId: string, recentLimit: number): Promise<CustomerSnapshot>;
  profile(waId: string): Promise<CustomerProfile | undefined>;
  /** Messages sent outside a turn (alerts, suggestions), kept like a turn's for delivery ticks and billing. */
  recordSent(waId: string, sent: readonly SentMessageRecord[]): Promise<void>;
  setOptedOut(waId: string, optedOut: boolean): Promise<void>;
  setHandoff(waId: string, handoff: HandoffState | undefined): Promise<void>;
  /** Records that the customer's follow-up schedule was moved now. */
  markFollowUpMoved(waId: string, at: number): Promise<void>;
  /** Deletes every item of the customer's partition (profile, memory, alerts, sent messages, counters); returns how many. */
  eraseCustomer(waId: string): Promise<number>;
  /** Moves every item of the customer's partition to a new key (a changed number or BSUID); returns how many. */
  moveCustomer(fromWaId: string, toWaId: string): Promise<number>;
  /**
   * Saves what the turn learnt and said, before anything is sent: a failure
   * here retries the turn with nothing sent yet. `turnId` (the first message
   * id) makes the memory keys the same on a retry, so nothing is stored twice.
   */
  saveTurn(turn: { turnId: string; profile: CustomerProfile; memory: MemoryEntry[] }): Promise<void>;
}

/** "Customers who viewed this also viewed": counts kept per pair of products, with no customer in them. */
export interface ProductViewStats {
  recordCoViews(productId: string, previouslyViewed: readonly string[]): Promise<void>;
  alsoViewed(productId: string, limit: number): Promise<Array<{ productId: string; count: number }>>;
}
