import { isOnSale, type Category, type Product } from '../catalog/product';
import type { CatalogReader, ProductViewStats } from '../conversation/ports';
import { favourite, type Preferences } from '../preferences/preferences';
import { COMPLEMENT_PRICE_SHARE, COMPLEMENTS } from './complements';
import { fittingSize } from './complementFit';
import type { RecommendationRequest, Recommender } from './recommender';

/** Scores as the store's spec sets them. */
export const SCORE = { style: 3, color: 2, sale: 1, withinBudget: 1, favouriteCategory: 1, alsoViewed: 2 } as const;

const CANDIDATES = 200;
const DEFAULT_LIMIT = 10;
/** Recent views whose co-viewers are consulted: the newest interest says the most. */
const VIEWS_CONSULTED = 3;

function weight<K extends string>(counts: Partial<Record<K, number>>, key: K): number {
  return counts[key] ?? 0;
}

/**
 * Recommendations from the catalog: every candidate scores by the customer's
 * strongest style (+3) and color (+2), a sale (+1), fitting the budget (+1),
 * their most viewed category (+1) and by being what other customers viewed
 * next to what this one opened (+2); what they already opened is left out.
 */
export class CatalogRecommender implements Recommender {
  constructor(
    private readonly catalog: CatalogReader,
    private readonly viewStats: ProductViewStats,
  ) {}

  async recommend(request: RecommendationRequest): Promise<Product[]> {
    const { preferences } = request;
    const category = request.category ?? favourite(preferences.categories);
    const hits = await this.catalog.search({
      limit: CANDIDATES,
      excludeIds: [...request.viewedProductIds],
      ...(category ? { category } : {}),
      ...(preferences.budgetMax !== undefined ? { budgetMax: Math.round(preferences.budgetMax * 1.1) } : {}),
    });
    const alsoViewed = await this.alsoViewedIds(request.viewedProductIds);
    const scored = hits.map(({ product }) => ({ product, score: this.score(product, preferences, alsoViewed) }));
    scored.sort((a, b) => b.score - a.score || a.product.price - b.product.price);
    return scored.slice(0, request.limit ?? DEFAULT_LIMIT).map((entry) => entry.product);
  }

  async complementsFor(product: Product, preferences: Preferences, limit = 3): Promise<Product[]> {
    const picks: Product[] = [];
    for (const category of COMPLEMENTS[product.category]) {
      const best = await this.bestComplement(category, product, preferences);
      if (best) picks.push(best);
      if (picks.length >= limit) break;
    }
    return picks;
  }

  async alsoViewed(productId: string, limit = 3): Promise<Product[]> {
    const counted = await this.viewStats.alsoViewed(productId, limit * 2);
    const products = await Promise.all(counted.map((entry) => this.catalog.get(entry.productId)));
    return products.filter((product): product is Product => product !== undefined && product.stock > 0).slice(0, limit);
  }

  private async bestComplement(category: Category, anchor: Product, preferences: Preferences): Promise<Product | undefined> {
    const priceCap = category === 'mattress' || category === 'bed' ? undefined : Math.round(anchor.price * COMPLEMENT_PRICE_SHARE);
    // A mattress must be the bed's size: with none that size, none is suggested rather than one that does not fit.
    const size = fittingSize(anchor, category);
    const attempts = [{ category, style: anchor.style, color: anchor.color }, { category, style: anchor.style }, { category }];
    for (const attempt of attempts) {
      const hits = await this.catalog.search({
        ...attempt,
        limit: 20,
        ...(priceCap ? { budgetMax: priceCap } : {}),
        ...(size ? { size } : {}),
      });
      const ranked = hits
        .map(({ product }) => ({ product, score: this.score(product, preferences, new Set()) }))
        .sort((a, b) => b.score - a.score || a.product.price - b.product.price);
      if (ranked[0]) return ranked[0].product;
    }
    return undefined;
  }

  private score(product: Product, preferences: Preferences, alsoViewed: ReadonlySet<string>): number {
    const style = favourite(preferences.styles);
    const color = favourite(preferences.colors);
    const category = favourite(preferences.categories);
    let score = 0;
    if (style !== undefined && product.style === style) score += SCORE.style;
    else if (weight(preferences.styles, product.style) > 0) score += SCORE.style / 3;
    if (color !== undefined && product.color === color) score += SCORE.color;
    else if (weight(preferences.colors, product.color) > 0) score += SCORE.color / 2;
    if (isOnSale(product)) score += SCORE.sale;
    const { budgetMin = 0, budgetMax = Number.POSITIVE_INFINITY } = preferences;
    if (product.price >= budgetMin && product.price <= budgetMax) score += SCORE.withinBudget;
    if (category !== undefined && product.category === category) score += SCORE.favouriteCategory;
    if (alsoViewed.has(product.id)) score += SCORE.alsoViewed;
    return score;
  }

  private async alsoViewedIds(viewed: readonly string[]): Promise<Set<string>> {
    const lists = await Promise.all(viewed.slice(0, VIEWS_CONSULTED).map((id) => this.viewStats.alsoViewed(id, 10)));
    return new Set(lists.flat().map((entry) => entry.productId));
  }
}
