import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogStoreError } from '../../functions/adapters/catalog/catalogStore';
import { PRODUCT_API_LIMITS, ProductApiStore } from '../../functions/adapters/catalog/productApiStore';
import { embeddedProducts } from '../../local/embeddedCatalog';

/**
 * Issue 17: the product API's `next` link was followed anywhere, any number
 * of times. A store API that is broken or compromised must not make the
 * functions fetch another host, loop forever or load without end.
 */
const [product] = embeddedProducts();
let store: Server;
let elsewhere: Server;
let storeUrl: string;
let elsewhereUrl: string;
const storeRequests: string[] = [];
const elsewhereRequests: string[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    elsewhereRequests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ products: [] }));
  });
  elsewhereUrl = await listen(elsewhere);
  store = createServer((request, response) => {
    storeRequests.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const page = Number(url.searchParams.get('page') ?? '1');
    const next = {
      '/elsewhere/products': `${elsewhereUrl}/internal/metadata`,
      '/loop/products': '/loop/products?page=1',
      '/endless/products': `/endless/products?page=${page + 1}`,
    }[url.pathname];
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ products: [{ ...product, id: `P${page}` }], next }));
  });
  storeUrl = await listen(store);
});
afterAll(async () => {
  await Promise.all([store, elsewhere].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('paging through the product API', () => {
  it('never follows `next` to another origin', async () => {
    const api = new ProductApiStore({ baseUrl: `${storeUrl}/elsewhere` });
    await expect(api.read()).rejects.toBeInstanceOf(CatalogStoreError);
    expect(elsewhereRequests).toEqual([]);
  });

  it('stops a `next` that loops back to a page it read', async () => {
    storeRequests.length = 0;
    const api = new ProductApiStore({ baseUrl: `${storeUrl}/loop` });
    await expect(api.read()).rejects.toThrow(/loop/);
    expect(storeRequests.length).toBeLessThanOrEqual(2);
  });

  it(`stops after ${PRODUCT_API_LIMITS.maxPages} pages`, async () => {
    storeRequests.length = 0;
    const api = new ProductApiStore({ baseUrl: `${storeUrl}/endless` });
    await expect(api.read()).rejects.toThrow(/pages/);
    expect(storeRequests.length).toBe(PRODUCT_API_LIMITS.maxPages);
  }, 20_000);
});
