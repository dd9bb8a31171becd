import { editDistance, typoTolerance } from './fuzzy';

export type WordClass = 'masculine' | 'feminine' | 'neuter' | 'soft' | 'adjective';

/**
 * A noun's class from its dictionary form: стол (masculine), софа / кухня
 * (feminine), кресло (neuter), кровать (soft sign, feminine); with its root.
 */
export function nounRoot(noun: string): { root: string; wordClass: WordClass } {
  const last = noun.at(-1) ?? '';
  if (last === 'а' || last === 'я') return { root: noun.slice(0, -1), wordClass: 'feminine' };
  if (last === 'о' || last === 'е') return { root: noun.slice(0, -1), wordClass: 'neuter' };
  if (last === 'ь') return { root: noun.slice(0, -1), wordClass: 'soft' };
  return { root: noun, wordClass: 'masculine' };
}

// Case and number endings of each class; стул-ья shows in the masculine plural.
const ENDINGS: Readonly<Record<WordClass, ReadonlySet<string>>> = {
  masculine: new Set([
    '',
    'а',
    'у',
    'ом',
    'е',
    'ы',
    'и',
    'ов',
    'ев',
    'ей',
    'ам',
    'ами',
    'ах',
    'ям',
    'ями',
    'ях',
    'ья',
    'ьев',
    'ьям',
    'ьями',
    'ьях',
    'ю',
    'ем',
  ]),
  feminine: new Set(['', 'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях']),
  neuter: new Set(['', 'о', 'е', 'а', 'у', 'ом', 'ам', 'ами', 'ах']),
  soft: new Set(['ь', 'и', 'ью', 'ей', 'ям', 'ями', 'ях']),
  // Full adjective endings, plus -о/-е of the first half of a compound (серо-голубой).
  adjective: new Set([
    'ый',
    'ий',
    'ой',
    'ая',
    'яя',
    'ое',
    'ее',
    'ые',
    'ие',
    'ого',
    'его',
    'ому',
    'ему',
    'ую',
    'юю',
    'ым',
    'им',
    'ом',
    'ем',
    'ых',
    'их',
    'ыми',
    'ими',
    'ей',
    'ою',
    'ею',
    'о',
    'е',
  ]),
};
const COMPOUND_ENDINGS = new Set(['о', 'е']);
const NOUN_CLASSES: readonly WordClass[] = ['masculine', 'feminine', 'neuter', 'soft'];
const ALL_CLASSES: readonly WordClass[] = [...NOUN_CLASSES, 'adjective'];
const ANY_NOUN_ENDING = new Set(NOUN_CLASSES.flatMap((wordClass) => [...ENDINGS[wordClass]]));
const LONGEST_ENDING = 4;

// Diminutives sit between root and ending (диван-чик-и, тумб-очк-а, кресл-иц-е,
// кроват-к-а, бел-еньк-ий) and then decline on their own.
const DIMINUTIVES: Readonly<Record<WordClass, readonly string[]>> = {
  masculine: ['ьчик', 'чик', 'ик'],
  feminine: ['очк', 'ечк'],
  neuter: ['иц'],
  soft: ['к'],
  adjective: ['еньк', 'оньк'],
};
// -очк-/-ечк- replace the root's own final к: полк-а → пол-очк-а.
const REPLACING_DIMINUTIVES = new Set(['очк', 'ечк']);
// A vowel that drops out of the root in some forms: кресло → кресел, полка → полок.
const FLEETING_VOWEL = /^(.*[^аеиоуыэюяьй])[ое]([^аеиоуыэюяьй])$/;
const MIN_TYPO_WORD = 4;

export interface RussianRoots<T> {
  /** Meanings of a root of the given class, written as in the vocabulary. */
  exact(root: string, wordClass: WordClass): readonly T[] | undefined;
  /** Meanings of roots that sound like this one (see phoneticKey). */
  soundAlike(key: string, wordClass: WordClass): readonly T[] | undefined;
  /** Roots of the class beginning with this letter, for typo search. */
  byInitial(initial: string, wordClass: WordClass): readonly (readonly [root: string, meanings: readonly T[]])[];
}

export interface MatchOptions {
  /** Look for sound-alike and mistyped roots when nothing matches exactly. */
  typos?: boolean;
  /** Nouns only: Kazakh borrows Russian nouns (диван-ды), not adjectives. */
  nounsOnly?: boolean;
}

