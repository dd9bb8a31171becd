import type { Logger } from '@aws-lambda-powertools/logger';
import { ProductList } from '../../domain/catalog/productList';
import type { Product } from '../../domain/catalog/product';
import type { ProductSource } from '../../domain/conversation/ports';
import { CachedCatalog, type CachedCatalogOptions } from './cachedCatalog';
import type { CatalogStore } from './catalogStore';
import { catalogStoreFromEnvironment, type CatalogEnvironment } from './catalogStoreFromEnvironment';

/** The catalog's products from its store, without the search index (the price check, follow-ups, catalog pictures). */
export class StoredProductList implements ProductSource {
  private readonly catalog: CachedCatalog<ProductList>;

  constructor(store: CatalogStore, options: CachedCatalogOptions) {
    this.catalog = new CachedCatalog(store, ({ products }) => new ProductList(products), options);
  }

  async get(productId: string): Promise<Product | undefined> {
    return (await this.catalog.current()).get(productId);
  }

  async allProducts(options: { fresh?: boolean } = {}): Promise<readonly Product[]> {
    return (options.fresh ? await this.catalog.fresh() : await this.catalog.current()).all();
  }
}

/** The products in AWS, for the functions that need no search: read from the catalog's store at first use. */
export function storedProductListFromEnvironment(env: CatalogEnvironment, logger: Pick<Logger, 'warn'>): StoredProductList {
  return new StoredProductList(catalogStoreFromEnvironment(env, logger), { cacheSeconds: env.CATALOG_CACHE_SECONDS });
}
