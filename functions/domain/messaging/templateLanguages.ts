/**
 * Language codes Meta accepts for a template, from its supported-languages
 * reference (developers.facebook.com/documentation/business-messaging/whatsapp/
 * templates/supported-languages, May 2026). Meta lists more regional variants
 * than these; add one here when a template needs it. Codes are case-sensitive
 * and use an underscore: `en_US`, never `en-US` (and Kazakh is `kk`, not `kz`).
 */
export const TEMPLATE_LANGUAGE_CODES: ReadonlySet<string> = new Set([
  ...['af', 'sq', 'ar', 'ar_AE', 'ar_EG', 'ar_LB', 'ar_MA', 'ar_QA', 'az', 'be_BY', 'bn', 'bn_IN', 'bg', 'ca'],
  ...['zh_CN', 'zh_HK', 'zh_TW', 'hr', 'cs', 'da', 'prs_AF', 'nl', 'nl_BE'],
  ...['en', 'en_GB', 'en_US', 'en_AE', 'en_AU', 'en_CA', 'en_GH'],
  ...['et', 'fil', 'fi', 'fr', 'de', 'el', 'gu', 'ha', 'he', 'hi', 'hu', 'id', 'ga', 'it', 'ja', 'kn', 'kk', 'ko'],
  ...['lo', 'lv', 'lt', 'mk', 'ms', 'ml', 'mr', 'nb', 'fa', 'pl', 'pt_BR', 'pt_PT', 'pa', 'ro', 'ru', 'sr', 'sk'],
  ...['sl', 'es', 'es_AR', 'es_ES', 'es_MX', 'sw', 'sv', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'zu'],
]);
