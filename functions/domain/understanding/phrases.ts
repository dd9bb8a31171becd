import { foldKazakh } from './kazakh';
import type { Word } from './meaning';

// Up to this many words may stand where a phrase has «…»: «удалите, пожалуйста, все мои персональные данные».
const GAP = 4;

interface Element {
  text: string;
  prefix: boolean;
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
    elements.push({ text: foldKazakh(prefix ? part.slice(0, -1) : part), prefix, afterGap });
    afterGap = false;
  }
  return elements;
}

export interface PhraseMatch {
  /** Positions in the word list of the phrase's first and last words. */
  first: number;
  last: number;
}

/** The earliest place one of the phrases occurs in the words, if any does. */
export function findPhrase(words: readonly Word[], set: PhraseSet): PhraseMatch | undefined {
  for (let first = 0; first < words.length; first++) {
    const word = words[first];
    if (!word) continue;
    const initials = new Set([word.key[0] ?? '', word.token.text[0] ?? '']);
    for (const initial of initials) {
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
  const text = isLatin(element.text) ? word.token.text : word.key;
  return element.prefix ? text.startsWith(element.text) : text === element.text;
}

function isLatin(text: string): boolean {
  return /^[a-z']/.test(text);
}
