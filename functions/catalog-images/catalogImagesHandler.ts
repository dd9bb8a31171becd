import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ProductSource } from '../domain/conversation/ports';
import { renderProductImage } from '../domain/catalog/productImage';

const IMAGE_FILE = /^([A-Za-z0-9_-]{1,64})\.png$/;
/** WhatsApp fetches the picture each time a card is sent; CDNs and Meta may cache it for a day. */
const CACHE_CONTROL = 'public, max-age=86400';

/**
 * Serves the catalog's pictures (`GET /catalog/images/{file}`) so
 * product cards have a public image URL when there is no store API with its
 * own images. Pictures are drawn once per warm container.
 */
export function createCatalogImagesHandler(catalog: Pick<ProductSource, 'get'>) {
  const drawn = new Map<string, string>();
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const match = IMAGE_FILE.exec(event.pathParameters?.file ?? '');
    const productId = match?.[1];
    const product = productId === undefined ? undefined : await catalog.get(productId);
    if (productId === undefined || product === undefined) {
      return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    }
    let body = drawn.get(productId);
    if (body === undefined) {
      body = renderProductImage(product).toString('base64');
      drawn.set(productId, body);
    }
    return { statusCode: 200, headers: { 'content-type': 'image/png', 'cache-control': CACHE_CONTROL }, body, isBase64Encoded: true };
  };
}
