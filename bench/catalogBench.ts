import { performance } from 'node:perf_hooks';
import { embeddedProducts } from '../local/embeddedCatalog';
import { filtersFrom } from '../functions/domain/assistant/offlineAssistant';
import { ShoppingTools, type ProductFilters } from '../functions/domain/assistant/shoppingTools';
import { CatalogIndex } from '../functions/domain/catalog/catalogIndex';
import { InMemoryCatalog } from '../functions/domain/catalog/inMemoryCatalog';
import { understand } from '../functions/domain/understanding/understand';
import { LABELLED } from '../test/understanding/labelled';
import { summarize, type TimingSummary } from './stats';
import { syntheticCatalog } from './syntheticCatalog';

export interface CatalogFigures {
  products: number;
  buildMs: number;
  /** One CatalogIndex.search per query. */
  search: TimingSummary;
  /** ShoppingTools.searchProducts: what a turn pays, relaxing filters when nothing matches. */
  turnSearch: TimingSummary;
}

export interface CatalogResults {
  sizes: CatalogFigures[];
  queries: number;
}

const SIZES = [1_000, 10_000, 100_000];
const ROUNDS = 5;

/** The searches customers ask for: the labelled messages with a product in mind, read by the offline understanding. */
function customerQueries(): ProductFilters[] {
  return LABELLED.filter((message) => ['search', 'recommend', 'price_alert'].includes(message.expected.intent)).map((message) =>
    filtersFrom(understand(message.text), message.text),
  );
}

async function timeEach(queries: readonly ProductFilters[], search: (query: ProductFilters) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const query of queries) {
      const started = performance.now();
      await search(query);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

/** Index build time and per-query time at 1k, 10k and 100k products synthesised from data/catalog.json. */
export async function benchCatalog(): Promise<CatalogResults> {
  const base = embeddedProducts();
  const queries = customerQueries();
  const sizes: CatalogFigures[] = [];
  for (const size of SIZES) {
    const products = syntheticCatalog(base, size);
    const started = performance.now();
    const index = new CatalogIndex(products);
    const buildMs = performance.now() - started;
    const tools = new ShoppingTools(new InMemoryCatalog(products));
    await timeEach(queries, (query) => index.search({ ...query, limit: 10 }));
    const search = summarize(await timeEach(queries, (query) => index.search({ ...query, limit: 10 })));
    await timeEach(queries, (query) => tools.searchProducts(query));
    const turnSearch = summarize(await timeEach(queries, (query) => tools.searchProducts(query)));
    sizes.push({ products: size, buildMs, search, turnSearch });
  }
  return { sizes, queries: queries.length };
}
