import { normalizeText } from './normalize';

export type Script = 'cyrillic' | 'latin';

export interface Token {
  kind: 'word' | 'number' | 'symbol';
  /** Normalised text; a word's look-alike letters are folded into its own script. */
  text: string;
  /** Offsets into the original message. */
  start: number;
  end: number;
  /** Whitespace separates it from the previous token ("200 к" vs "200к"). */
  spaced: boolean;
  script?: Script;
}

// Digit groups («200 000») are one number; a separator followed by digits stays
// inside the literal and numbers.ts decides whether it is a decimal mark.
const NUMBER = /\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)*/y;
const WORD = /\p{L}[\p{L}\p{M}]*(?:'\p{L}+)*/uy;
const SPACE = /\s+/y;

const CYRILLIC_LETTER = /[\u0400-\u04ff]/g;
const LATIN_LETTER = /[a-z\u00c0-\u024f]/g;

// Letters that look alike in both scripts: customers' keyboards swap them
// mid-word («дивaн» with a Latin a, «сiз» with a Latin i for Kazakh і).
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

/** Splits a message into words, numbers and single symbols, keeping each one's place in the original. */
export function tokenize(message: string): Token[] {
  const text = normalizeText(message);
  const tokens: Token[] = [];
  let position = 0;
  let spaced = false;
  while (position < text.length) {
    SPACE.lastIndex = position;
    if (SPACE.test(text)) {
      position = SPACE.lastIndex;
      spaced = true;
      continue;
    }
    const token = readNumber(text, position, spaced) ?? readWord(text, position, spaced) ?? readSymbol(text, position, spaced);
    tokens.push(token);
    position = token.end;
    spaced = false;
  }
  return tokens;
}

function readNumber(text: string, start: number, spaced: boolean): Token | undefined {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  return { kind: 'number', text: match[0], start, end: start + match[0].length, spaced };
}

function readWord(text: string, start: number, spaced: boolean): Token | undefined {
  WORD.lastIndex = start;
  const match = WORD.exec(text);
  if (!match) return undefined;
  const raw = match[0];
  const cyrillic = raw.match(CYRILLIC_LETTER)?.length ?? 0;
  const latin = raw.match(LATIN_LETTER)?.length ?? 0;
  const script: Script | undefined = cyrillic === 0 && latin === 0 ? undefined : cyrillic >= latin ? 'cyrillic' : 'latin';
  const word = script === 'cyrillic' ? foldLetters(raw, LATIN_TO_CYRILLIC) : script === 'latin' ? foldLetters(raw, CYRILLIC_TO_LATIN) : raw;
  return { kind: 'word', text: word, start, end: start + raw.length, spaced, ...(script ? { script } : {}) };
}

function readSymbol(text: string, start: number, spaced: boolean): Token {
  const symbol = String.fromCodePoint(text.codePointAt(start) ?? 0);
  return { kind: 'symbol', text: symbol, start, end: start + symbol.length, spaced };
}

function foldLetters(word: string, map: Readonly<Record<string, string>>): string {
  let out = '';
  for (const char of word) out += map[char] ?? char;
  return out;
}
