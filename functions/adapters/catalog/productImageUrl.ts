import type { Product } from '../../domain/catalog/product';
import type { ImageUrlResolver } from '../../domain/replies/productMessages';

/** Catalog images may be absolute URLs (the store's API) or paths under the image base URL (the embedded catalog). */
export function productImageUrlResolver(baseUrl: string): ImageUrlResolver {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return (product: Product) => (/^https?:\/\//.test(product.image) ? product.image : new URL(product.image, base).toString());
}
