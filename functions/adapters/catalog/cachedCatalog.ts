import type { StoredProducts } from '../../domain/catalog/catalogDocument';
import { CatalogStoreError, type CatalogStore } from './catalogStore';

export interface CachedCatalogOptions {
  /** How long a read is used before the store is asked again (CATALOG_CACHE_SECONDS). */
  cacheSeconds: number;
  now?: () => number;
}

/**
 * The catalog read from its store once per cold start — at first use, not at
 * init — and kept in memory as `View` (a search index, or products by id).
 * After `cacheSeconds` the next use asks the store again, with the version it
 * holds: S3 answers "not modified" for the deployed object until a deploy
 * changes it, so a warm function sees a new catalog without re-reading an
 * unchanged one. A failed read keeps the last good copy; only a function that
 * never read one fails.
 */
export class CachedCatalog<View> {
  private view: View | undefined;
  private version: string | undefined;
  private checkedAt = 0;
  private reading: Promise<View> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly store: CatalogStore,
    private readonly toView: (stored: StoredProducts) => View,
    private readonly options: CachedCatalogOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The catalog, read or re-checked when the cache has expired. */
  async current(): Promise<View> {
    const stale = this.now() - this.checkedAt > this.options.cacheSeconds * 1000;
    if (this.view !== undefined && !stale) return this.view;
    try {
      return await this.fresh();
    } catch (error) {
      if (this.view !== undefined) return this.view;
      throw error;
    }
  }

  /** The store's catalog now, whatever the cache: the daily price check must see today's prices. */
  fresh(): Promise<View> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<View> {
    const read = await this.store.read(this.view === undefined ? undefined : this.version);
    this.checkedAt = this.now();
    if (read === undefined) {
      if (this.view === undefined) throw new CatalogStoreError(`${this.store.location} answered "not modified" to a first read`);
      return this.view;
    }
    this.view = this.toView(read);
    this.version = read.version;
    return this.view;
  }
}
