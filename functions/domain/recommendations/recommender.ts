import type { Category, Product } from '../catalog/product';
import type { Preferences } from '../preferences/preferences';

export interface RecommendationRequest {
  preferences: Preferences;
  /** Products the customer already opened, most recent first: excluded from the result. */
  viewedProductIds: readonly string[];
  category?: Category;
  limit?: number;
}

/** Proposes products a customer is likely to want, from their preferences and what others viewed. */
export interface Recommender {
  recommend(request: RecommendationRequest): Promise<Product[]>;
  /** Products of other categories that go with this one ("к дивану подойдёт журнальный столик"). */
  complementsFor(product: Product, preferences: Preferences, limit?: number): Promise<Product[]>;
  /** What other customers opened next to this product, most often first. */
  alsoViewed(productId: string, limit?: number): Promise<Product[]>;
}
