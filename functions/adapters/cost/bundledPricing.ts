import rawPricing from '../../../data/pricing.json' with { type: 'json' };
import { bundledData } from '../../config/bundledData';
import { parsePricing, type Pricing } from '../../domain/cost/pricingSchema';

let pricing: Pricing | undefined;

export const parseBundledPricing = (raw: unknown): Pricing => parsePricing(raw, 'data/pricing.json');

/** data/pricing.json as bundled with the code: validated when the Lambda bundle is built, or at first use elsewhere. */
export function bundledPricing(): Pricing {
  pricing ??= bundledData(rawPricing, parseBundledPricing);
  return pricing;
}
