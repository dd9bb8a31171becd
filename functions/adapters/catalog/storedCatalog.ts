import type { Logger } from '@aws-lambda-powertools/logger';
import type { CatalogQuery, SearchHit } from '../../domain/catalog/catalogIndex';
import { InMemoryCatalog } from '../../domain/catalog/inMemoryCatalog';
import type { Product } from '../../domain/catalog/product';
import type { CatalogReader } from '../../domain/conversation/ports';
import { CachedCatalog, type CachedCatalogOptions } from './cachedCatalog';
import type { CatalogStore } from './catalogStore';
import { catalogStoreFromEnvironment, type CatalogEnvironment } from './catalogStoreFromEnvironment';

/**
 * The searchable catalog from its store (the consumer): the index is built
 * at the first read, from the search terms analysed at build when the store
 * has them (the deployed object), or from the products' text (the store's API).
 */
export class StoredCatalog implements CatalogReader {
  private readonly catalog: CachedCatalog<InMemoryCatalog>;

  constructor(store: CatalogStore, options: CachedCatalogOptions) {
    this.catalog = new CachedCatalog(store, ({ products, terms }) => new InMemoryCatalog(products, terms), options);
  }

  async search(query: CatalogQuery): Promise<SearchHit[]> {
    return (await this.catalog.current()).search(query);
  }

  async get(productId: string): Promise<Product | undefined> {
    return (await this.catalog.current()).get(productId);
  }

  async allProducts(options: { fresh?: boolean } = {}): Promise<readonly Product[]> {
    return (options.fresh ? await this.catalog.fresh() : await this.catalog.current()).all();
  }
}

/** The consumer's catalog in AWS: read from its store at first use (catalogStoreFromEnvironment). */
export function storedCatalogFromEnvironment(env: CatalogEnvironment, logger: Pick<Logger, 'warn'>): StoredCatalog {
  return new StoredCatalog(catalogStoreFromEnvironment(env, logger), { cacheSeconds: env.CATALOG_CACHE_SECONDS });
}
