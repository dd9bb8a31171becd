import type { Language } from '../language';
import { foldKazakh, KAZAKH_LETTER, kazakhReadings } from './kazakh';
import { matchRussian } from './russianMorphology';
import type { Token } from './tokens';
import { russianFromLatin } from './transliteration';
import {
  englishConcepts,
  inflectsInKazakh,
  kazakhRootConcepts,
  RUSSIAN_ROOTS,
  startsLikeVocabulary,
  wholeWordConcepts,
} from './vocabularyIndex';

// Kazakh words written without Kazakh letters, as on a Russian keyboard (folded).
const KAZAKH_WORDS = new Set([
  'керек',
  'кажет',
  'бар',
  'жок',
  'ма',
  'ме',
  'ба',
  'бе',
  'па',
  'пе',
  'маган',
  'сизде',
  'сиз',
  'сен',
  'мен',
  'менин',
  'рахмет',
  'салем',
  'салам',
  'салеметсиз',
  'канша',
  'кандаи',
  'калаи',
  'калаисыз',
  'иа',
  'жаксы',
  'болады',
  'мын',
  'тусти',
  'тус',
  'дейин',
  'шеиин',
  'ушин',
  'арзан',
  'кымбат',
  'бага',
  'багасы',
  'тенгеге',
  'ауа',
  'раиы',
  // Pronouns, question words and verbs without Kazakh letters.
  'ол',
  'олар',
  'оны',
  'осы',
  'осыны',
  'сол',
  'соны',
  'мына',
  'мынау',
  'анау',
  'неден',
  'неше',
  'ким',
  'енди',
  'тагы',
  'туралы',
  'кеиин',
  'бирак',
  'немесе',
  'болса',
  'бола',
  'алам',
  'аламын',
  'алаиын',
  'жасалган',
  'корсет',
  'корсетиниз',
  'бериниз',
]);
// Verb and noun beginnings no Russian word shares.
const KAZAKH_BEGINNINGS = [
  'издеи',
  'корсет',
  'усын',
  'хабарла',
  'токтат',
  'жибер',
  'жазба',
  'деректер',
  'комектес',
  'сатып',
  'алгым',
  'жарас',
  'саикес',
];
// Words both languages write alike (loans in their base form, units): they count for neither.
const SHARED_WORDS = new Set([
  'диван',
  'кресло',
  'шкаф',
  'комод',
  'матрас',
  'матрац',
  'стеллаж',
  'тумба',
  'модерн',
  'лофт',
  'сканди',
  'тенге',
  'тг',
  'млн',
  'ок',
  'стиль',
  'оператор',
  'менеджер',
  // Russian «не» and Kazakh «не» (what) are written alike.
  'не',
]);

// Kazakh in the Latin alphabet: the letters of the 2021 alphabet and its drafts, a q not before u.
const KAZAKH_LATIN_LETTER = /[áäǵğıńñóöşçúüý]|q(?!u)/;
const KAZAKH_LATIN_WORDS = new Set([
  'kerek',
  'ma',
  'salem',
  'salam',
  'rahmet',
  'raqmet',
  'magan',
  'kansha',
  'kandai',
  'kanday',
  'jaksy',
  'zhaksy',
  'jasyl',
  'zhasyl',
  'sary',
  'kara',
  'ak',
  'sur',
  'kok',
  'kyzyl',
  'konyr',
  'kereuet',
  'oryndyk',
  'ustel',
  'myn',
  'deiin',
  'deyin',
  'izdeimin',
  'izdeymin',
  'tusti',
  'sizde',
  'bolady',
  'kitap',
  'soresi',
  'zhumys',
  'jumys',
]);

