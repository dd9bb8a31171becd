/** The orders a search may ask for instead of relevance: by price, or by floor area (the sleeping place for beds). */
export const CATALOG_SORTS = ['price_asc', 'price_desc', 'size_desc', 'size_asc'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
