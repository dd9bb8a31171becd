import type { Product } from '../functions/domain/catalog/product';
import { featuresOf } from '../functions/domain/catalog/productFeatures';
import { footprintOf, sizeOf } from '../functions/domain/catalog/productSize';
import { formatTenge } from '../functions/domain/catalog/tenge';
import type { Language } from '../functions/domain/language';
import { materialIn } from '../functions/domain/replies/materialNames';
import { shortTitle } from '../functions/domain/replies/productMessages';
import { botText } from '../functions/domain/texts/botTexts';
import { KAZAKH_LETTER } from '../functions/domain/understanding/kazakh';
import { tokenize } from '../functions/domain/understanding/tokens';
import type { Dialogue, ProductsExpectation, TurnExpectation } from './dialogueSet';
import type { ReplyObservation } from './replyObservation';

/** What the customer had on screen before the turn, as observed from earlier replies. */
export interface SeenBefore {
  /** The last list of two or more products, in the order shown. */
  list: readonly string[];
  /** The last product shown alone, as a card. */
  focus?: string;
}

export interface TurnEvidence {
  expect: TurnExpectation;
  reply: ReplyObservation;
  before: SeenBefore;
  dialogue: Dialogue;
  /** The manager's WhatsApp got a message naming this customer during the turn. */
  managerCalled: boolean;
  catalog: { get(id: string): Product | undefined; all(): readonly Product[] };
}

const STOCK_WORDS: Record<'in' | 'out', readonly string[]> = {
  in: ['в наличии', 'қоймада бар', 'in stock'],
  out: ['под заказ', 'тапсырыспен', 'to order'],
};

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\u00a0\u202f]/g, ' ');

/** Every way the turn's reply fails its expectation; empty when it is right. */
export function checkTurn(evidence: TurnEvidence): string[] {
  const { expect, reply, before, catalog } = evidence;
  const problems: string[] = [];
  if (reply.messages === 0) return ['no answer'];
  const shown = reply.productIds.map((id) => catalog.get(id)).filter((product): product is Product => product !== undefined);
  if (expect.products) problems.push(...checkProducts(expect.products, shown, evidence));
  if (expect.noProducts && shown.length > 0) problems.push(`showed ${shown.length} products, expected none`);
  if (expect.card) {
    const wanted = subjectOf(expect.card, before);
    if (wanted === undefined) problems.push('the expected card has no subject (no list or focus before)');
    else if (reply.cardId !== wanted) problems.push(`expected the card of ${wanted}, got ${reply.cardId ?? `${shown.length} products`}`);
  }
  const text = normalized(reply.text);
  for (const phrase of expect.says ?? []) {
    const alternatives = (Array.isArray(phrase) ? phrase : [phrase]).map(normalized);
    if (!alternatives.some((alternative) => text.includes(alternative))) problems.push(`does not say ${alternatives.join(' | ')}`);
  }
  for (const phrase of expect.saysNot ?? []) if (text.includes(normalized(phrase))) problems.push(`says ${phrase}`);
  if (expect.mentions) {
    const subjectId = subjectOf(expect.about ?? { focus: true }, before);
    const subject = subjectId === undefined ? undefined : catalog.get(subjectId);
    if (subject === undefined) problems.push('nothing to mention: no product in focus');
    else problems.push(...expect.mentions.flatMap((fact) => mentionProblems(fact, subject, text, evidence.dialogue)));
  }
  if (expect.handoff !== undefined && expect.handoff !== evidence.managerCalled) {
    problems.push(expect.handoff ? 'the manager was not called' : 'the manager was called');
  }
  const language = expect.language ?? (evidence.dialogue.language === 'mixed' ? undefined : evidence.dialogue.language);
  if (language) {
    const heard = replyLanguage(reply.ownText, shown, catalog);
    if (heard !== undefined && heard !== language) problems.push(`answered in ${heard}, expected ${language}`);
  }
  return problems;
}

function subjectOf(subject: { ordinal: number } | { focus: true }, before: SeenBefore): string | undefined {
  return 'ordinal' in subject ? before.list[subject.ordinal - 1] : before.focus;
}

function checkProducts(expected: ProductsExpectation, shown: readonly Product[], evidence: TurnEvidence): string[] {
  const problems: string[] = [];
  const atLeast = expected.atLeast ?? 1;
  if (shown.length < atLeast) return [`showed ${shown.length} products, expected at least ${atLeast}`];
  const focus = evidence.before.focus ? evidence.catalog.get(evidence.before.focus) : undefined;
  const previous = evidence.before.list
    .map((id) => evidence.catalog.get(id))
    .filter((product): product is Product => product !== undefined);
  for (const product of shown) {
    const misses = attributeMisses(expected, product);
    if (expected.cheaperThan) {
      const limit = expected.cheaperThan === 'focus' ? focus?.price : Math.min(...previous.map((other) => other.price));
      if (limit === undefined || !(product.price < limit)) misses.push(`not cheaper than the ${expected.cheaperThan}`);
    }
    if (expected.pricierThan) {
      const limit = expected.pricierThan === 'focus' ? focus?.price : Math.max(...previous.map((other) => other.price));
      if (limit === undefined || !(product.price > limit)) misses.push(`not dearer than the ${expected.pricierThan}`);
    }
    if (expected.newOnly && evidence.before.list.includes(product.id)) misses.push('shown before');
    if (misses.length > 0) problems.push(`${product.id} ${misses.join(', ')}`);
  }
  for (const category of expected.includes ?? []) {
    if (!shown.some((product) => product.category === category)) problems.push(`no ${category} shown`);
  }
  if (expected.sorted) {
    const key = sortKey(expected.sorted);
    for (let i = 1; i < shown.length; i++) if (key(shown[i - 1]!) > key(shown[i]!)) problems.push(`not in ${expected.sorted} order`);
  }
  if (expected.first) {
    const candidates = evidence.catalog.all().filter((product) => product.stock > 0 && attributeMisses(expected, product).length === 0);
    const key = sortKey(FIRST_ORDER[expected.first]);
    const best = Math.min(...candidates.map(key));
    if (shown[0] === undefined || key(shown[0]) !== best) problems.push(`the first shown is not the ${expected.first}`);
  }
  return [...new Set(problems)];
}

