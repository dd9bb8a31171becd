import { foldKazakh } from './kazakh';
import { combineNumberWords, kazakhCaseOf, numberWordValue, parseNumberLiteral, unitOf } from './numbers';
import type { KazakhCase } from './numbers';
import type { Token } from './tokens';

/** How a price bounds what the customer will pay. */
export type PriceBound = 'max' | 'min' | 'around' | 'range' | 'plain';

export interface Price {
  bound: PriceBound;
  /** Whole tenge; equal for a single amount. */
  low: number;
  high: number;
  /** Offsets of the written amount in the message. */
  start: number;
  end: number;
}

export interface PriceText {
  tokens: readonly Token[];
  /** Per token: a word's folded reading (see meaning.ts), else the token's text. */
  keys: readonly string[];
  /** Whether the token names a piece of furniture: «2 стула» is a quantity. */
  isItem(tokenIndex: number): boolean;
}

// «Около 200 тыс» is read as 200 000 ± 20%: wide enough to show what a customer
// who says «about» would still consider, narrow enough to keep the budget's meaning.
const AROUND_SPREAD = 0.2;
// Below this a bare number with no unit is never money (sizes, quantities, years);
// from this up it is, even without a cue («диван 150000»).
const BARE_PRICE_FLOOR = 10_000;
// With a budget cue a bare number from 1000 up is money («до 1500»); a smaller one
// from 10 up is thousands with the word left out («диван до 200»).
const CUED_PRICE_FLOOR = 1_000;
const DROPPED_THOUSANDS_FLOOR = 10;
const THOUSAND = 1_000;
const PHONE_DIGITS = 10;

type Cue = readonly string[];
type CueList = readonly (readonly [PriceBound, Cue])[];

function cues(bound: PriceBound, phrases: readonly string[]): [PriceBound, Cue][] {
  return phrases.map((phrase) => [bound, phrase.split(' ').map(foldKazakh)]);
}
function longestFirst(list: [PriceBound, Cue][]): CueList {
  return list.sort((a, b) => b[1].length - a[1].length);
}

const CUES_BEFORE = longestFirst([
  ...cues('max', [
    'до',
    'не дороже',
    'не выше',
    'не более',
    'не больше',
    'в пределах',
    'в рамках',
    'максимум',
    'макс',
    'дешевле',
    'меньше',
    'ниже',
    'менее',
    'бюджет',
    'бюджетом',
    'за',
    '<',
    '≤',
    'максимум за',
    'дешевле чем',
    'меньше чем',
    'не дороже чем',
    'не больше чем',
    'under',
    'below',
    'less than',
    'up to',
    'upto',
    'within',
    'max',
    'maximum',
    'cheaper than',
    'no more than',
    'not more than',
    'not over',
    'budget',
    'budget of',
    'budget is',
    'for',
    'ең көбі',
  ]),
  ...cues('min', [
    'от',
    'дороже',
    'выше',
    'больше',
    'более',
    'свыше',
    'не дешевле',
    'не ниже',
    'не менее',
    'не меньше',
    'минимум',
    'мин',
    '>',
    '≥',
    'минимум за',
    'дороже чем',
    'больше чем',
    'не дешевле чем',
    'не меньше чем',
    'from',
    'above',
    'over',
    'more than',
    'at least',
    'starting at',
    'starting from',
    'min',
    'minimum',
    'ең кемі',
  ]),
  ...cues('around', [
    'около',
    'примерно',
    'приблизительно',
    'порядка',
    'где - то',
    'в районе',
    'ориентировочно',
    '~',
    '≈',
    'around',
    'about',
    'approximately',
    'approx',
    'roughly',
    'circa',
    'шамамен',
  ]),
]);
const CUES_AFTER = longestFirst([
  ...cues('max', [
    'максимум',
    'макс',
    'max',
    'и ниже',
    'и меньше',
    'или меньше',
    'или дешевле',
    'и дешевле',
    'or less',
    'or under',
    'or below',
    'or cheaper',
    'and under',
    'and below',
    'дейін',
    'шейін',
    'не больше',
    ', не больше',
    'не дороже',
    ', не дороже',
    'не более',
    ', не более',
  ]),
  ...cues('min', [
    'и выше',
    'и больше',
    'или дороже',
    'и дороже',
    'или больше',
    'or more',
    'and up',
    'and above',
    'or above',
    'минимум',
    'min',
    '+',
    'бастап',
    'не меньше',
    ', не меньше',
    'не дешевле',
    ', не дешевле',
    'не менее',
    ', не менее',
  ]),
  ...cues('around', ['примерно', 'или около', 'плюс минус', '±', '+ -', 'ish', 'шамасында', 'шамалы', 'шамасы', 'около того']),
]);
// After «X-нан» (than X): cheaper / not above → ceiling; dearer / above → floor.
const KAZAKH_COMPARISONS: readonly (readonly [string, PriceBound])[] = [
  ['арзан', 'max'],
  ['томен', 'max'],
  ['аспаи', 'max'],
  ['аспау', 'max'],
  ['кем', 'max'],
  ['аз', 'max'],
  ['кымбат', 'min'],
  ['жогары', 'min'],
  ['артык', 'min'],
  ['асатын', 'min'],
  ['бастап', 'min'],
  ['коп', 'min'],
];

