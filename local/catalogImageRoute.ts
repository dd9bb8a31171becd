import type { IncomingMessage, ServerResponse } from 'node:http';
import { embeddedCatalog } from '../functions/adapters/catalog/catalogFromEnvironment';
import { renderProductImage } from '../functions/domain/catalog/productImage';

const IMAGE_PATH = /^\/catalog\/images\/([A-Za-z0-9_-]+)\.png$/;

/**
 * Serves the embedded catalog's pictures so that product cards show with no
 * internet: drawn once per product and kept in memory.
 */
export function createCatalogImageRoute() {
  const cache = new Map<string, Buffer>();
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const match = IMAGE_PATH.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (request.method !== 'GET' || match === null) return false;
    const productId = match[1] as string;
    let png = cache.get(productId);
    if (png === undefined) {
      const product = await embeddedCatalog().get(productId);
      if (product === undefined) {
        response.writeHead(404).end();
        return true;
      }
      png = renderProductImage(product);
      cache.set(productId, png);
    }
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'public, max-age=86400' }).end(png);
    return true;
  };
}
