import { englishStem } from './englishStemmer';
import { russianStem } from './russianStemmer';

/**
 * One word of a text reduced for search: its Snowball stem, plus looser forms
 * (diminutive or adjective stripped) so that «диванчик» finds «диван» and
 * «кожаный» finds «кожа» and «экокожа».
 */
export interface SearchTerm {
  readonly stem: string;
  readonly related: readonly string[];
}

// Kazakh letters are kept inside words so that a Kazakh word stays one token.
const TOKEN = /[а-яәғқңөұүһі]+|[a-z]+|[0-9]+/g;
const CYRILLIC_START = /^[а-яәғқңөұүһі]/;

// Words that carry no product meaning in a shopping request, written as
// `normalize` leaves them (ё already folded to е).
const STOP_WORDS = new Set(
  `
  а без бы в во вот все где да для до его ее если есть еще же за здравствуйте и из или им их к как
  какая какие какой ко который ли либо мне меня мой моя мы на над нам нас не нет но нибудь ну о об
  около от очень по под покажи покажите пожалуйста посоветуйте привет подскажите при про с со так
  также то тоже только тут у хочу хотим хотел хотела хотелось что чтобы чуть это этот эта я ищу ищем
  нужен нужна нужно нужны надо можно купить будет тенге тг тыс тысяч руб
  a an and any are at for from i in is it me my need of on or please show some the to up want we with
  would like looking
  `
    .trim()
    .split(/\s+/),
);

// Stem endings whose removal leaves a related word: diminutives (столик → стол,
// тумбочка → тумба, полочка → полка) and relational adjectives (дубовый → дуб,
// кожаный → кожа, металлический → металл). A remainder is stemmed again.
const RELATED_ENDINGS: readonly (readonly [ending: string, replacements: readonly string[]])[] = [
  ['очк', ['', 'к']],
  ['ечк', ['', 'к']],
  ['оньк', ['']],
  ['еньк', ['']],
  ['ушк', ['']],
  ['юшк', ['']],
  ['чик', ['']],
  ['ик', ['']],
  ['иц', ['']],
  ['ическ', ['']],
  ['ов', ['']],
  ['ев', ['']],
  ['ан', ['']],
  ['ян', ['']],
  ['н', ['']],
];
// Prefixes of compound material words: экокожа is a kind of кожа.
const COMPOUND_PREFIXES = ['эко', 'микро'];
const MIN_STEM_LENGTH = 3;

// Building an index meets the same few thousand words over and over.
const termCache = new Map<string, SearchTerm>();
// Product vocabularies are small; the bound only guards against free-form input
// slowly filling a long-lived process.
const TERM_CACHE_LIMIT = 50_000;

/** Lowercases and folds ё into е, the way people type when they search. */
export function normalize(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

/** Cyrillic, Latin and digit runs of the normalised text; everything else separates. */
export function tokenize(text: string): string[] {
  return normalize(text).match(TOKEN) ?? [];
}

/** Snowball stem of one normalised token: Russian for Cyrillic, English for Latin, digits as they are. */
export function stemWord(token: string): string {
  if (!CYRILLIC_START.test(token)) return /^[a-z]/.test(token) ? englishStem(token) : token;
  // Snowball reads a final «-ть» as a verb infinitive, so «кровать» would stem to
  // «крова» but «кровати» to «кроват». A shop search has no use for verbs, so a
  // word ending in a soft sign is stemmed without it.
  const word = token.endsWith('ь') && token.length > 3 ? token.slice(0, -1) : token;
  return russianStem(word);
}

/** The looser forms of a stem, without the stem itself. */
export function relatedStems(stem: string): string[] {
  const related = new Set<string>();
  for (const [ending, replacements] of RELATED_ENDINGS) {
    if (!stem.endsWith(ending)) continue;
    const base = stem.slice(0, -ending.length);
    for (const replacement of replacements) {
      const word = base + replacement;
      if (word.length >= MIN_STEM_LENGTH) related.add(stemWord(word));
    }
  }
  for (const prefix of COMPOUND_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= MIN_STEM_LENGTH) {
      const rest = stem.slice(prefix.length);
      related.add(rest);
      for (const more of relatedStems(rest)) related.add(more);
    }
  }
  related.delete(stem);
  return [...related];
}

/** Search terms of a text: stop words and lone letters dropped, each distinct stem once. */
export function searchTerms(text: string): SearchTerm[] {
  const seen = new Set<string>();
  const terms: SearchTerm[] = [];
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token) || (token.length < 2 && !/^[0-9]/.test(token))) continue;
    const term = termOf(token);
    if (seen.has(term.stem)) continue;
    seen.add(term.stem);
    terms.push(term);
  }
  return terms;
}

function termOf(token: string): SearchTerm {
  const cached = termCache.get(token);
  if (cached) return cached;
  const stem = stemWord(token);
  const term = { stem, related: relatedStems(stem) };
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(token, term);
  return term;
}
