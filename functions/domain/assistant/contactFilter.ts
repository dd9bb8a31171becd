/**
 * Ways to send a customer somewhere else that a model's reply must not carry:
 * links to sites other than the store's, phone numbers and card-like numbers.
 * A model talked into «Оплатите по ссылке …» or «переведите на карту …» must
 * not reach the customer with it. Reads text already passed through guardedText.
 */
export type ForbiddenContact = 'link' | 'phone_or_card';

const SCHEME_LINK = /(?:\b(?:https?|hxxps?|ftp):\/\/|\bwww\.)([^\s/?#"«»<>]+)?/giu;
// Top-level domains a link-shaped word must end with: every two-letter country code, and the generic ones seen in
// phishing; «ул.Абая» or «т.е.» end in none of them.
const GENERIC_TLDS =
  'com|net|org|info|biz|io|app|dev|shop|store|online|site|xyz|top|club|link|pay|click|live|pro|me|cc|ly|gl|gg|to|page|cloud|money|bank|tech|space|website|icu|buzz|vip|win|ru|kz|su|uz|рф|рус|қаз|бел|укр';
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\d._-])((?:[\p{L}\d](?:[\p{L}\d-]{0,61}[\p{L}\d])?\.)+(?:${GENERIC_TLDS}|[a-z]{2}))(?![\p{L}\d-])`,
  'giu',
);
// 10 to 19 digits with the separators people write them with: a phone number (+7 701 123 45 67) or a card number.
const LONG_NUMBER = /(?<![\d])\+?\d(?:[\s().\-‒–—]{0,3}\d){9,18}(?!\d)/u;

function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const name =
    host
      .toLowerCase()
      .replace(/[.:]+$/, '')
      .split(':')[0] ?? '';
  return allowed.some((candidate) => name === candidate || name.endsWith(`.${candidate}`));
}

/** The first way out the text offers, or undefined when it has none. */
export function contactIn(text: string, allowedHosts: readonly string[]): ForbiddenContact | undefined {
  for (const match of text.matchAll(SCHEME_LINK)) {
    const host = match[1];
    if (host === undefined || !isAllowedHost(match[0].toLowerCase().startsWith('www.') ? `www.${host}` : host, allowedHosts)) return 'link';
  }
  for (const match of text.matchAll(BARE_DOMAIN)) {
    if (!isAllowedHost(match[1] ?? '', allowedHosts)) return 'link';
  }
  return LONG_NUMBER.test(text) ? 'phone_or_card' : undefined;
}
