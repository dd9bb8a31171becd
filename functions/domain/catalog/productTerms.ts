/**
 * The version of the text analysis behind ProductTerms (stemmers, related
 * forms, stop words, field weights). Terms analysed at build (the catalog's
 * deployed document) are used only when they carry this version;
 * test/catalog/searchTerms.test.ts fails on any change to the analysis until
 * it is raised.
 */
export const SEARCH_TERMS_VERSION = 1;

/** Distinct stems of a product's text, each with the weight of the best field it was found in. */
export interface ProductTerms {
  stems: readonly string[];
  weights: readonly number[];
}
