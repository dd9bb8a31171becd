import rawPricing from '../../../data/pricing.json' with { type: 'json' };
import { parsePricing, type Pricing } from '../../domain/cost/pricingSchema';

let pricing: Pricing | undefined;

export const parseBundledPricing = (raw: unknown): Pricing => parsePricing(raw, 'data/pricing.json');

/** data/pricing.json as bundled with the code: validated when the Lambda bundle is built, or at first use elsewhere. */
export function bundledPricing(): Pricing {
  // Validated when the Lambda bundle was built (lib/bundling/dataModules.ts): there, this condition is a constant.
  pricing ??= process.env.ZETA_BUNDLED_DATA === 'validated' ? (rawPricing as unknown as Pricing) : parseBundledPricing(rawPricing);
  return pricing;
}
