import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchTermsOf } from '../../functions/domain/catalog/catalogIndex';
import { SEARCH_TERMS_VERSION } from '../../functions/domain/catalog/productTerms';
import { searchTerms } from '../../functions/domain/catalog/russianText';
import { embeddedProducts } from '../../local/embeddedCatalog';
import { LABELLED } from '../understanding/labelled';

/**
 * The deployed catalog carries search terms analysed at build, tagged with
 * SEARCH_TERMS_VERSION, and a function uses them only when its own version
 * matches. So any change to the analysis (stemmers, related forms, stop
 * words, field weights) must raise the version, or functions would search a
 * catalog analysed one way with queries analysed another. This fingerprint of
 * the analysis of the catalog and of the labelled customer messages fails on
 * such a change: raise SEARCH_TERMS_VERSION, then record the new pair here.
 */
const RECORDED = { version: 1, fingerprint: 'da30252ced061ac0' };

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const product of embeddedProducts()) hash.update(JSON.stringify(searchTermsOf(product)));
  for (const message of LABELLED) hash.update(JSON.stringify(searchTerms(message.text)));
  return hash.digest('hex').slice(0, 16);
}

describe('the search terms analysed at build', () => {
  it('carry the version of the analysis that made them', () => {
    expect({ version: SEARCH_TERMS_VERSION, fingerprint: fingerprint() }).toEqual(RECORDED);
  });
});