const FIRST_ORDER = { cheapest: 'price_asc', priciest: 'price_desc', biggest: 'size_desc', smallest: 'size_asc' } as const;

function sortKey(sort: 'price_asc' | 'price_desc' | 'size_desc' | 'size_asc'): (product: Product) => number {
  switch (sort) {
    case 'price_asc':
      return (product) => product.price;
    case 'price_desc':
      return (product) => -product.price;
    case 'size_desc':
      return (product) => -footprintOf(product);
    case 'size_asc':
      return (product) => footprintOf(product);
  }
}

function attributeMisses(expected: ProductsExpectation, product: Product): string[] {
  const misses: string[] = [];
  if (expected.category && product.category !== expected.category) misses.push(`is a ${product.category}`);
  if (expected.categories && !expected.categories.includes(product.category)) misses.push(`is a ${product.category}`);
  if (expected.color && product.color !== expected.color) misses.push(`is ${product.color}`);
  if (expected.style && product.style !== expected.style) misses.push(`is ${product.style}`);
  if (expected.minPrice !== undefined && product.price < expected.minPrice) misses.push(`costs ${product.price}`);
  if (expected.maxPrice !== undefined && product.price > expected.maxPrice) misses.push(`costs ${product.price}`);
  const features = featuresOf(product);
  for (const feature of expected.features ?? []) if (!features.has(feature)) misses.push(`is not ${feature}`);
  const size = sizeOf(product);
  if (expected.sleep) {
    const [width, length] = expected.sleep.split('x').map(Number);
    if (size.sleep?.width !== width || size.sleep?.length !== length)
      misses.push(`sleeps ${size.sleep ? `${size.sleep.width}x${size.sleep.length}` : 'nothing'}`);
  }
  if (expected.width) {
    const { min = 0, max = Infinity } = expected.width;
    if (size.width === undefined || size.width < min || size.width > max) misses.push(`is ${size.width ?? '?'} cm wide`);
  }
  return misses;
}

function mentionProblems(
  fact: 'dimensions' | 'material' | 'price' | 'stock' | 'color',
  product: Product,
  text: string,
  dialogue: Dialogue,
): string[] {
  switch (fact) {
    case 'dimensions': {
      const numbers = product.dimensions?.match(/\d+/g) ?? [];
      const missing = numbers.filter((value) => !new RegExp(`(^|\\D)${value}(\\D|$)`).test(text));
      return numbers.length === 0 || missing.length > 0
        ? [`does not give the dimensions of ${product.id} (${product.dimensions ?? 'none'})`]
        : [];
    }
    case 'material': {
      const material = product.material ?? '';
      const forms = [material, ...(['kk', 'en'] as const).map((language) => materialIn(material, language))].map(normalized);
      return material && forms.some((form) => text.includes(form)) ? [] : [`does not name the material of ${product.id} (${material})`];
    }
    case 'price':
      return text.includes(normalized(formatTenge(product.price))) ? [] : [`does not give the price of ${product.id}`];
    case 'stock': {
      const words = STOCK_WORDS[product.stock > 0 ? 'in' : 'out'];
      return words.some((word) => text.includes(word)) ? [] : [`does not say whether ${product.id} is in stock`];
    }
    case 'color': {
      const languages: readonly Language[] = dialogue.language === 'mixed' ? ['ru', 'kk'] : [dialogue.language];
      const names = languages.map((language) => normalized(botText(language, `color.${product.color}`)));
      return names.some((name) => text.includes(name)) ? [] : [`does not name the colour of ${product.id}`];
    }
  }
}

/**
 * The reply's own language, with the store's Russian data (product names,
 * descriptions, materials) left out: a Kazakh letter anywhere makes it
 * Kazakh (Russian text has none), then the script that has the most words.
 */
function replyLanguage(text: string, shown: readonly Product[], catalog: TurnEvidence['catalog']): Language | undefined {
  let own = text;
  const products = [...shown, ...catalog.all().filter((product) => text.includes(shortTitle(product)))];
  const data = products.flatMap((product) => [
    product.name,
    shortTitle(product),
    product.description,
    ...(product.material ?? '').split(/,\s*/),
    product.dimensions ?? '',
  ]);
  for (const piece of data.filter(Boolean).sort((a, b) => b.length - a.length)) own = own.split(piece).join(' ');
  const words = tokenize(own.replace(/«[^»]*»/g, ' ')).filter((token) => token.kind === 'word' && token.text.length > 1);
  if (words.some((word) => KAZAKH_LETTER.test(word.text))) return 'kk';
  const cyrillic = words.filter((word) => word.script === 'cyrillic').length;
  const latin = words.filter((word) => word.script === 'latin').length;
  if (cyrillic + latin === 0) return undefined;
  return cyrillic >= latin ? 'ru' : 'en';
}
