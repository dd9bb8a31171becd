import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogStoreError } from '../../functions/adapters/catalog/catalogStore';
import { ProductApiStore, type ProductApiOptions } from '../../functions/adapters/catalog/productApiStore';
import { StoredCatalog } from '../../functions/adapters/catalog/storedCatalog';
import { embeddedProducts } from '../../local/embeddedCatalog';

const products = embeddedProducts().slice(0, 60);
let server: Server;
let baseUrl: string;
let requests: string[] = [];
let failing = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (failing) return void response.writeHead(503).end();
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/products') return void response.writeHead(404).end();
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = products.slice((page - 1) * 25, page * 25);
    const body = {
      products: page === 1 ? [...slice, { id: 'BROKEN', name: 'no price' }] : slice,
      next: page * 25 < products.length ? `/api/products?page=${page + 1}` : null,
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The store's API as the consumer reads it: through the catalog cache (functions/adapters/catalog/storedCatalog.ts). */
function productApi(options: Omit<ProductApiOptions, 'baseUrl'> & { cacheSeconds: number; now?: () => number }): StoredCatalog {
  const { cacheSeconds, now, ...api } = options;
  return new StoredCatalog(new ProductApiStore({ baseUrl, ...api }), { cacheSeconds, ...(now ? { now } : {}) });
}

describe('the store product API (API_URL)', () => {
  it('loads every page, skips invalid products, and searches them like the embedded catalog', async () => {
    requests = [];
    const invalid: string[] = [];
    const api = productApi({ cacheSeconds: 300, onInvalidProduct: (issue) => invalid.push(issue.message) });
    const first = products[0]!;
    expect(await api.get(first.id)).toEqual(first);
    expect(await api.get('BROKEN')).toBeUndefined();
    expect(invalid).toHaveLength(1);
    expect(requests).toEqual(['/api/products', '/api/products?page=2', '/api/products?page=3']);
    const hits = await api.search({ category: first.category, limit: 100 });
    expect(hits.length).toBe(products.filter((p) => p.category === first.category && p.stock > 0).length);
  });

  it('serves from memory until the cache expires, then refreshes', async () => {
    let now = 1_000_000;
    const api = productApi({ cacheSeconds: 60, now: () => now });
    requests = [];
    await api.get(products[1]!.id);
    await api.get(products[2]!.id);
    expect(requests).toHaveLength(3);
    now += 61_000;
    await api.get(products[1]!.id);
    expect(requests).toHaveLength(6);
  });

  it('keeps serving the last good copy when a refresh fails, and fails clearly with no copy', async () => {
    let now = 0;
    const api = productApi({ cacheSeconds: 1, now: () => now });
    await api.get(products[0]!.id);
    failing = true;
    now += 5_000;
    expect(await api.get(products[0]!.id)).toEqual(products[0]);
    const cold = productApi({ cacheSeconds: 1 });
    await expect(cold.get(products[0]!.id)).rejects.toBeInstanceOf(CatalogStoreError);
    failing = false;
  });
});