// Common English words, and common Russian ones to recognise Russian typed in
// Latin letters once it is read back into Cyrillic (hochu → хочу).
const ENGLISH_WORDS = new Set([
  'a',
  'an',
  'the',
  'i',
  'im',
  "i'm",
  'you',
  'me',
  'my',
  'we',
  'our',
  'it',
  'its',
  "it's",
  'this',
  'that',
  'these',
  'is',
  'are',
  'be',
  'do',
  'does',
  'have',
  'has',
  'for',
  'with',
  'in',
  'on',
  'of',
  'to',
  'and',
  'or',
  'not',
  'no',
  'yes',
  'please',
  'pls',
  'plz',
  'thanks',
  'thank',
  'what',
  'which',
  'who',
  'how',
  'when',
  'where',
  'can',
  'could',
  'would',
  'will',
  'want',
  'need',
  'looking',
  'look',
  'show',
  'any',
  'some',
  'there',
  'here',
  'price',
  'cheap',
  'under',
  'below',
  'between',
  'from',
  'up',
  'max',
  'around',
  'about',
  'hi',
  'hello',
  'hey',
  'good',
  'morning',
  'evening',
  'help',
  'stop',
  'sell',
  'buy',
  'like',
  'style',
  'color',
  'colour',
  'size',
  'new',
  'sale',
  'let',
  'know',
  'tell',
  'call',
  'delete',
  'data',
  'forget',
  'human',
  'manager',
  'recommend',
  'joke',
  'weather',
  'won',
  'match',
  'whats',
  "what's",
  'seater',
  'people',
  'unit',
  'tenge',
  'million',
  'thousand',
  'less',
  'more',
  'than',
  'least',
  'most',
  'notify',
  'drops',
]);
const RUSSIAN_WORDS = new Set([
  'хочу',
  'нужен',
  'нужна',
  'нужно',
  'нужны',
  'есть',
  'до',
  'от',
  'для',
  'мне',
  'меня',
  'привет',
  'здравствуйте',
  'покажите',
  'покажи',
  'сколько',
  'стоит',
  'цвет',
  'цвета',
  'цвете',
  'какой',
  'какие',
  'тыс',
  'тысяч',
  'и',
  'в',
  'на',
  'с',
  'без',
  'пожалуйста',
  'можно',
  'надо',
  'или',
  'не',
  'да',
  'нет',
  'спасибо',
  'у',
  'вас',
  'еще',
  'ищу',
  'как',
  'что',
  'где',
  'это',
  'очень',
  'купить',
  'дешевле',
  'недорого',
  'цена',
  'стоп',
]);

const UNIT_WORDS = new Set(['к', 'k', 'т', 'тг', 'тнг', 'тыс', 'млн', 'mln', 'kzt', 'х', 'x', 'м', 'm', 'см', 'cm', 'мм', 'mm']);

export interface LanguageReading {
  language: Language;
  /**
   * Some word belongs to one language: «менеджер», «200к» or «ok» alone says
   * nothing, and the conversation keeps the language it had.
   */
  known: boolean;
}

/**
 * The language to answer in: Russian first, Kazakh when the message carries
 * Kazakh as much as Russian (its letters, its words, its suffixes on loans
 * such as «диванды»), English for Latin text that is neither Kazakh nor
 * Russian typed in Latin. A message with no words at all gets Russian.
 */
export function detectLanguage(tokens: readonly Token[]): Language {
  return readLanguage(tokens).language;
}

/** `detectLanguage`, and whether any word told the language at all. */
export function readLanguage(tokens: readonly Token[]): LanguageReading {
  const words = tokens.filter((token) => token.kind === 'word' && token.script && !UNIT_WORDS.has(token.text));
  const cyrillic = words.filter((token) => token.script === 'cyrillic');
  const latin = words.filter((token) => token.script === 'latin');
  if (cyrillic.length > 0 && cyrillic.length >= latin.length) {
    let kazakh = 0;
    let russian = 0;
    for (const { text } of cyrillic) {
      if (isKazakhCyrillic(text)) kazakh++;
      else if (!SHARED_WORDS.has(foldKazakh(text))) russian++;
    }
    return { language: kazakh > 0 && kazakh >= russian ? 'kk' : 'ru', known: kazakh + russian > 0 };
  }
  if (latin.length === 0) return { language: 'ru', known: false };
  let kazakh = 0;
  let russian = 0;
  let english = 0;
  for (const { text } of latin) {
    if (KAZAKH_LATIN_LETTER.test(text) || KAZAKH_LATIN_WORDS.has(text)) {
      kazakh++;
      continue;
    }
    // A word both ways (divan, do, sofa) tells nothing.
    const isEnglish = ENGLISH_WORDS.has(text) || englishConcepts(text, false) !== undefined || wholeWordConcepts(text) !== undefined;
    const isRussian = isRussianWord(russianFromLatin(text));
    if (isEnglish && !isRussian) english++;
    if (isRussian && !isEnglish) russian++;
  }
  const known = kazakh + russian + english > 0;
  if (kazakh > english && kazakh >= russian) return { language: 'kk', known };
  return { language: russian > english ? 'ru' : 'en', known };
}

function isKazakhCyrillic(word: string): boolean {
  if (KAZAKH_LETTER.test(word)) return true;
  const folded = foldKazakh(word);
  if (KAZAKH_WORDS.has(folded) || KAZAKH_BEGINNINGS.some((beginning) => folded.startsWith(beginning))) return true;
  if (kazakhRootConcepts(folded)) return true;
  // A Russian loan with Kazakh suffixes (диван-ды, кресло-лар) reads as Kazakh; a Russian form of it does not.
  if (!startsLikeVocabulary(folded) || isRussianWord(word)) return false;
  return kazakhReadings(folded)
    .slice(1)
    .some(({ root }) => inflectsInKazakh(kazakhRootConcepts(root)) || matchRussian(root, RUSSIAN_ROOTS, { nounsOnly: true }));
}

function isRussianWord(word: string): boolean {
  return RUSSIAN_WORDS.has(word) || wholeWordConcepts(word) !== undefined || matchRussian(word, RUSSIAN_ROOTS) !== undefined;
}
