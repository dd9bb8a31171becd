import type { CatalogReader } from '../conversation/ports';
import { CatalogIndex, type CatalogQuery, type SearchHit } from './catalogIndex';
import type { ProductTerms } from './productTerms';
import type { Product } from './product';

/** A catalog held in memory and searched through its index; prices can be replaced while it runs. */
export class InMemoryCatalog implements CatalogReader {
  private index: CatalogIndex;

  /** `terms`: the products' search terms analysed at build, in the same order (CatalogIndex). */
  constructor(products: readonly Product[], terms?: readonly ProductTerms[]) {
    this.index = new CatalogIndex(products, terms);
  }

  async search(query: CatalogQuery): Promise<SearchHit[]> {
    return this.index.search(query);
  }

  async get(productId: string): Promise<Product | undefined> {
    return this.index.get(productId);
  }

  all(): readonly Product[] {
    return this.index.all();
  }

  async allProducts(): Promise<readonly Product[]> {
    return this.index.all();
  }

  replacePrices(prices: Record<string, number>): void {
    this.index = this.index.withPrices(prices);
  }

  get size(): number {
    return this.index.size;
  }
}
