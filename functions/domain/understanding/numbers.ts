import { foldKazakh } from './kazakh';

/**
 * The value of a written number. Digit groups may be split by spaces, commas
 * or dots (200 000, 150,000, 1.500.000); a separator before fewer or more
 * than three digits is a decimal mark (1,5 млн, 1.5 млн), and so is a single
 * one right before a multiplier (1,250 млн).
 */
export function parseNumberLiteral(literal: string, beforeMultiplier: boolean): number {
  const compact = literal.replaceAll(' ', '');
  const separators = compact.match(/[.,]/g)?.length ?? 0;
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(compact);
  if (grouped && !(beforeMultiplier && separators === 1)) return Number(compact.replace(/[.,]/g, ''));
  if (separators === 1) return Number(compact.replace(',', '.'));
  return Number(compact.split(/[.,]/)[0]);
}

// Russian (with the genitive of «до двухсот тысяч»), Kazakh (folded) and English number words.
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  один: 1,
  одна: 1,
  одну: 1,
  два: 2,
  две: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  двадцать: 20,
  двадцати: 20,
  тридцать: 30,
  тридцати: 30,
  сорок: 40,
  сорока: 40,
  пятьдесят: 50,
  пятидесяти: 50,
  шестьдесят: 60,
  шестидесяти: 60,
  семьдесят: 70,
  семидесяти: 70,
  восемьдесят: 80,
  восьмидесяти: 80,
  девяносто: 90,
  девяноста: 90,
  сто: 100,
  ста: 100,
  двести: 200,
  двухсот: 200,
  триста: 300,
  трехсот: 300,
  четыреста: 400,
  четырехсот: 400,
  пятьсот: 500,
  пятисот: 500,
  шестьсот: 600,
  шестисот: 600,
  семьсот: 700,
  семисот: 700,
  восемьсот: 800,
  восьмисот: 800,
  девятьсот: 900,
  девятисот: 900,
  полтора: 1.5,
  полторы: 1.5,
  полутора: 1.5,
  пол: 0.5,
  бир: 1,
  еки: 2,
  уш: 3,
  торт: 4,
  бес: 5,
  алты: 6,
  жети: 7,
  сегиз: 8,
  тогыз: 9,
  он: 10,
  жиырма: 20,
  отыз: 30,
  кырык: 40,
  елу: 50,
  алпыс: 60,
  жетпис: 70,
  сексен: 80,
  токсан: 90,
  жуз: 100,
  жарты: 0.5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  half: 0.5,
};
const HUNDRED = 100;

export function numberWordValue(key: string): number | undefined {
  return NUMBER_WORDS[key];
}

/** Adds up number words as spoken: «сто пятьдесят» = 150, «екі жүз» and «two hundred» = 2 × 100. */
export function combineNumberWords(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total = value === HUNDRED && total > 0 && total < HUNDRED ? total * HUNDRED : total + value;
  return total;
}

export interface Unit {
  multiplier?: number;
  currency?: boolean;
  /** A word that is a whole amount by itself («до миллиона», «полмиллиона»). */
  ownValue?: number;
  /**
   * A single letter is a unit only against the digits (200к, 1.5m) or, for
   * к and т, spaced at the end of a phrase (200 к); elsewhere it is a word (к дивану, 2 m).
   */
  letter?: 'attached' | 'attached-or-last';
}

const THOUSAND = 1_000;
const MILLION = 1_000_000;
const UNITS: Readonly<Record<string, Unit>> = {
  к: { multiplier: THOUSAND, letter: 'attached-or-last' },
  k: { multiplier: THOUSAND, letter: 'attached-or-last' },
  т: { multiplier: THOUSAND, letter: 'attached-or-last' },
  m: { multiplier: MILLION, letter: 'attached' },
  тыс: { multiplier: THOUSAND },
  тысяч: { multiplier: THOUSAND },
  тысячи: { multiplier: THOUSAND },
  тысяча: { multiplier: THOUSAND },
  тысячу: { multiplier: THOUSAND },
  тыщ: { multiplier: THOUSAND },
  тыщи: { multiplier: THOUSAND },
  тыща: { multiplier: THOUSAND },
  тыщу: { multiplier: THOUSAND },
  тысч: { multiplier: THOUSAND },
  мын: { multiplier: THOUSAND },
  thousand: { multiplier: THOUSAND },
  thousands: { multiplier: THOUSAND },
  grand: { multiplier: THOUSAND },
  млн: { multiplier: MILLION, ownValue: MILLION },
  мил: { multiplier: MILLION },
  миллион: { multiplier: MILLION, ownValue: MILLION },
  миллиона: { multiplier: MILLION, ownValue: MILLION },
  миллионов: { multiplier: MILLION },
  лям: { multiplier: MILLION, ownValue: MILLION },
  ляма: { multiplier: MILLION },
  лямов: { multiplier: MILLION },
  million: { multiplier: MILLION, ownValue: MILLION },
  millions: { multiplier: MILLION },
  mln: { multiplier: MILLION },
  mio: { multiplier: MILLION },
  полмиллиона: { ownValue: MILLION / 2 },
  полумиллиона: { ownValue: MILLION / 2 },
  '₸': { currency: true },
  тг: { currency: true },
  тнг: { currency: true },
  тенге: { currency: true },
  kzt: { currency: true },
  tenge: { currency: true },
  tg: { currency: true },
};

export type KazakhCase = 'from' | 'to';

// Case endings Kazakh puts on amounts: 200 мың-нан «from/than 200k», 200 мың-ға «(up) to 200k».
const CASE_ENDINGS: readonly (readonly [string, KazakhCase])[] = [
  ['нан', 'from'],
  ['нен', 'from'],
  ['дан', 'from'],
  ['ден', 'from'],
  ['тан', 'from'],
  ['тен', 'from'],
  ['га', 'to'],
  ['ге', 'to'],
  ['ка', 'to'],
  ['ке', 'to'],
  ['на', 'to'],
  ['не', 'to'],
  ['а', 'to'],
  ['е', 'to'],
];

/** A case ending written on its own after a hyphen (200 000-нан, 1 млн-ға). */
export function kazakhCaseOf(key: string): KazakhCase | undefined {
  return CASE_ENDINGS.find(([ending]) => ending === key)?.[1];
}

/** The unit a word names, with the Kazakh case ending it carries (мыңнан, теңгеге). */
export function unitOf(key: string): { unit: Unit; kazakhCase?: KazakhCase } | undefined {
  const unit = UNITS[key];
  if (unit) return { unit };
  const folded = foldKazakh(key);
  for (const [ending, kazakhCase] of CASE_ENDINGS) {
    if (!folded.endsWith(ending)) continue;
    const base = UNITS[folded.slice(0, -ending.length)];
    if (base && !base.letter) return { unit: base, kazakhCase };
  }
  return undefined;
}
