import { describe, expect, it } from 'vitest';
import rawCatalog from '../../data/catalog.json' with { type: 'json' };
import { buildCatalogDocument } from '../../functions/domain/catalog/buildCatalogDocument';
import { CATALOG_DOCUMENT_FORMAT, CatalogDocumentError, readCatalogDocument } from '../../functions/domain/catalog/catalogDocument';
import { SEARCH_TERMS_VERSION } from '../../functions/domain/catalog/productTerms';
import { InMemoryCatalog } from '../../functions/domain/catalog/inMemoryCatalog';
import type { CatalogQuery } from '../../functions/domain/catalog/catalogIndex';
import { embeddedProducts } from '../../local/embeddedCatalog';

/** What the deployed object becomes once a function has read it, as JSON (S3) would carry it. */
const roundTrip = (document: unknown) => readCatalogDocument(JSON.parse(JSON.stringify(document)), 's3://catalog/catalog.json');

const QUERIES: CatalogQuery[] = [
  { text: 'серый угловой диван' },
  { text: 'диванчик', budgetMax: 300_000 },
  { text: 'кожаное кресло', category: 'armchair' },
  { text: 'дубовый стол', sort: 'price_asc' },
  { text: 'grey sofa' },
  { category: 'bed', color: 'white', features: ['double'] },
];

describe('the catalog document (the object the stack deploys)', () => {
  it('holds the validated products and their search terms, analysed at build', () => {
    const document = buildCatalogDocument(rawCatalog, 'data/catalog.json');
    expect(document).toMatchObject({ format: CATALOG_DOCUMENT_FORMAT, searchTerms: SEARCH_TERMS_VERSION });
    expect(document.products).toEqual(embeddedProducts());
    expect(document.terms).toHaveLength(document.products.length);
  });

  it('searches, read back, exactly as the catalog analysed in memory does', async () => {
    const stored = roundTrip(buildCatalogDocument(rawCatalog, 'data/catalog.json'));
    expect(stored.terms).toHaveLength(stored.products.length);
    const fromDocument = new InMemoryCatalog(stored.products, stored.terms);
    const analysedHere = new InMemoryCatalog(embeddedProducts());
    for (const query of QUERIES) {
      const ids = async (catalog: InMemoryCatalog) =>
        (await catalog.search({ ...query, limit: 10 })).map((hit) => [hit.product.id, hit.score]);
      expect(await ids(fromDocument), JSON.stringify(query)).toEqual(await ids(analysedHere));
    }
  });

  it('drops terms made by another version of the analysis: the index analyses the products itself', () => {
    const document = { ...buildCatalogDocument(rawCatalog, 'data/catalog.json'), searchTerms: SEARCH_TERMS_VERSION + 1 };
    const stored = roundTrip(document);
    expect(stored.terms).toBeUndefined();
    expect(stored.products).toHaveLength(document.products.length);
  });

  it('fails the build, naming the product, on an invalid product or a repeated id', () => {
    const [first, second] = embeddedProducts();
    expect(() => buildCatalogDocument([first, { ...second, price: -5 }], 'data/catalog.json')).toThrow(
      /data\/catalog\.json is not a valid catalog: 1\.price/,
    );
    expect(() => buildCatalogDocument([first, first], 'data/catalog.json')).toThrow(/product id SOF-001 appears twice/);
  });

  it('refuses an object that is not a catalog document (a bare product list, nothing)', () => {
    expect(() => roundTrip(embeddedProducts())).toThrow(CatalogDocumentError);
    expect(() => roundTrip({ format: CATALOG_DOCUMENT_FORMAT, products: [] })).toThrow(CatalogDocumentError);
    expect(() => roundTrip(null)).toThrow(CatalogDocumentError);
  });
});
