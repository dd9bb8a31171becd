import { foldKazakh } from './kazakh';
import type { Word } from './meaning';

// Up to this many words may stand where a phrase has «…»: «удалите, пожалуйста, все мои персональные данные».
const GAP = 4;

interface Element {
  text: string;
  prefix: boolean;
  /** Latin patterns meet the word as typed; Cyrillic ones its folded key. */
  latin: boolean;
  /** Only after a gap of up to GAP words. */
  afterGap: boolean;
}

type Phrase = readonly Element[];

/** Phrases filed by the first letter of their first word, so a word is tried only against phrases that can start with it. */
export type PhraseSet = ReadonlyMap<string, readonly Phrase[]>;

/**
 * Phrases written as words separated by spaces; `word*` matches any word
 * beginning so (inflected forms), `…` lets up to four words in between.
 * Cyrillic is folded like a word's key (see meaning.ts).
 */
export function phrases(patterns: readonly string[]): PhraseSet {
  const set = new Map<string, Phrase[]>();
  for (const pattern of patterns) {
    const compiled = phrase(pattern);
    const initial = compiled[0]?.text[0] ?? '';
    const bucket = set.get(initial);
    if (bucket) bucket.push(compiled);
    else set.set(initial, [compiled]);
  }
  return set;
}

function phrase(pattern: string): Phrase {
  const elements: Element[] = [];
  let afterGap = false;
  for (const part of pattern.split(' ')) {
    if (part === '…') {
      afterGap = true;
      continue;
    }
    const prefix = part.endsWith('*');
    const text = foldKazakh(prefix ? part.slice(0, -1) : part);
    elements.push({ text, prefix, afterGap, latin: /^[a-z']/.test(text) });
    afterGap = false;
  }
  return elements;
}

export interface PhraseMatch {
  /** Positions in the word list of the phrase's first and last words. */
  first: number;
  last: number;
}

/** Phrases filed by first letter, each with what it stands for. */
export type LabelledPhraseSet<L> = ReadonlyMap<string, ReadonlyArray<{ label: L; phrase: Phrase }>>;

/** Phrases per label (a topic, a feature), in the syntax of `phrases`. */
export function labelledPhrases<L extends string>(table: Readonly<Record<L, readonly string[]>>): LabelledPhraseSet<L> {
  const set = new Map<string, Array<{ label: L; phrase: Phrase }>>();
  for (const label of Object.keys(table) as L[]) {
    for (const pattern of table[label]) {
      const compiled = phrase(pattern);
      const initial = compiled[0]?.text[0] ?? '';
      const bucket = set.get(initial);
      if (bucket) bucket.push({ label, phrase: compiled });
      else set.set(initial, [{ label, phrase: compiled }]);
    }
  }
  return set;
}

/** Every place a labelled phrase occurs, in the order of the words; the longest phrase wins where several start at one word. */
export function findLabels<L>(words: readonly Word[], set: LabelledPhraseSet<L>): Array<PhraseMatch & { label: L }> {
  const found: Array<PhraseMatch & { label: L }> = [];
  for (let first = 0; first < words.length; first++) {
    const word = words[first];
    if (!word) continue;
    let longest = -1;
    const start = found.length;
    const keyInitial = word.key[0] ?? '';
    const textInitial = word.token.text[0] ?? '';
    for (const initial of keyInitial === textInitial ? [keyInitial] : [keyInitial, textInitial]) {
      for (const { label, phrase: candidate } of set.get(initial) ?? []) {
        const last = matchFrom(words, candidate, 0, first);
        if (last === undefined || last < longest) continue;
        if (last > longest) {
          found.length = start;
          longest = last;
        }
        found.push({ first, last, label });
      }
    }
  }
  return found;
}

/** The earliest place one of the phrases occurs in the words, if any does. */
export function findPhrase(words: readonly Word[], set: PhraseSet): PhraseMatch | undefined {
  for (let first = 0; first < words.length; first++) {
    const word = words[first];
    if (!word) continue;
    const keyInitial = word.key[0] ?? '';
    const textInitial = word.token.text[0] ?? '';
    for (const initial of keyInitial === textInitial ? [keyInitial] : [keyInitial, textInitial]) {
      for (const candidate of set.get(initial) ?? []) {
        const last = matchFrom(words, candidate, 0, first);
        if (last !== undefined) return { first, last };
      }
    }
  }
  return undefined;
}

export function hasPhrase(words: readonly Word[], set: PhraseSet): boolean {
  return findPhrase(words, set) !== undefined;
}

function matchFrom(words: readonly Word[], candidate: Phrase, element: number, position: number): number | undefined {
  const current = candidate[element];
  if (!current) return position - 1;
  const reach = current.afterGap ? GAP : 0;
  for (let skip = 0; skip <= reach; skip++) {
    const word = words[position + skip];
    if (!word) return undefined;
    if (fits(word, current)) {
      const last = matchFrom(words, candidate, element + 1, position + skip + 1);
      if (last !== undefined) return last;
    }
  }
  return undefined;
}

function fits(word: Word, element: Element): boolean {
  const text = element.latin ? word.token.text : word.key;
  return element.prefix ? text.startsWith(element.text) : text === element.text;
}
