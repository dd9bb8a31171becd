import * as z from 'zod';
import { productSchema, type Product } from '../../domain/catalog/product';
import { CatalogStoreError, type CatalogRead, type CatalogStore } from './catalogStore';

const productPageSchema = z.object({
  products: z.array(z.unknown()),
  next: z.string().nullish(),
});

/**
 * What one catalog load may take: a furniture store has a few thousand
 * products, so a `next` chain past these is a broken or hostile API, not a
 * catalog. The limits keep a refresh bounded in time, memory and requests.
 */
export const PRODUCT_API_LIMITS = { maxPages: 200, maxProducts: 50_000, maxPageBytes: 5 * 1024 * 1024 } as const;

export interface ProductApiOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  onInvalidProduct?: (issue: { index: number; message: string }) => void;
}

/**
 * The store's product API (the 1C or any HTTP service, README "The store's
 * product API"): `GET {API_URL}/products` returns `{ products: Product[],
 * next?: url }`, page after page. Products come from outside, so each is
 * validated here and an invalid one is skipped and reported; the search
 * index analyses their text when it is built.
 */
export class ProductApiStore implements CatalogStore {
  readonly location: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ProductApiOptions) {
    this.location = new URL('products', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).toString();
    this.fetchImpl = options.fetch ?? fetch;
  }

  async read(): Promise<CatalogRead> {
    const products: Product[] = [];
    const origin = new URL(this.location).origin;
    const visited = new Set<string>();
    let url: string | undefined = this.location;
    while (url !== undefined) {
      // `next` is the store's to give, but only within its own API: never another host (the request would carry
      // nothing secret, but the function would fetch whatever a compromised API points it at), never a page twice.
      if (new URL(url).origin !== origin) throw new CatalogStoreError(`product API paged to another origin: ${new URL(url).origin}`);
      if (visited.has(url)) throw new CatalogStoreError('product API paged in a loop');
      if (visited.size >= PRODUCT_API_LIMITS.maxPages)
        throw new CatalogStoreError(`product API has more than ${PRODUCT_API_LIMITS.maxPages} pages`);
      visited.add(url);
      const response = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        redirect: 'error',
      });
      if (!response.ok) throw new CatalogStoreError(`product API answered ${response.status}`);
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > PRODUCT_API_LIMITS.maxPageBytes) throw new CatalogStoreError(`product API page of ${declared} bytes`);
      const text = await response.text();
      if (Buffer.byteLength(text) > PRODUCT_API_LIMITS.maxPageBytes) throw new CatalogStoreError('product API page too large');
      const page = productPageSchema.parse(JSON.parse(text));
      page.products.forEach((candidate, index) => {
        const parsed = productSchema.safeParse(candidate);
        if (parsed.success) products.push(parsed.data);
        else this.options.onInvalidProduct?.({ index, message: parsed.error.issues[0]?.message ?? 'invalid' });
      });
      if (products.length > PRODUCT_API_LIMITS.maxProducts) {
        throw new CatalogStoreError(`product API has more than ${PRODUCT_API_LIMITS.maxProducts} products`);
      }
      url = page.next ? new URL(page.next, url).toString() : undefined;
    }
    if (products.length === 0) throw new CatalogStoreError('product API returned no valid products');
    return { products };
  }
}
