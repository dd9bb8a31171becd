import type { CatalogSort } from '../catalog/catalogSort';
import type { Category, Color } from '../catalog/product';
import type { Feature } from '../catalog/productFeatures';
import type { StoreTopic } from '../store/storeTopics';
import type { ItemMention } from '../understanding/attributes';
import type { Courtesy } from '../understanding/courtesy';
import type { ProductTopic } from '../understanding/productQuestions';
import type { SizeCue } from '../understanding/sizeReading';
import type { SearchFilters } from './dialogueState';

/** The words above a search's products: what the search did. */
export type SearchIntro = 'found' | 'sorted' | 'cheaper' | 'pricier' | 'bigger' | 'smaller' | 'more';

export interface SearchPlan {
  kind: 'search';
  filters: SearchFilters;
  sort?: CatalogSort;
  intro: SearchIntro;
  /** The price «cheaper/dearer than» is measured against, for the intro. */
  pivotPrice?: number;
  /**
   * The search the conversation keeps afterwards, when it differs from `filters`: a bound set by
   * «подешевле» is this turn's, not the customer's budget («самый дешёвый» next must not keep it).
   */
  keep?: SearchFilters;
  /** Already shown («ещё варианты»). */
  exclude: readonly string[];
  /** Features named in this message: when they and the earlier ones together find nothing, these are kept. */
  newFeatures?: readonly Feature[];
  /** When nothing is cheaper (dearer) than what was shown: this search instead, in this order, said so («дешевле нет — вот самые доступные»). */
  fallback?: { filters: SearchFilters; sort: CatalogSort; intro: 'noCheaper' | 'noPricier' };
}

/**
 * What the offline assistant decided to do with a turn, read from the message
 * and the conversation so far. Each kind has its answerer (dialogueAnswerers.ts).
 */
export type Plan =
  | SearchPlan
  | { kind: 'show'; productId: string }
  /** «the fifth one» when the list had four. */
  | { kind: 'beyond'; count: number }
  /** A question about «it» while a list is on screen and nothing was picked. */
  | { kind: 'which' }
  | { kind: 'nothingShown' }
  | {
      kind: 'productQuestion';
      topic: Exclude<ProductTopic, 'compare'> | 'features';
      productId: string;
      features: readonly Feature[];
      tvInches?: number;
      space?: SizeCue;
    }
  | { kind: 'compare'; productIds: readonly string[] }
  /** «А в другом цвете есть?»: the colours the search (or the product's section) has besides the one on screen. */
  | { kind: 'otherColors'; filters: SearchFilters; except?: Color }
  | { kind: 'storeQuestion'; topic: StoreTopic }
  | { kind: 'courtesy'; courtesy: Courtesy }
  /** The product to order, or none: the set put together, or ask which. */
  | { kind: 'buy'; productId?: string }
  /** The customer sent their city, address and payment after being told how to order. */
  | { kind: 'orderDetails' }
  | { kind: 'bundle'; items: readonly ItemMention[]; filters: SearchFilters; budgetMax?: number }
  | { kind: 'total' }
  | { kind: 'complement'; anchorId: string; category?: Category }
  | { kind: 'greeting' }
  | { kind: 'help' }
  | { kind: 'recommend'; category?: Category }
  | { kind: 'notUnderstood' };

export type PlanKind = Plan['kind'];

export interface PlannedTurn {
  plan: Plan;
  /**
   * The offline assistant answers this as well as the model would: a
   * follow-up it resolved against the conversation, a store fact, thanks.
   * With a model available, such turns may stay offline (routedAssistant.ts).
   */
  confident: boolean;
}
