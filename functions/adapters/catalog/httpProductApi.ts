import * as z from 'zod';
import type { CatalogQuery, SearchHit } from '../../domain/catalog/catalogIndex';
import { InMemoryCatalog } from '../../domain/catalog/inMemoryCatalog';
import { productSchema, type Product } from '../../domain/catalog/product';
import type { CatalogReader } from '../../domain/conversation/ports';

const productPageSchema = z.object({
  products: z.array(z.unknown()),
  next: z.string().nullish(),
});

export class ProductApiError extends Error {
  override readonly name = 'ProductApiError';
}

/**
 * What one catalog load may take: a furniture store has a few thousand
 * products, so a `next` chain past these is a broken or hostile API, not a
 * catalog. The limits keep a refresh bounded in time, memory and requests.
 */
export const PRODUCT_API_LIMITS = { maxPages: 200, maxProducts: 50_000, maxPageBytes: 5 * 1024 * 1024 } as const;

export interface ProductApiOptions {
  baseUrl: string;
  cacheSeconds: number;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  onInvalidProduct?: (issue: { index: number; message: string }) => void;
}

/**
 * The store's product API (the 1C or any HTTP service, README "Product API"):
 * `GET {API_URL}/products` returns `{ products: Product[], next?: url }`. The
 * whole catalog is held in memory and searched locally — a furniture store's
 * few thousand items fit easily — and refreshed every `cacheSeconds`. If a
 * refresh fails, the last good copy keeps serving.
 */
export class HttpProductApi implements CatalogReader {
  private catalog: InMemoryCatalog | undefined;
  private loadedAt = 0;
  private loading: Promise<InMemoryCatalog> | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: ProductApiOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  async search(query: CatalogQuery): Promise<SearchHit[]> {
    return (await this.current()).search(query);
  }

  async get(productId: string): Promise<Product | undefined> {
    return (await this.current()).get(productId);
  }

  async allProducts(options: { fresh?: boolean } = {}): Promise<readonly Product[]> {
    return (options.fresh ? await this.refresh() : await this.current()).all();
  }

  /** Fresh from the API regardless of the cache: the price-alert check must see today's prices. */
  async refresh(): Promise<InMemoryCatalog> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async current(): Promise<InMemoryCatalog> {
    const stale = this.now() - this.loadedAt > this.options.cacheSeconds * 1000;
    if (this.catalog !== undefined && !stale) return this.catalog;
    try {
      return await this.refresh();
    } catch (error) {
      if (this.catalog !== undefined) return this.catalog;
      throw error;
    }
  }

  private async load(): Promise<InMemoryCatalog> {
    const products: Product[] = [];
    const first = new URL('products', this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    const visited = new Set<string>();
    let url: string | undefined = first.toString();
    while (url !== undefined) {
      // `next` is the store's to give, but only within its own API: never another host (the request would carry
      // nothing secret, but the function would fetch whatever a compromised API points it at), never a page twice.
      if (new URL(url).origin !== first.origin) throw new ProductApiError(`product API paged to another origin: ${new URL(url).origin}`);
      if (visited.has(url)) throw new ProductApiError('product API paged in a loop');
      if (visited.size >= PRODUCT_API_LIMITS.maxPages)
        throw new ProductApiError(`product API has more than ${PRODUCT_API_LIMITS.maxPages} pages`);
      visited.add(url);
      const response = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        redirect: 'error',
      });
      if (!response.ok) throw new ProductApiError(`product API answered ${response.status}`);
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > PRODUCT_API_LIMITS.maxPageBytes) throw new ProductApiError(`product API page of ${declared} bytes`);
      const text = await response.text();
      if (Buffer.byteLength(text) > PRODUCT_API_LIMITS.maxPageBytes) throw new ProductApiError('product API page too large');
      const page = productPageSchema.parse(JSON.parse(text));
      page.products.forEach((candidate, index) => {
        const parsed = productSchema.safeParse(candidate);
        if (parsed.success) products.push(parsed.data);
        else this.options.onInvalidProduct?.({ index, message: parsed.error.issues[0]?.message ?? 'invalid' });
      });
      if (products.length > PRODUCT_API_LIMITS.maxProducts) {
        throw new ProductApiError(`product API has more than ${PRODUCT_API_LIMITS.maxProducts} products`);
      }
      url = page.next ? new URL(page.next, url).toString() : undefined;
    }
    if (products.length === 0) throw new ProductApiError('product API returned no valid products');
    this.catalog = new InMemoryCatalog(products);
    this.loadedAt = this.now();
    return this.catalog;
  }
}