// Words after a number that make it a size, a count or a time, not money.
const MEASURE_WORDS = new Set(['м', 'm', 'см', 'мм', 'cm', 'mm', 'шт', 'кг', 'kg', 'лет', 'чел', 'раз', 'pcs', 'х', 'x', '%']);
const MEASURE_BEGINNINGS = [
  'метр',
  'сантиметр',
  'миллиметр',
  'человек',
  'персон',
  'мест',
  'штук',
  'год',
  'дн',
  'недел',
  'месяц',
  'час',
  'минут',
  'ящик',
  'двер',
  'створ',
  'секци',
  'спальн',
  'комнат',
  'процент',
  'сидени',
  'ярус',
  'дюйм',
  'дюим',
  'inch',
  'meter',
  'metre',
  'people',
  'person',
  'seat',
  'piece',
  'drawer',
  'door',
  'year',
  'month',
  'day',
  'week',
  'hour',
  'inch',
  'адам',
  'киси',
  'орын',
  'дана',
  'жыл',
].map(foldKazakh);
const DIMENSION_SIGNS = new Set(['×', '*', 'x', 'х', 'на', 'by']);
const CODE_WORDS = new Set(['артикул', 'арт', 'код', 'номер', 'модель', 'model', 'sku', 'art', '№', '#']);
const RANGE_CONNECTORS = new Set(['-', 'до', 'to', 'till', 'until', 'по']);
const PAIRED_CONNECTORS: Readonly<Record<string, string>> = { and: 'between', и: 'между' };

interface Amount {
  first: number;
  last: number;
  raw: number;
  multiplier: number;
  currency: boolean;
  kazakhCase?: KazakhCase;
}

/**
 * The prices a message names, each with how it bounds the budget: ceilings
 * (до, не дороже, under), floors (от, дороже, from), approximations (около,
 * around), ranges (от 100 до 200 тыс, 80–120к, between 100k and 200k: a unit
 * written once serves both ends) and plain amounts. Sizes (160×200, 180 см),
 * counts (2 стула, на 4 человека), codes and phone numbers are left out.
 */
export function readPrices(text: PriceText): Price[] {
  const amounts = readAmounts(text);
  const prices: Price[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    if (!amount || isMeasure(text, amount)) continue;
    const next = amounts[i + 1];
    if (next && isRange(text, amount, next)) {
      // «от 2 до 4 мест»: a range whose end is a size is a size throughout.
      const range = isMeasure(text, next) ? undefined : rangePrice(text, amount, next);
      if (range) prices.push(range);
      i++;
      continue;
    }
    const single = singlePrice(text, amount);
    if (single) prices.push(single);
  }
  return prices;
}

/** The budget the prices set: the first price to give each bound wins. */
export function budgetOf(prices: readonly Price[]): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const price of prices) {
    if (price.bound === 'min') min ??= price.low;
    else if (price.bound === 'max' || price.bound === 'plain') max ??= price.high;
    else {
      min ??= price.low;
      max ??= price.high;
    }
  }
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** The price a price alert waits for: the last one named, its upper end if it is a range. */
export function alertTargetOf(prices: readonly Price[]): number | undefined {
  const last = prices.at(-1);
  if (!last) return undefined;
  return last.bound === 'around' ? Math.round((last.low + last.high) / 2) : last.high;
}

function readAmounts(text: PriceText): Amount[] {
  const amounts: Amount[] = [];
  for (let i = 0; i < text.tokens.length; i++) {
    const amount = readQuantity(text, i);
    if (!amount) continue;
    readUnits(text, amount);
    amounts.push(amount);
    i = amount.last;
  }
  return amounts.filter((amount) => !isPhoneNumber(text, amount));
}

