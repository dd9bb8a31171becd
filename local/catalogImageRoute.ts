import type { IncomingMessage, ServerResponse } from 'node:http';
import { embeddedCatalog } from './embeddedCatalog';
import { createCatalogImagesHandler } from '../functions/catalog-images/catalogImagesHandler';
import { toApiGatewayEvent, writeApiGatewayResult } from './apiGatewayEvent';

const IMAGE_PATH = /^\/catalog\/images\/([^/]+)$/;

/** `GET /catalog/images/{file}` through the same handler as the Lambda behind the HTTP API. */
export function createCatalogImageRoute() {
  const handler = createCatalogImagesHandler(embeddedCatalog());
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const match = IMAGE_PATH.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (request.method !== 'GET' || match === null) return false;
    const event = {
      ...toApiGatewayEvent(request, Buffer.alloc(0), 'GET /catalog/images/{file}'),
      pathParameters: { file: match[1] as string },
    };
    writeApiGatewayResult(response, await handler(event));
    return true;
  };
}
