import * as z from 'zod';
import rawProducts from '../data/catalog.json' with { type: 'json' };
import { InMemoryCatalog } from '../functions/domain/catalog/inMemoryCatalog';
import { productSchema, type Product } from '../functions/domain/catalog/product';

/**
 * The catalog the local runtime embeds (data/catalog.json): `npm start`
 * passes it to the functions' composition roots, the simulator changes its
 * prices, tests and the eval search it. In AWS the functions read the same
 * file from the catalog bucket, where the stack deploys it
 * (lib/constructs/catalogStore.ts), or the store's API.
 */
export function embeddedProducts(): Product[] {
  return z.array(productSchema).parse(rawProducts);
}

let embedded: InMemoryCatalog | undefined;

/** One embedded catalog per process: in `npm start` every handler and the simulator's price endpoint see the same prices. */
export function embeddedCatalog(): InMemoryCatalog {
  embedded ??= new InMemoryCatalog(embeddedProducts());
  return embedded;
}
