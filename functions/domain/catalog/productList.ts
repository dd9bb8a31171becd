import type { ProductSource } from '../conversation/ports';
import type { Product } from './product';

/** The catalog's products by id (the first of an id, as the search index keeps it), without an index: for the functions that only look products up. */
export class ProductList implements Pick<ProductSource, 'get'> {
  private readonly byId: ReadonlyMap<string, Product>;

  constructor(readonly products: readonly Product[]) {
    const byId = new Map<string, Product>();
    for (const product of products) if (!byId.has(product.id)) byId.set(product.id, product);
    this.byId = byId;
  }

  async get(productId: string): Promise<Product | undefined> {
    return this.byId.get(productId);
  }

  all(): readonly Product[] {
    return this.products;
  }
}
