import { editDistance, typoTolerance } from './fuzzy';
import { foldKazakh } from './kazakh';
import { VOCABULARY } from './lexicon';
import type { Concept } from './lexicon';
import { nounRoot, phoneticKey } from './russianMorphology';
import type { RussianRoots, WordClass } from './russianMorphology';

type Index = Map<string, Concept[]>;

function add(index: Index, key: string, concept: Concept): void {
  const list = index.get(key);
  if (list) list.push(concept);
  else index.set(key, [concept]);
}

function classIndex(): Record<WordClass, Index> {
  return { masculine: new Map(), feminine: new Map(), neuter: new Map(), soft: new Map(), adjective: new Map() };
}

const rootIndex = classIndex();
const soundIndex = classIndex();
const wholeWords: Index = new Map();
const kazakhRoots: Index = new Map();
const englishWords: Index = new Map();

for (const { concept, nouns = [], adjectives = [], words = [], kazakh = [], english = [] } of VOCABULARY) {
  const roots = [...nouns.map(nounRoot), ...adjectives.map((root) => ({ root, wordClass: 'adjective' as const }))];
  for (const { root, wordClass } of roots) {
    add(rootIndex[wordClass], root, concept);
    // Keyed both ways: «шкав» is heard at the end of a word, «сирая» anywhere.
    add(soundIndex[wordClass], phoneticKey(root, true), concept);
    if (phoneticKey(root, false) !== phoneticKey(root, true)) add(soundIndex[wordClass], phoneticKey(root, false), concept);
  }
  for (const word of words) add(wholeWords, word, concept);
  for (const root of kazakh) add(kazakhRoots, foldKazakh(root), concept);
  for (const word of english) for (const form of englishForms(word)) add(englishWords, form, concept);
}

function byInitial(index: Index): Map<string, (readonly [string, Concept[]])[]> {
  const buckets = new Map<string, (readonly [string, Concept[]])[]>();
  for (const entry of index) {
    const initial = entry[0][0] ?? '';
    const bucket = buckets.get(initial);
    if (bucket) bucket.push(entry);
    else buckets.set(initial, [entry]);
  }
  return buckets;
}

const rootsByInitial = Object.fromEntries(Object.entries(rootIndex).map(([wordClass, index]) => [wordClass, byInitial(index)])) as Record<
  WordClass,
  ReturnType<typeof byInitial>
>;
const englishByInitial = byInitial(englishWords);

/** The vocabulary's Russian roots, as russianMorphology.ts reads them. */
export const RUSSIAN_ROOTS: RussianRoots<Concept> = {
  exact: (root, wordClass) => rootIndex[wordClass].get(root),
  soundAlike: (key, wordClass) => soundIndex[wordClass].get(key),
  byInitial: (initial, wordClass) => rootsByInitial[wordClass].get(initial) ?? [],
};

/** Words that do not inflect (тв, купе, венге), in any script. */
export function wholeWordConcepts(word: string): readonly Concept[] | undefined {
  return wholeWords.get(word);
}

/**
 * Whether Kazakh suffixes may hang on these concepts' words: nouns take them
 * (кереует-ті, үстел-дер), colours and styles stand bare before the noun, and
 * stripping suffixes to reach them would read «қара-ды» (looked) as black.
 */
export function inflectsInKazakh(concepts: readonly Concept[] | undefined): concepts is readonly Concept[] {
  return concepts?.some((concept) => concept.kind === 'item' || concept.kind === 'sort') ?? false;
}

/** Concepts of a folded Kazakh root. */
export function kazakhRootConcepts(root: string): readonly Concept[] | undefined {
  return kazakhRoots.get(root);
}

/** Concepts of an English word, its plural, or (if allowed) a word one or two typos away (matress, wardobe). */
export function englishConcepts(word: string, allowTypos = true): readonly Concept[] | undefined {
  const known = englishWords.get(word);
  if (known || !allowTypos || word.length < 4) return known;
  let best: readonly Concept[] | undefined;
  let bestDistance = Infinity;
  for (const [form, concepts] of englishByInitial.get(word[0] ?? '') ?? []) {
    const tolerance = typoTolerance(form);
    if (tolerance === 0) continue;
    const distance = editDistance(word, form, tolerance);
    if (distance <= tolerance && distance < bestDistance) {
      best = concepts;
      bestDistance = distance;
    }
  }
  return best;
}

function englishForms(word: string): string[] {
  if (word.endsWith('f')) return [word, `${word.slice(0, -1)}ves`];
  if (/(?:s|x|ch|sh)$/.test(word)) return [word, `${word}es`];
  return [word, `${word}s`];
}

// Every Russian root and Kazakh root, by its first three letters (folded).
const ROOT_BEGINNINGS = new Set(
  [...Object.values(rootIndex).flatMap((index) => [...index.keys()]), ...kazakhRoots.keys()].map((root) => foldKazakh(root).slice(0, 3)),
);

/** Whether a folded word could be a vocabulary root with suffixes: a cheap test before stripping them. */
export function startsLikeVocabulary(folded: string): boolean {
  return ROOT_BEGINNINGS.has(folded.slice(0, 3));
}
