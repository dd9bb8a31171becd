import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InMemoryCatalog } from '../functions/domain/catalog/inMemoryCatalog';

const PAGE_SIZE = 200;

/**
 * The store's product API (README "The store's product API") served from a
 * catalog held here: `GET <mount>/products` in pages with `next` links, as a
 * 1C HTTP service would. A deployment with `-c apiUrl=…` reads its catalog
 * from it when run locally, and the simulator's price changes reach every
 * function through it, as a price change in 1C would.
 */
export function createStoreApiStandIn(catalog: InMemoryCatalog, mount: string) {
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== `${mount}/products`) return false;
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const products = catalog.all();
    const next = start + PAGE_SIZE < products.length ? `${mount}/products?start=${start + PAGE_SIZE}` : null;
    response
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ products: products.slice(start, start + PAGE_SIZE), next }));
    return true;
  };
}
