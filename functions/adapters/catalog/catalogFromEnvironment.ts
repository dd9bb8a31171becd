import type { Environment } from '../../config/environment';
import { InMemoryCatalog } from '../../domain/catalog/inMemoryCatalog';
import type { CatalogReader } from '../../domain/conversation/ports';
import { embeddedProducts } from './embeddedProducts';
import { HttpProductApi } from './httpProductApi';

let embedded: InMemoryCatalog | undefined;

/**
 * One embedded catalog per process: in `npm start` every handler and the
 * simulator's price endpoint see the same prices.
 */
export function embeddedCatalog(): InMemoryCatalog {
  embedded ??= new InMemoryCatalog(embeddedProducts());
  return embedded;
}

export function catalogFromEnvironment(
  env: Environment,
  onInvalidProduct?: (issue: { index: number; message: string }) => void,
): CatalogReader {
  if (env.API_URL === undefined) return embeddedCatalog();
  return new HttpProductApi({
    baseUrl: env.API_URL,
    cacheSeconds: env.CATALOG_CACHE_SECONDS,
    ...(onInvalidProduct ? { onInvalidProduct } : {}),
  });
}
