import * as z from 'zod';
import { CATALOG_DOCUMENT_FORMAT, CatalogDocumentError, type CatalogDocument } from './catalogDocument';
import { searchTermsOf } from './catalogIndex';
import { productSchema } from './product';
import { SEARCH_TERMS_VERSION } from './productTerms';

/** The deployable document of a catalog file's content; throws, naming the products, when any is invalid. */
export function buildCatalogDocument(raw: unknown, origin: string): CatalogDocument {
  const parsed = z.array(productSchema).safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CatalogDocumentError(`${origin} is not a valid catalog: ${problems.join('; ')}`);
  }
  const ids = new Set<string>();
  for (const product of parsed.data) {
    if (ids.has(product.id)) throw new CatalogDocumentError(`${origin}: product id ${product.id} appears twice`);
    ids.add(product.id);
  }
  return {
    format: CATALOG_DOCUMENT_FORMAT,
    searchTerms: SEARCH_TERMS_VERSION,
    products: parsed.data,
    terms: parsed.data.map((product) => {
      const { stems, weights } = searchTermsOf(product);
      return [stems, weights];
    }),
  };
}
