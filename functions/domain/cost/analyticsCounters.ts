import { LANGUAGES, type Language } from '../language';

/**
 * How the store's customers use the assistant, counted per invocation into
 * the ledger row (and summed by `zeta analytics report`).
 *
 * - recommendations_shown: product rows and buttons (`product:<id>`) sent in lists and reply buttons
 * - product_cards_opened: taps on such a row or button (the customer opened the product)
 * - preference_checks / preference_matches: per recommended product, one check for each of the
 *   customer's strongest category, colour and style, and a match when the product has it
 * - voice_seconds: seconds of audio transcribed (from the speech-to-text usage)
 * - orders: carts the customers sent from the WhatsApp catalog
 */
export const EVENT_COUNTERS = [
  'messages_in',
  'messages_out',
  'turns',
  'voice_notes',
  'voice_seconds',
  'photos',
  'price_alerts_set',
  'price_alerts_triggered',
  'recommendations_shown',
  'product_cards_opened',
  'orders',
  'preference_checks',
  'preference_matches',
] as const;

export type LanguageCounter = `language_${Language}`;
export type AnalyticsCounter = (typeof EVENT_COUNTERS)[number] | LanguageCounter;

export const ANALYTICS_COUNTERS: readonly AnalyticsCounter[] = [...EVENT_COUNTERS, ...LANGUAGES.map((code) => `language_${code}` as const)];

export type AnalyticsCounts = Partial<Record<AnalyticsCounter, number>>;

export function languageCounter(language: Language): LanguageCounter {
  return `language_${language}`;
}
