import type { Product } from '../../domain/catalog/product';
import { favourite, type Preferences } from '../../domain/preferences/preferences';
import type { Recommender } from '../../domain/recommendations/recommender';
import { currentMeter } from '../usageMeterContext';

/**
 * Preference accuracy, measured where recommendations are made: for each
 * recommended product, one check per attribute the customer has a strongest
 * preference for (category, colour, style), and a match when the product has
 * that value. Accuracy = matches / checks. Customers with no preference yet
 * add no checks. Complements and "also viewed" are not preference-driven and
 * are left out.
 */
export function preferenceChecks(product: Product, preferences: Preferences): { checks: number; matches: number } {
  const strongest = [
    [favourite(preferences.categories), product.category],
    [favourite(preferences.colors), product.color],
    [favourite(preferences.styles), product.style],
  ] as const;
  let checks = 0;
  let matches = 0;
  for (const [wanted, actual] of strongest) {
    if (wanted === undefined) continue;
    checks += 1;
    if (wanted === actual) matches += 1;
  }
  return { checks, matches };
}

export function recommenderWithPreferenceAccuracy(recommender: Recommender): Recommender {
  return {
    async recommend(request) {
      const products = await recommender.recommend(request);
      const meter = currentMeter();
      for (const product of products) {
        const { checks, matches } = preferenceChecks(product, request.preferences);
        meter?.count('preference_checks', checks);
        meter?.count('preference_matches', matches);
      }
      return products;
    },
    complementsFor: (product, preferences, limit) => recommender.complementsFor(product, preferences, limit),
    alsoViewed: (productId, limit) => recommender.alsoViewed(productId, limit),
  };
}
