import type { Product } from './product';
import { SEARCH_TERMS_VERSION, type ProductTerms } from './productTerms';

/**
 * The catalog as its store holds it in AWS: the object the stack deploys to
 * the catalog bucket (lib/constructs/catalogStore.ts), built from
 * data/catalog.json at synth (buildCatalogDocument.ts). The products are validated then, so a typo fails
 * `cdk synth`, and each product's search terms are analysed then, so a cold
 * start neither validates 500 products nor stems their text. The functions'
 * roles can only read the object; only the deployment writes it.
 */
export const CATALOG_DOCUMENT_FORMAT = 'zeta-catalog/1';

export interface CatalogDocument {
  format: typeof CATALOG_DOCUMENT_FORMAT;
  /** SEARCH_TERMS_VERSION of the analysis that made `terms`. */
  searchTerms: number;
  products: Product[];
  /** Each product's search terms, in the order of `products`: [stems, weights]. */
  terms: Array<[stems: readonly string[], weights: readonly number[]]>;
}

/** What a function reads back: the products, and their terms when the analysis is the one it runs. */
export interface StoredProducts {
  products: Product[];
  terms?: ProductTerms[];
}

export class CatalogDocumentError extends Error {
  override readonly name = 'CatalogDocumentError';
}

/**
 * A deployed document as a function reads it. Its products were validated
 * when it was built, so only its shape is checked here; terms made by another
 * version of the analysis are dropped, and the index analyses the products itself.
 */
export function readCatalogDocument(json: unknown, origin: string): StoredProducts {
  const document = json as Partial<CatalogDocument> | null;
  if (document?.format !== CATALOG_DOCUMENT_FORMAT || !Array.isArray(document.products) || document.products.length === 0) {
    throw new CatalogDocumentError(`${origin} is not a ${CATALOG_DOCUMENT_FORMAT} document with products`);
  }
  const terms = document.terms;
  const current = document.searchTerms === SEARCH_TERMS_VERSION && Array.isArray(terms) && terms.length === document.products.length;
  return {
    products: document.products,
    ...(current ? { terms: terms.map(([stems, weights]) => ({ stems, weights })) } : {}),
  };
}
