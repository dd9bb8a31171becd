import type { CatalogQuery, SearchHit } from '../catalog/catalogIndex';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import type { Preferences } from '../preferences/preferences';
import type { OutboundMessage } from '../whatsapp/outboundMessage';

/** The catalog as the conversation needs it: the embedded one, or the store's product API. */
export interface CatalogReader {
  search(query: CatalogQuery): Promise<SearchHit[]>;
  get(productId: string): Promise<Product | undefined>;
}

/** Sends to one customer; the WhatsApp Graph API in production and in `npm start`. */
export interface Messenger {
  send(to: string, message: OutboundMessage, options?: { replyToMessageId?: string }): Promise<{ messageId: string }>;
  markRead(messageId: string): Promise<void>;
}

export interface MemoryEntry {
  role: 'customer' | 'assistant';
  text: string;
  at: number;
}

export interface CustomerProfile {
  waId: string;
  name?: string;
  language: Language;
  firstSeenAt: number;
  lastInboundAt: number;
  messageCount: number;
  preferences: Preferences;
  /** Product ids the customer opened, most recent first. */
  recentViews: string[];
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
}

export interface CustomerRepository {
  load(waId: string, recentLimit: number): Promise<CustomerSnapshot>;
  saveTurn(turn: { profile: CustomerProfile; memory: MemoryEntry[]; sent: SentMessageRecord[] }): Promise<void>;
}

/** "Customers who viewed this also viewed": counts kept per pair of products, with no customer in them. */
export interface ProductViewStats {
  recordCoViews(productId: string, previouslyViewed: readonly string[]): Promise<void>;
  alsoViewed(productId: string, limit: number): Promise<Array<{ productId: string; count: number }>>;
}
