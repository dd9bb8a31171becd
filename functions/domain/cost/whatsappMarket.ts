/**
 * The market WhatsApp bills a message in, from the recipient's number.
 * Kazakhstan shares +7 with Russia: under the unified numbering plan
 * Kazakhstan holds the zone codes 6xx and 7xx (2006 agreement) and 0xx
 * (since 2024: +70, +76, +77), Russia the rest
 * (https://wikimili.com/en/Telephone_numbers_in_Kazakhstan).
 */
export const WHATSAPP_MARKETS = ['KZ', 'RU', 'other'] as const;
export type WhatsAppMarket = (typeof WHATSAPP_MARKETS)[number];

const KAZAKH_ZONES = /^7[067]\d{9}$/;
const RUSSIAN_NUMBER = /^7\d{10}$/;

/** `waId` is the number in international form without "+"; anything else (a business-scoped user id) is `other`. */
export function whatsappMarketOf(waId: string): WhatsAppMarket {
  if (KAZAKH_ZONES.test(waId)) return 'KZ';
  if (RUSSIAN_NUMBER.test(waId)) return 'RU';
  return 'other';
}