function readQuantity(text: PriceText, index: number): Amount | undefined {
  const token = text.tokens[index];
  const key = text.keys[index] ?? '';
  if (!token) return undefined;
  if (token.kind === 'number') {
    const raw = parseNumberLiteral(token.text, multiplierAt(text, index + 1) !== undefined);
    return { first: index, last: index, raw, multiplier: 1, currency: false };
  }
  if (token.kind !== 'word') return undefined;
  const words: number[] = [];
  let last = index;
  for (let i = index; i < text.tokens.length; i++) {
    const value = text.tokens[i]?.kind === 'word' ? numberWordValue(text.keys[i] ?? '') : undefined;
    if (value === undefined) break;
    words.push(value);
    last = i;
  }
  // Number words are money only with a multiplier after them: «сто тысяч», not «два стула».
  if (words.length > 0 && multiplierAt(text, last + 1) !== undefined) {
    return { first: index, last, raw: combineNumberWords(words), multiplier: 1, currency: false };
  }
  const found = unitOf(key);
  if (found?.unit.ownValue === undefined) return undefined;
  const amount: Amount = { first: index, last: index, raw: found.unit.ownValue, multiplier: 1, currency: false };
  if (found.kazakhCase) amount.kazakhCase = found.kazakhCase;
  return amount;
}

function multiplierAt(text: PriceText, index: number): number | undefined {
  const token = text.tokens[index];
  if (!token || (token.kind !== 'word' && token.kind !== 'symbol')) return undefined;
  const found = unitOf(text.keys[index] ?? '');
  if (!found?.unit.multiplier || !letterFits(text, index, found.unit.letter)) return undefined;
  return found.unit.multiplier;
}

function letterFits(text: PriceText, index: number, letter: 'attached' | 'attached-or-last' | undefined): boolean {
  const token = text.tokens[index];
  if (!letter || !token?.spaced) return true;
  return letter === 'attached-or-last' && text.tokens[index + 1]?.kind !== 'word';
}

function readUnits(text: PriceText, amount: Amount): void {
  for (let i = amount.last + 1; i < text.tokens.length; i++) {
    const token = text.tokens[i];
    const key = text.keys[i] ?? '';
    if (!token) break;
    if (token.kind === 'symbol' && key === '.' && amount.last === i - 1 && (amount.multiplier > 1 || amount.currency)) {
      amount.last = i;
      continue;
    }
    if (token.kind === 'symbol' && key === '-' && !token.spaced) {
      const kazakhCase = kazakhCaseOf(text.keys[i + 1] ?? '');
      if (kazakhCase && text.tokens[i + 1]?.spaced === false) {
        amount.kazakhCase = kazakhCase;
        amount.last = i + 1;
        i++;
        continue;
      }
      break;
    }
    const found = token.kind === 'number' ? undefined : unitOf(key);
    if (!found || (found.unit.ownValue !== undefined && found.unit.multiplier === undefined)) break;
    if (!letterFits(text, i, found.unit.letter)) break;
    if (found.unit.multiplier && amount.multiplier === 1) amount.multiplier = found.unit.multiplier;
    else if (found.unit.currency) amount.currency = true;
    else break;
    if (found.kazakhCase) amount.kazakhCase = found.kazakhCase;
    amount.last = i;
  }
}

function isPhoneNumber(text: PriceText, amount: Amount): boolean {
  const token = text.tokens[amount.first];
  if (token?.kind !== 'number') return false;
  if (token.text.replace(/\D/g, '').length >= PHONE_DIGITS) return true;
  if (text.keys[amount.first - 1] === '+') return true;
  // Money never comes as three bare numbers in a row; a phone number typed in groups does.
  let run = 1;
  for (let i = amount.first - 1; i >= 0 && text.tokens[i]?.kind === 'number'; i--) run++;
  for (let i = amount.first + 1; i < text.tokens.length && text.tokens[i]?.kind === 'number'; i++) run++;
  return run >= 3;
}

function hasMoneyUnit(amount: Amount): boolean {
  return amount.multiplier > 1 || amount.currency;
}

// «матрас 90 200», «кровать 180 200»: a sleeping place typed without ×, read as one grouped number.
export const SLEEPING_PLACE_LITERAL = /^([5-9]\d|1\d\d|2[0-2]\d) (1[89]\d|2[0-2]\d)$/;

