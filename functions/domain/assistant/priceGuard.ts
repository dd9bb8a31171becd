import { foldKazakh } from '../understanding/kazakh';
import { parseNumberLiteral, unitOf } from '../understanding/numbers';

// Digits grouped by spaces (200 000, with the no-break spaces formatTenge writes)
// or by commas and dots (200,000 · 1.500.000 · 1,5). Never the tail of a code
// such as SOF-005: those are product ids, not money.
const NUMBER_LITERAL = /(?<![\p{L}\d_])(?<!\p{L}-)(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*)/gu;
const WORD_AFTER = /^(\s*)(₸|\p{L}+)/u;
const CURRENCY_BEFORE = /(?:₸|kzt|tenge|тг|тенге)\s*$/iu;
// A unit letter spaced from the digits counts only when nothing but punctuation follows it: «до 200 к.» but not «200 к дивану».
const PHRASE_END = /^\s*(?:$|[.,;:!?)…»"—–-])/u;
// A bare number from here up is read as money even without a unit: models drop the sign as often as they write it.
const BARE_MONEY_FLOOR = 10_000;

/** The amounts of money written in a text, in whole tenge, in order of appearance. */
export function moneyAmountsIn(text: string): number[] {
  const amounts: number[] = [];
  for (const match of text.matchAll(NUMBER_LITERAL)) {
    const amount = moneyAt(text, match[0], match.index);
    if (amount !== undefined) amounts.push(amount);
  }
  return amounts;
}

function moneyAt(text: string, literal: string, start: number): number | undefined {
  const afterNumber = text.slice(start + literal.length);
  let multiplier = 1;
  let currency = CURRENCY_BEFORE.test(text.slice(0, start));
  let rest = afterNumber;
  const first = unitAfter(rest);
  if (first !== undefined) {
    if (first.multiplier !== undefined) multiplier = first.multiplier;
    currency ||= first.currency;
    rest = first.rest;
    // «200 тыс ₸», «1,5 млн теңге»: a currency may follow the multiplier.
    const second = first.multiplier !== undefined ? unitAfter(rest.replace(/^\./, '')) : undefined;
    if (second?.currency) currency = true;
  }
  const value = Math.round(parseNumberLiteral(literal.replace(/[\u00a0\u202f]/g, ' '), multiplier > 1) * multiplier);
  if (!Number.isFinite(value)) return undefined;
  if (currency || multiplier > 1 || value >= BARE_MONEY_FLOOR) return value;
  return undefined;
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

/**
 * The model's text without the sentences that name an amount of money the
 * catalog did not give in this turn: a price a customer reads must be one the
 * store set, so an invented «всего за 99 990 ₸» is dropped, not corrected.
 * Line breaks are kept; a line left empty disappears.
 */
export function removeInventedPrices(text: string, catalogPrices: Iterable<number>): string {
  const known = new Set(catalogPrices);
  const isBacked = (sentence: string) => moneyAmountsIn(sentence).every((amount) => known.has(amount));
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
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
