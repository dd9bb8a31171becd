import { editDistance, typoTolerance } from './fuzzy';

export type WordClass = 'noun' | 'adjective';

// Case and number endings, hard and soft stems alike (диван-ами, стул-ьев).
const NOUN_ENDINGS = new Set([
  '', 'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ам', 'ям', 'ами', 'ями',
  'ах', 'ях', 'ов', 'ев', 'ью', 'ья', 'ьи', 'ье', 'ьев', 'ьям', 'ьями', 'ьях',
]);
// Full adjective endings, plus -о/-е of the first half of a compound (серо-голубой).
const ADJECTIVE_ENDINGS = new Set([
  'ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ую', 'юю', 'ым', 'им', 'ом',
  'ем', 'ых', 'их', 'ыми', 'ими', 'ей', 'ою', 'ею', 'о', 'е',
]);
const LONGEST_ENDING = 4;
// Diminutives sit between root and ending: диван-чик-и, кроват-к-а, кресл-иц-е, бел-еньк-ий.
const NOUN_DIMINUTIVES = ['ьчик', 'чик', 'ик', 'ок', 'ек', 'очк', 'ечк', 'ичк', 'ушк', 'юшк', 'иц', 'к'];
// -очк-/-ечк- replace a root's own final к: полк-а → пол-очк-а.
const REPLACING_DIMINUTIVES = new Set(['очк', 'ечк']);
const ADJECTIVE_DIMINUTIVES = ['еньк', 'оньк'];
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

export interface RussianMatch<T> {
  meanings: readonly T[];
  typo: boolean;
}

/**
 * Meanings of a Russian word: its root found behind case, number and
 * diminutive endings; failing that, a root it sounds like (сирый → серый,
 * шкав → шкаф); failing that, a root within typing distance (креслао, кравать).
 */
export function matchRussian<T>(word: string, roots: RussianRoots<T>): RussianMatch<T> | undefined {
  const exact = findByRoot(word, (stem, wordClass) => roots.exact(stem, wordClass));
  if (exact) return { meanings: exact, typo: false };
  const fleeting = FLEETING_VOWEL.exec(word);
  if (fleeting) {
    const closed = findByRoot(`${fleeting[1]}${fleeting[2]}`, (stem, wordClass) => roots.exact(stem, wordClass));
    if (closed) return { meanings: closed, typo: false };
  }
  if (word.length < MIN_TYPO_WORD) return undefined;
  const alike = findByRoot(word, (stem, wordClass) => roots.soundAlike(phoneticKey(stem), wordClass));
  if (alike) return { meanings: alike, typo: true };
  const near = nearestRoot(word, roots);
  return near ? { meanings: near, typo: true } : undefined;
}

/**
 * Folds the spellings people confuse by ear: unstressed е/и, and a voiced
 * consonant at the end of the root, which Russian pronounces voiceless.
 */
export function phoneticKey(root: string): string {
  const vowels = root.replaceAll('и', 'е');
  const last = vowels.at(-1) ?? '';
  return vowels.slice(0, -1) + (DEVOICED[last] ?? last);
}
const DEVOICED: Readonly<Record<string, string>> = { б: 'п', в: 'ф', г: 'к', д: 'т', ж: 'ш', з: 'с' };

type RootFinder<T> = (stem: string, wordClass: WordClass) => readonly T[] | undefined;

function findByRoot<T>(word: string, find: RootFinder<T>): readonly T[] | undefined {
  const maxEnding = Math.min(LONGEST_ENDING, word.length - 1);
  for (let cut = 0; cut <= maxEnding; cut++) {
    const stem = word.slice(0, word.length - cut);
    const ending = word.slice(word.length - cut);
    if (NOUN_ENDINGS.has(ending)) {
      const found = find(stem, 'noun') ?? behindDiminutive(stem, NOUN_DIMINUTIVES, 'noun', find);
      if (found) return found;
    }
    if (ADJECTIVE_ENDINGS.has(ending)) {
      const found = find(stem, 'adjective') ?? behindDiminutive(stem, ADJECTIVE_DIMINUTIVES, 'adjective', find);
      if (found) return found;
    }
  }
  return undefined;
}

function behindDiminutive<T>(stem: string, diminutives: readonly string[], wordClass: WordClass, find: RootFinder<T>): readonly T[] | undefined {
  for (const diminutive of diminutives) {
    if (!stem.endsWith(diminutive) || stem.length - diminutive.length < 2) continue;
    const base = stem.slice(0, -diminutive.length);
    const found = find(base, wordClass) ?? (REPLACING_DIMINUTIVES.has(diminutive) ? find(`${base}к`, wordClass) : undefined);
    if (found) return found;
  }
  return undefined;
}

function nearestRoot<T>(word: string, roots: RussianRoots<T>): readonly T[] | undefined {
  let best: readonly T[] | undefined;
  let bestDistance = Infinity;
  const initial = word[0] ?? '';
  for (let cut = 0; cut <= Math.min(LONGEST_ENDING, word.length - 3); cut++) {
    const stem = word.slice(0, word.length - cut);
    const ending = word.slice(word.length - cut);
    for (const wordClass of ['noun', 'adjective'] as const) {
      const endings = wordClass === 'noun' ? NOUN_ENDINGS : ADJECTIVE_ENDINGS;
      if (!endings.has(ending)) continue;
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
