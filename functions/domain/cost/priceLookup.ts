import type { ModelPrices, Pricing, RateCard, RegionalPrices, UnitPrice, WhatsAppCategory } from './pricingSchema';
import { WHATSAPP_CATEGORIES } from './whatsappCategories';
import type { WhatsAppMarket } from './whatsappMarket';

/** USD for `quantity` units of a price written "usd per `per` units". */
export function costOf(price: UnitPrice, quantity: number): number {
  return (price.usd * quantity) / price.per;
}

/** The region's prices, or the default region's when the file does not list it (the ledger row records which). */
export function regionalPrices(pricing: Pricing, region: string): { pricedAs: string; prices: RegionalPrices } {
  const own = pricing.aws[region];
  if (own !== undefined) return { pricedAs: region, prices: own };
  return { pricedAs: pricing.defaultRegion, prices: pricing.aws[pricing.defaultRegion]! };
}

/** A model's prices by exact name, else by the longest listed name it extends ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini"). */
export function modelPrices(pricing: Pricing, model: string): ModelPrices | undefined {
  const exact = pricing.openai[model];
  if (exact !== undefined) return exact;
  const base = Object.keys(pricing.openai)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return base === undefined ? undefined : pricing.openai[base];
}

/** The rate card in force on the message's UTC day, if any. */
export function rateCardOn(pricing: Pricing, market: WhatsAppMarket, at: number): RateCard | undefined {
  const day = new Date(at).toISOString().slice(0, 10);
  return pricing.whatsapp[market].findLast((card) => card.effectiveFrom <= day);
}

/**
 * The rate card column a status's `pricing.category` is billed at: a marketing
 * template sent through the Marketing Messages API reports `marketing_lite`
 * and is billed at the marketing rate (Meta, Marketing Messages API: get started).
 */
export function ratedAs(category: string): string {
  return category === 'marketing_lite' ? 'marketing' : category;
}

export function isWhatsAppCategory(category: string): category is WhatsAppCategory {
  return (WHATSAPP_CATEGORIES as readonly string[]).includes(category);
}
