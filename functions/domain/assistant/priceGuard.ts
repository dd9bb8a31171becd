import { foldKazakh } from '../understanding/kazakh';
import { combineNumberWords, numberWordValue, parseNumberLiteral, unitOf } from '../understanding/numbers';
import { guardedText } from './guardedText';
import { contactIn } from './contactFilter';

// Digits grouped by spaces (200 000, with the no-break spaces formatTenge writes)
// or by commas and dots (200,000 · 1.500.000 · 1,5), or in scientific notation
// (1e5). Never the tail of a code such as SOF-005: those are product ids, not money.
const NUMBER_LITERAL =
  /(?<![\p{L}\d_])(?<!\p{L}-)(?:\d+(?:[.,]\d+)?[eEеЕ][+-]?\d{1,3}(?![\p{L}\d])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*)/gu;
const SCIENTIFIC = /[eEеЕ]/u;
const WORD_AFTER = /^(\s*)(₸|\p{L}+)/u;
const CURRENCY_BEFORE = /(?:₸|kzt|tenge|тг|тенге)\s*$/iu;
// A unit letter spaced from the digits counts only when nothing but punctuation follows it: «до 200 к.» but not «200 к дивану».
const PHRASE_END = /^\s*(?:$|[.,;:!?)…»"—–-])/u;
// A bare number from here up is read as money even without a unit: models drop the sign as often as they write it («9990»).
const BARE_MONEY_FLOOR = 1_000;
// Smaller amounts count as money after these words when nothing but punctuation follows: «всего 990», «цена 500!».
const MONEY_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:всего|цена|цене|ценой|стоит|стоят|стоимость\p{L}*|за|от|до|only|price|costs?|бағасы|тұрады)\s*$/iu;
// What a number measures when it is not money: years, sizes, weights, counts, time.
const NOT_MONEY_AFTER =
  /^\s*(?:год\p{L}*|г\.|гг|жыл\p{L}*|см|мм|м\b|метр\p{L}*|кг|г\b|грамм\p{L}*|шт\p{L}*|штук\p{L}*|мест\p{L}*|дн\p{L}*|день|час\p{L}*|мин\p{L}*|сек\p{L}*|дюйм\p{L}*|year\p{L}*|cm|mm|kg|pcs|days?|hours?|inch\p{L}*|[×xх*]\s*\d)/iu;
const DIMENSION_BEFORE = /\d\s*[×xх*]\s*$/u;
const PERCENT_AFTER = /^\s*(?:%|процент\p{L}*|пайыз\p{L}*|percent|per cent)/iu;
// Money that the catalog, priced in tenge, can never back.
const FOREIGN_SYMBOL = /[$€£¥₽₴₺₩₹₿]/u;
const FOREIGN_WORD =
  /^(?:usd|eur|rub|gbp|cny|uzs|kgs|руб\p{L}*|р|доллар\p{L}*|бакс\p{L}*|евро|dollars?|bucks|euros?|сом\p{L}*|сум\p{L}*|юан\p{L}*|yuan|лир\p{L}*)$/iu;
// A price stated without a number: «полцены», «бесплатно», «half price».
const WORDED_PRICE =
  /(?:^|[^\p{L}])(?:пол\s*цены|полцены|половин\p{L}*\s+цены|вдвое\s+дешевле|в\s+два\s+раза\s+дешевле|бесплатн\p{L}*|даром|за\s+так|тегін|жартылай\s+баға\p{L}*|half[\s-]price|half\s+off|for\s+free|free\s+of\s+charge)(?![\p{L}])/iu;
/** Longest model text the guard reads: WhatsApp's own limit for a text body; anything longer is cut before reading. */
export const GUARDED_TEXT_MAX_CHARS = 4_096;

/** What a text claims about money: amounts in tenge (NaN for ones no catalog price can back) and percentages. */
export interface MoneyClaims {
  amounts: number[];
  percents: number[];
}

/** The amounts of money written in a text, in whole tenge, in order of appearance (NaN for foreign or worded prices). */
export function moneyAmountsIn(text: string): number[] {
  return moneyClaimsIn(text).amounts;
}

