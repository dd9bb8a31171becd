import type { CatalogQuery } from '../catalog/catalogIndex';
import type { Product } from '../catalog/product';
import type { CatalogReader } from '../conversation/ports';

/** What a customer can ask for; the catalog query without the paging and stock details. */
export type ProductFilters = Pick<
  CatalogQuery,
  'text' | 'category' | 'color' | 'style' | 'budgetMin' | 'budgetMax' | 'features' | 'size' | 'sort' | 'excludeIds'
>;

/** The filters a search may loosen when nothing matches, in the order it does. */
export type RelaxableFilter = 'color' | 'style' | 'budgetMax' | 'features' | 'size' | 'text';

export interface SearchOutcome {
  products: Product[];
  /** The filters that were dropped or widened to find anything; empty when the search matched as asked. */
  relaxed: RelaxableFilter[];
}

const RESULT_LIMIT = 10;
const BUDGET_STRETCH = 1.25;

/**
 * The tools both assistants use (the offline one directly, OpenAI through
 * function calling): every product and price a customer sees comes from here,
 * that is from the catalog, never from model text.
 */
export class ShoppingTools {
  constructor(private readonly catalog: CatalogReader) {}

  /**
   * Searches as asked; when nothing matches, relaxes one constraint at a time
   * in the order a salesperson would (color, then style, then a slightly
   * higher budget, then the features and the size, then the free text), so
   * the customer still gets options.
   */
  async searchProducts(filters: ProductFilters, limit = RESULT_LIMIT): Promise<SearchOutcome> {
    const exact = await this.catalog.search(toQuery(filters, limit));
    if (exact.length > 0) return { products: exact.map((hit) => hit.product), relaxed: [] };

    const relaxed: RelaxableFilter[] = [];
    let current: ProductFilters = { ...filters };
    const steps: Array<[RelaxableFilter, (f: ProductFilters) => ProductFilters]> = [
      ['color', ({ color: _color, ...rest }) => rest],
      ['style', ({ style: _style, ...rest }) => rest],
      ['budgetMax', (f) => (f.budgetMax === undefined ? f : { ...f, budgetMax: Math.round(f.budgetMax * BUDGET_STRETCH) })],
      ['features', ({ features: _features, ...rest }) => rest],
      ['size', ({ size: _size, ...rest }) => rest],
      ['text', ({ text: _text, ...rest }) => rest],
    ];
    for (const [field, relax] of steps) {
      const value = current[field];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      current = relax(current);
      relaxed.push(field);
      const hits = await this.catalog.search(toQuery(current, limit));
      if (hits.length > 0) return { products: hits.map((hit) => hit.product), relaxed };
    }
    return { products: [], relaxed };
  }

  getProduct(productId: string): Promise<Product | undefined> {
    return this.catalog.get(productId);
  }

  /** Same category, close in price, preferring the same style and color. */
  async similarProducts(product: Product, limit = RESULT_LIMIT): Promise<Product[]> {
    const around = { budgetMin: Math.round(product.price * 0.6), budgetMax: Math.round(product.price * 1.5) };
    const attempts: CatalogQuery[] = [
      { category: product.category, style: product.style, ...around },
      { category: product.category, ...around },
      { category: product.category },
    ];
    for (const query of attempts) {
      const hits = await this.catalog.search({ ...query, excludeIds: [product.id], limit });
      if (hits.length > 0) return hits.map((hit) => hit.product);
    }
    return [];
  }
}

function toQuery(filters: ProductFilters, limit: number): CatalogQuery {
  return { ...filters, limit };
}
