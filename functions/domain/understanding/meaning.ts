import type { Language } from '../language';
import { foldKazakh, KAZAKH_LETTER, kazakhLatinToCyrillic, kazakhReadings } from './kazakh';
import type { Concept } from './lexicon';
import { matchRussian } from './russianMorphology';
import type { Token } from './tokens';
import { russianFromLatin } from './transliteration';
import { englishConcepts, inflectsInKazakh, kazakhRootConcepts, RUSSIAN_ROOTS, wholeWordConcepts } from './vocabularyIndex';

export interface Word {
  /** Position of the word among all the message's tokens. */
  index: number;
  token: Token;
  /**
   * The word as cue phrases read it: Cyrillic with Kazakh letters folded, so
   * that «сәлем» and «салем» meet; Latin-typed Russian or Kazakh read into
   * Cyrillic first; English as written.
   */
  key: string;
  concepts: readonly Concept[];
  /** Joined to the word before by a hyphen: купе in «шкаф-купе», голубой in «серо-голубой». */
  hyphenated: boolean;
  /** Carries a Kazakh «my» (диваныма): names what the customer has, not what they want. */
  mine: boolean;
}

interface Reading {
  concepts: readonly Concept[];
  mine: boolean;
}
const NOTHING: Reading = { concepts: [], mine: false };

/** The message's words with what each means in the shop's vocabulary. */
export function readWords(tokens: readonly Token[], language: Language): Word[] {
  const words: Word[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word') return;
    const cyrillic = cyrillicReading(token, language);
    const key = cyrillic === undefined ? token.text : foldKazakh(cyrillic);
    const hyphen = tokens[index - 1];
    const hyphenated = hyphen?.text === '-' && !hyphen.spaced && !token.spaced && tokens[index - 2]?.kind === 'word';
    words.push({ index, token, key, hyphenated, ...rememberedMeaning(token, cyrillic, language) });
  });
  return words;
}

function cyrillicReading(token: Token, language: Language): string | undefined {
  if (token.script !== 'latin') return token.text;
  if (language === 'kk') return kazakhLatinToCyrillic(token.text);
  if (language === 'ru') return russianFromLatin(token.text);
  return undefined;
}

// Customers reuse the same few hundred words; remembering what each meant
// spares the typo search. Bounded so free-form text cannot grow it forever.
const remembered = new Map<string, Reading>();
const REMEMBERED_LIMIT = 20_000;

function rememberedMeaning(token: Token, cyrillic: string | undefined, language: Language): Reading {
  const key = `${language}:${token.text}`;
  const known = remembered.get(key);
  if (known) return known;
  const reading = meaningOf(token, cyrillic, language);
  if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
  remembered.set(key, reading);
  return reading;
}

function meaningOf(token: Token, cyrillic: string | undefined, language: Language): Reading {
  const whole = wholeWordConcepts(token.text);
  if (whole) return { concepts: whole, mine: false };
  if (token.script === 'latin') {
    const english = englishConcepts(token.text, language === 'en');
    if (english) return { concepts: english, mine: false };
  }
  return cyrillic === undefined ? NOTHING : cyrillicMeaning(cyrillic, language);
}

function cyrillicMeaning(word: string, language: Language): Reading {
  const whole = wholeWordConcepts(word);
  if (whole) return { concepts: whole, mine: false };
  const russian = matchRussian(word, RUSSIAN_ROOTS);
  if (russian) return { concepts: russian, mine: false };
  if (language === 'kk' || KAZAKH_LETTER.test(word)) return kazakhMeaning(foldKazakh(word));
  // Mixed speech puts Kazakh nouns in Russian sentences («кереует 180 на 200 есть?»).
  const kazakh = kazakhMeaning(foldKazakh(word));
  if (kazakh.concepts.length > 0) return kazakh;
  // Typos are looked for in Russian only: Kazakh words sit too close to Russian roots.
  const typo = language === 'ru' ? matchRussian(word, RUSSIAN_ROOTS, { typos: true }) : undefined;
  return typo ? { concepts: typo, mine: false } : NOTHING;
}

function kazakhMeaning(folded: string): Reading {
  const bare = kazakhRootConcepts(folded) ?? wholeWordConcepts(folded);
  if (bare) return { concepts: bare, mine: false };
  for (const { root, mine } of kazakhReadings(folded).slice(1)) {
    const kazakh = kazakhRootConcepts(root);
    const concepts = inflectsInKazakh(kazakh) ? kazakh : matchRussian(root, RUSSIAN_ROOTS, { nounsOnly: true });
    if (concepts) return { concepts, mine };
  }
  return NOTHING;
}