function isMeasure(text: PriceText, amount: Amount): boolean {
  if (hasMoneyUnit(amount)) return false;
  const literal = text.tokens[amount.first];
  if (literal?.kind === 'number' && SLEEPING_PLACE_LITERAL.test(literal.text) && cueBefore(text, amount.first) === undefined) return true;
  let next = amount.last + 1;
  if (text.keys[next] === '-' && !text.tokens[next]?.spaced) next++;
  const after = text.keys[next] ?? '';
  const afterToken = text.tokens[next];
  if (afterToken?.kind === 'symbol' && (after === '%' || DIMENSION_SIGNS.has(after))) return true;
  if (afterToken?.kind === 'word') {
    if (DIMENSION_SIGNS.has(after)) return text.tokens[next + 1]?.kind === 'number';
    if (MEASURE_WORDS.has(after) || MEASURE_BEGINNINGS.some((beginning) => after.startsWith(beginning))) return true;
    if (isCount(text, amount) && text.isItem(next)) return true;
  }
  const before = text.keys[amount.first - 1] ?? '';
  if (DIMENSION_SIGNS.has(before) && text.tokens[amount.first - 2]?.kind === 'number') return true;
  return CODE_WORDS.has(before);
}

// «2 стула», «4 chairs»: a small bare number before a piece of furniture counts pieces.
const MAX_COUNT = 100;
function isCount(text: PriceText, amount: Amount): boolean {
  return text.tokens[amount.first]?.kind === 'number' && amount.raw < MAX_COUNT;
}

function cueBefore(text: PriceText, index: number): PriceBound | undefined {
  for (const [bound, cue] of CUES_BEFORE) {
    if (cue.every((word, k) => text.keys[index - cue.length + k] === word)) return bound;
  }
  return undefined;
}

function cueAfter(text: PriceText, amount: Amount): PriceBound | undefined {
  if (amount.kazakhCase === 'from') {
    const next = text.keys[amount.last + 1] ?? '';
    const comparison = KAZAKH_COMPARISONS.find(([beginning]) => next.startsWith(beginning));
    if (comparison) return comparison[1];
  }
  const index = amount.last + 1;
  for (const [bound, cue] of CUES_AFTER) {
    if (cue.every((word, k) => text.keys[index + k] === word)) return bound;
  }
  return undefined;
}

function isRange(text: PriceText, first: Amount, second: Amount): boolean {
  const between = text.keys.slice(first.last + 1, second.first);
  if (between.length === 0) return first.kazakhCase === 'from';
  if (between.length !== 1) return false;
  const connector = between[0] ?? '';
  if (RANGE_CONNECTORS.has(connector)) return true;
  const opener = PAIRED_CONNECTORS[connector];
  return opener !== undefined && text.keys[first.first - 1] === opener;
}

function rangePrice(text: PriceText, first: Amount, second: Amount): Price | undefined {
  // «от 100 до 200 тыс», «80-120к»: the unit written once belongs to both ends.
  if (first.multiplier === 1 && second.multiplier > 1 && first.raw < THOUSAND) first.multiplier = second.multiplier;
  if (second.multiplier === 1 && first.multiplier > 1 && second.raw < THOUSAND) second.multiplier = first.multiplier;
  const cued = hasMoneyUnit(first) || hasMoneyUnit(second) || cueBefore(text, first.first) !== undefined;
  const low = money(first, cued);
  const high = money(second, cued);
  if (low === undefined || high === undefined) return undefined;
  return {
    bound: 'range',
    low: Math.min(low, high),
    high: Math.max(low, high),
    start: text.tokens[first.first]?.start ?? 0,
    end: text.tokens[second.last]?.end ?? 0,
  };
}

function singlePrice(text: PriceText, amount: Amount): Price | undefined {
  const bound = cueBefore(text, amount.first) ?? cueAfter(text, amount) ?? 'plain';
  const value = money(amount, bound !== 'plain');
  if (value === undefined) return undefined;
  const start = text.tokens[amount.first]?.start ?? 0;
  const end = text.tokens[amount.last]?.end ?? 0;
  if (bound === 'around') {
    return { bound, low: Math.round(value * (1 - AROUND_SPREAD)), high: Math.round(value * (1 + AROUND_SPREAD)), start, end };
  }
  return { bound, low: value, high: value, start, end };
}

/** The amount in tenge, or nothing when it is not money. */
function money(amount: Amount, cued: boolean): number | undefined {
  const value = Math.round(amount.raw * amount.multiplier);
  if (hasMoneyUnit(amount) || value >= BARE_PRICE_FLOOR) return value;
  if (!cued) return undefined;
  if (value >= CUED_PRICE_FLOOR) return value;
  if (value >= DROPPED_THOUSANDS_FLOOR) return value * THOUSAND;
  return undefined;
}