export function moneyClaimsIn(raw: string): MoneyClaims {
  const text = guardedText(raw);
  const claims: MoneyClaims = { amounts: [], percents: [] };
  if (FOREIGN_SYMBOL.test(text) || WORDED_PRICE.test(text)) claims.amounts.push(Number.NaN);
  for (const match of text.matchAll(NUMBER_LITERAL)) {
    const start = match.index;
    const after = text.slice(start + match[0].length);
    if (PERCENT_AFTER.test(after)) {
      claims.percents.push(Math.round(valueOf(match[0], false)));
      continue;
    }
    const amount = moneyAt(text, match[0], start);
    if (amount !== undefined) claims.amounts.push(amount);
  }
  claims.amounts.push(...wordedAmountsIn(text, claims.percents));
  return claims;
}

function valueOf(literal: string, beforeMultiplier: boolean): number {
  if (SCIENTIFIC.test(literal)) return Number(literal.replace(',', '.').replace(/[еЕ]/u, 'e'));
  return parseNumberLiteral(literal.replace(/[\u00a0\u202f]/g, ' '), beforeMultiplier);
}

function moneyAt(text: string, literal: string, start: number): number | undefined {
  const before = text.slice(0, start);
  const afterNumber = text.slice(start + literal.length);
  if (foreignWordNear(before, afterNumber)) return Number.NaN;
  let multiplier = 1;
  let currency = CURRENCY_BEFORE.test(before);
  let rest = afterNumber;
  const first = unitAfter(rest);
  if (first !== undefined) {
    if (first.multiplier !== undefined) multiplier = first.multiplier;
    currency ||= first.currency;
    rest = first.rest;
    // «200 тыс ₸», «1,5 млн теңге»: a currency may follow the multiplier.
    const second = first.multiplier !== undefined ? unitAfter(rest.replace(/^\./, '')) : undefined;
    if (second?.currency) currency = true;
    if (first.multiplier !== undefined && foreignWordNear('', rest.replace(/^\./, ''))) return Number.NaN;
  }
  const value = Math.round(valueOf(literal, multiplier > 1) * multiplier);
  if (!Number.isFinite(value)) return Number.NaN;
  if (currency || multiplier > 1 || SCIENTIFIC.test(literal)) return value;
  if (NOT_MONEY_AFTER.test(afterNumber) || DIMENSION_BEFORE.test(before)) return undefined;
  if (value >= BARE_MONEY_FLOOR) return value;
  if (MONEY_CUE_BEFORE.test(before) && PHRASE_END.test(afterNumber)) return value;
  return undefined;
}

/** «$199» is caught by its symbol; «199 долларов», «USD 199», «200 тыс. рублей» by the word next to the number. */
function foreignWordNear(before: string, after: string): boolean {
  const next = /^\s*(\p{L}+)/u.exec(after)?.[1];
  const previous = /(\p{L}+)\s*$/u.exec(before)?.[1];
  return (next !== undefined && FOREIGN_WORD.test(next)) || (previous !== undefined && FOREIGN_WORD.test(previous) && previous.length > 1);
}

interface WordToken {
  key: string;
  start: number;
  end: number;
}

function wordKey(word: string): string {
  return foldKazakh(word.toLowerCase().replace(/ё/g, 'е'));
}

/**
 * Amounts written in words: «сто шестьдесят тысяч тенге», «екі жүз мың»,
 * «two hundred thousand tenge», «тысячу тенге». Number words count as money
 * with a multiplier or a currency after them, as digits do; «девяносто
 * процентов» is a percentage.
 */
