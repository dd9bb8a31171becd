import rawPricing from '../../../data/pricing.json' with { type: 'json' };
import { parsePricing, type Pricing } from '../../domain/cost/pricingSchema';

let pricing: Pricing | undefined;

/** data/pricing.json as bundled with the code, validated once per cold start: a typo fails loudly. */
export function bundledPricing(): Pricing {
  pricing ??= parsePricing(rawPricing, 'data/pricing.json');
  return pricing;
}