/**
 * Meanings of a Russian word: its root found behind the case, number and
 * diminutive endings of its class; failing that (and if allowed), a root it
 * sounds like (сирый → серый, шкав → шкаф), or one within typing distance
 * (креслао, кравать, дивн).
 */
export function matchRussian<T>(
  word: string,
  roots: RussianRoots<T>,
  { typos = false, nounsOnly = false }: MatchOptions = {},
): readonly T[] | undefined {
  const classes = nounsOnly ? NOUN_CLASSES : ALL_CLASSES;
  const exact = findByRoot(word, classes, (stem, wordClass) => roots.exact(stem, wordClass));
  if (exact) return exact;
  const fleeting = FLEETING_VOWEL.exec(word);
  if (fleeting) {
    const closed = findByRoot(`${fleeting[1]}${fleeting[2]}`, classes, (stem, wordClass) => roots.exact(stem, wordClass));
    if (closed) return closed;
  }
  if (!typos || word.length < MIN_TYPO_WORD) return undefined;
  const alike = findByRoot(
    word,
    classes,
    (stem, wordClass, ending) => roots.soundAlike(phoneticKey(stem, ending === ''), wordClass),
    false,
  );
  if (alike) return alike;
  return nearestRoot(word, classes, roots);
}

/**
 * Folds the spellings people confuse by ear: unstressed е/и, and a voiced
 * consonant ending the word, which Russian pronounces voiceless (шкав → шкаф).
 */
export function phoneticKey(root: string, wordFinal: boolean): string {
  const vowels = root.replaceAll('и', 'е');
  const last = vowels.at(-1) ?? '';
  return wordFinal ? vowels.slice(0, -1) + (DEVOICED[last] ?? last) : vowels;
}
const DEVOICED: Readonly<Record<string, string>> = { б: 'п', в: 'ф', г: 'к', д: 'т', ж: 'ш', з: 'с' };

type RootFinder<T> = (stem: string, wordClass: WordClass, ending: string) => readonly T[] | undefined;

function findByRoot<T>(word: string, classes: readonly WordClass[], find: RootFinder<T>, compounds = true): readonly T[] | undefined {
  const maxEnding = Math.min(LONGEST_ENDING, word.length - 1);
  for (let cut = 0; cut <= maxEnding; cut++) {
    const stem = word.slice(0, word.length - cut);
    const ending = word.slice(word.length - cut);
    for (const wordClass of classes) {
      if (wordClass === 'adjective' && !compounds && COMPOUND_ENDINGS.has(ending)) continue;
      const found =
        (ENDINGS[wordClass].has(ending) ? find(stem, wordClass, ending) : undefined) ?? behindDiminutive(stem, ending, wordClass, find);
      if (found) return found;
    }
  }
  return undefined;
}

function behindDiminutive<T>(stem: string, ending: string, wordClass: WordClass, find: RootFinder<T>): readonly T[] | undefined {
  const endings = wordClass === 'adjective' ? ENDINGS.adjective : ANY_NOUN_ENDING;
  if (!endings.has(ending)) return undefined;
  for (const diminutive of DIMINUTIVES[wordClass]) {
    if (!stem.endsWith(diminutive) || stem.length - diminutive.length < 2) continue;
    const base = stem.slice(0, -diminutive.length);
    const found =
      find(base, wordClass, ending) ?? (REPLACING_DIMINUTIVES.has(diminutive) ? find(`${base}к`, wordClass, ending) : undefined);
    if (found) return found;
  }
  return undefined;
}

function nearestRoot<T>(word: string, classes: readonly WordClass[], roots: RussianRoots<T>): readonly T[] | undefined {
  let best: readonly T[] | undefined;
  let bestDistance = Infinity;
  const initial = word[0] ?? '';
  for (let cut = 0; cut <= Math.min(LONGEST_ENDING, word.length - 3); cut++) {
    const stem = word.slice(0, word.length - cut);
    const ending = word.slice(word.length - cut);
    for (const wordClass of classes) {
      if (!ENDINGS[wordClass].has(ending)) continue;
      for (const [root, meanings] of roots.byInitial(initial, wordClass)) {
        const tolerance = typoTolerance(root);
        if (tolerance === 0) continue;
        const distance = editDistance(stem, root, tolerance);
        if (distance <= tolerance && distance < bestDistance) {
          best = meanings;
          bestDistance = distance;
        }
      }
    }
  }
  return best;
}