function wordedAmountsIn(text: string, percents: number[]): number[] {
  const words: WordToken[] = [...text.matchAll(/[\p{L}₸]+/gu)].map((match) => ({
    key: wordKey(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const adjacent = (index: number) => {
    const previous = words[index - 1];
    const word = words[index];
    return previous !== undefined && word !== undefined && /^[\s-]*$/u.test(text.slice(previous.end, word.start));
  };
  const amounts: number[] = [];
  for (let index = 0; index < words.length;) {
    const values: number[] = [];
    let end = index;
    while (end < words.length && (end === index || adjacent(end)) && numberWordValue(words[end]?.key ?? '') !== undefined) {
      values.push(numberWordValue(words[end]?.key ?? '') as number);
      end += 1;
    }
    const unitWord = end < words.length && (values.length === 0 || adjacent(end)) ? words[end] : undefined;
    const unit = unitWord === undefined ? undefined : unitOf(unitWord.key)?.unit;
    if (values.length > 0 && unitWord !== undefined && PERCENT_AFTER.test(text.slice(unitWord.start))) {
      percents.push(combineNumberWords(values));
      index = end + 1;
      continue;
    }
    // «200 тысяч тенге»: the multiplier of digits is read with them.
    const afterDigits = values.length === 0 && unitWord !== undefined && /\d[.,]?\s*$/u.test(text.slice(0, unitWord.start));
    if (unit === undefined || afterDigits || (values.length === 0 && unit.multiplier === undefined && unit.ownValue === undefined)) {
      index = Math.max(end, index + 1);
      continue;
    }
    let value = values.length > 0 ? combineNumberWords(values) * (unit.multiplier ?? 1) : (unit.ownValue ?? unit.multiplier ?? 0);
    let next = end + 1;
    // «сто шестьдесят тысяч пятьсот»: the words after the multiplier add up.
    const tail: number[] = [];
    while (
      unit.multiplier !== undefined &&
      next < words.length &&
      adjacent(next) &&
      numberWordValue(words[next]?.key ?? '') !== undefined
    ) {
      tail.push(numberWordValue(words[next]?.key ?? '') as number);
      next += 1;
    }
    value += combineNumberWords(tail);
    const currencyWord = next < words.length && adjacent(next) ? words[next] : undefined;
    const currency = unit.currency === true || (currencyWord !== undefined && unitOf(currencyWord.key)?.unit.currency === true);
    const foreign = currencyWord !== undefined && FOREIGN_WORD.test(currencyWord.key);
    // A bare multiplier word («тысячи диванов») is money only with a currency after it.
    if (foreign) amounts.push(Number.NaN);
    else if (values.length > 0 ? unit.multiplier !== undefined || currency : currency) amounts.push(Math.round(value));
    index = next;
  }
  return amounts;
}

function unitAfter(text: string): { multiplier?: number; currency: boolean; rest: string } | undefined {
  const word = WORD_AFTER.exec(text);
  if (word === null) return undefined;
  const [whole, space = '', written = ''] = word;
  const found = unitOf(foldKazakh(written.toLowerCase()));
  if (found === undefined) return undefined;
  const { unit } = found;
  const rest = text.slice(whole.length);
  if (unit.letter !== undefined && space !== '' && !(unit.letter === 'attached-or-last' && PHRASE_END.test(rest))) return undefined;
  return { ...(unit.multiplier !== undefined ? { multiplier: unit.multiplier } : {}), currency: unit.currency === true, rest };
}

// A dot after these is an abbreviation or a list number, not the end of a sentence.
const NOT_A_SENTENCE_END = /(?:^\s*\d{1,2}|(?:^|[\s(])(?:тыс|тг|млн|руб|см|мм|т\.е|т\.к|ул|г|р))\.$/iu;

function sentencesOf(line: string): string[] {
  const sentences: string[] = [];
  for (const piece of line.split(/(?<=[.!?…]["»)]*)\s+/u)) {
    const previous = sentences.at(-1);
    if (previous !== undefined && NOT_A_SENTENCE_END.test(previous)) sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

export interface PriceGuardBacking {
  /** Discounts the catalog gave in this turn («−15%»): a percentage the model states must be one of them. */
  percents?: Iterable<number>;
  /** Hosts (and their subdomains) a link may point at: the store's own site. Any other link drops its sentence. */
  allowedLinkHosts?: readonly string[];
}

/**
 * The model's text without the sentences that name an amount of money the
 * catalog did not give in this turn: a price a customer reads must be one the
 * store set, so an invented «всего за 99 990 ₸» is dropped, not corrected.
 * So are sentences with a percentage the catalog did not give, a price in
 * another currency or in words («полцены», «бесплатно»), a link to another
 * site, a phone number or a card-like number (a model talked into «Оплатите по
 * ссылке…» or «переведите на карту…»). Line breaks are kept; a line left empty
 * disappears.
 */
export function removeInventedPrices(text: string, catalogPrices: Iterable<number>, backing: PriceGuardBacking = {}): string {
  const known = new Set(catalogPrices);
  const knownPercents = new Set(backing.percents ?? []);
  const allowedHosts = backing.allowedLinkHosts ?? [];
  const isBacked = (sentence: string) => {
    if (contactIn(guardedText(sentence), allowedHosts) !== undefined) return false;
    const claims = moneyClaimsIn(sentence);
    return claims.amounts.every((amount) => known.has(amount)) && claims.percents.every((percent) => knownPercents.has(percent));
  };
  const lines: string[] = [];
  for (const line of text.slice(0, GUARDED_TEXT_MAX_CHARS).split(/\r?\n/)) {
    if (line.trim() === '') {
      lines.push('');
      continue;
    }
    const kept = sentencesOf(line).filter(isBacked).join(' ');
    if (kept.trim() !== '') lines.push(kept);
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
