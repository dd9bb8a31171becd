import { numberWordValue, parseNumberLiteral } from './numbers';
import { SLEEPING_PLACE_LITERAL } from './prices';
import type { Token } from './tokens';

export type Measure = 'width' | 'depth' | 'height' | 'length';

/**
 * A size as the customer wrote it, in centimetres, before the section is
 * known: «160×200» is a sleeping place for a bed and a footprint for a table,
 * so the dialogue decides what it bounds.
 */
export type SizeCue =
  | { kind: 'pair'; width: number; length: number }
  /** One measure (or, with none named, the main one): about a value («шириной 2 метра»), or bounded («не шире 120»). */
  | { kind: 'measure'; measure?: Measure; value?: number; min?: number; max?: number }
  /** A bare number that is neither money nor a count: «кровать 160», «а 140 есть?». */
  | { kind: 'bare'; value: number };

export interface SizeReading {
  size?: SizeCue;
  /** A television's diagonal in inches («65 дюймов», «55"»). */
  tvInches?: number;
}

const PAIR_SIGNS = new Set(['×', 'x', 'х', '*', 'на', 'by']);
// Centimetres per unit, by the beginning of the unit's word (метр, метра, метров; сантиметров).
const UNIT_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['мм', 0.1],
  ['mm', 0.1],
  ['миллиметр', 0.1],
  ['см', 1],
  ['cm', 1],
  ['сантим', 1],
  ['м', 100],
  ['m', 100],
  ['метр', 100],
  ['meter', 100],
  ['metre', 100],
];
const INCH_WORDS = ['дюйм', 'дюим', 'inch', '"', '″', '”'];
const DIAGONAL_WORDS = ['диагонал', 'diagonal', 'tv', 'тв', 'телевизор', 'теледидар'];
const MEASURE_WORDS: ReadonlyArray<readonly [string, Measure]> = [
  ['ширин', 'width'],
  ['width', 'width'],
  ['wide', 'width'],
  ['ени', 'width'],
  ['глубин', 'depth'],
  ['depth', 'depth'],
  ['deep', 'depth'],
  ['терендиг', 'depth'],
  ['высот', 'height'],
  ['height', 'height'],
  ['high', 'height'],
  ['tall', 'height'],
  ['бииктиг', 'height'],
  ['длин', 'length'],
  ['length', 'length'],
  ['long', 'length'],
  ['узындыг', 'length'],
];

/** The unit a word names: a short one exactly («м», «см»), a long one by its beginning («метра», «сантиметров»). */
function unitOfWord(key: string): number | undefined {
  for (const [unit, centimetres] of UNIT_WORDS) if (unit.length <= 2 ? key === unit : key.startsWith(unit)) return centimetres;
  return undefined;
}

const startsAny = (key: string, beginnings: readonly string[]) => key !== '' && beginnings.some((beginning) => key.startsWith(beginning));
const MAX_WORDS = new Set([
  'до',
  'максимум',
  'макс',
  'менее',
  'меньше',
  'under',
  'max',
  'дейин',
  'шейин',
  'уже',
  'шире',
  'выше',
  'длиннее',
  'глубже',
]);
const MIN_WORDS = new Set(['от', 'минимум', 'более', 'больше', 'least', 'from', 'over', 'бастап']);
// «двухметровый шкаф»: a length written into an adjective.
const METRE_ADJECTIVES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:двухметров|двуметров)\p{L}*$/u, 200],
  [/^(?:полутораметров|полуторметров)\p{L}*$/u, 150],
  [/^(?:метров)\p{L}*$/u, 100],
];
const BARE_MIN = 60;
const BARE_MAX = 220;
const SIZE_WINDOW = 3;

/** Sizes and a television's diagonal named in the message. */
export function readSizes(tokens: readonly Token[], keys: readonly string[], isMoney: (tokenIndex: number) => boolean): SizeReading {
  const reading: SizeReading = {};
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    if (token.kind === 'word') {
      // «два метра», «метра два», «полтора метра»: a size in words, next to its unit.
      const spoken = numberWordValue(keys[index] ?? '');
      const spokenUnit = spoken === undefined ? undefined : (unitOfWord(keys[index + 1] ?? '') ?? unitOfWord(keys[index - 1] ?? ''));
      if (spoken !== undefined && spokenUnit !== undefined) {
        reading.size ??= bounded(Math.round(spoken * spokenUnit), boundBefore(keys, index), measureNear(keys, index));
        continue;
      }
      if (!(keys[index] ?? '').includes('метров')) continue;
      const adjective = METRE_ADJECTIVES.find(([pattern]) => pattern.test(keys[index] ?? ''));
      if (adjective && reading.size === undefined) reading.size = around(adjective[1]);
      continue;
    }
    if (token.kind !== 'number' || isMoney(index)) continue;
    const typedPair = SLEEPING_PLACE_LITERAL.exec(token.text);
    if (typedPair) {
      const [a, b] = [Number(typedPair[1]), Number(typedPair[2])];
      reading.size ??= { kind: 'pair', width: Math.min(a, b), length: Math.max(a, b) };
      continue;
    }
    const value = parseNumberLiteral(token.text, false);
    const next = keys[index + 1] ?? '';
    if (startsAny(next, INCH_WORDS) || startsAny(keys[index - 1] ?? '', DIAGONAL_WORDS)) {
      reading.tvInches ??= value;
      continue;
    }
    const pair = pairAt(tokens, keys, index);
    if (pair) {
      reading.size ??= pair;
      index += 2;
      continue;
    }
    const unit = unitOfWord(next);
    const measure = measureNear(keys, index);
    if (unit !== undefined || measure !== undefined) {
      const centimetres = Math.round(value * (unit ?? (value <= 4 ? 100 : 1)));
      reading.size ??= bounded(centimetres, boundBefore(keys, index), measure);
      continue;
    }
    if (value >= BARE_MIN && value <= BARE_MAX && !token.text.includes('.') && tokens[index - 1]?.kind !== 'number') {
      reading.size ??= { kind: 'bare', value };
    }
  }
  return reading;
}

function around(centimetres: number, measure?: Measure): SizeCue {
  return { kind: 'measure', ...(measure ? { measure } : {}), value: centimetres };
}

function bounded(centimetres: number, bound: 'min' | 'max' | undefined, measure: Measure | undefined): SizeCue {
  if (bound === undefined) return around(centimetres, measure);
  return { kind: 'measure', ...(measure ? { measure } : {}), [bound]: centimetres };
}

function pairAt(tokens: readonly Token[], keys: readonly string[], index: number): SizeCue | undefined {
  const sign = keys[index + 1] ?? '';
  const second = tokens[index + 2];
  if (!PAIR_SIGNS.has(sign) || second?.kind !== 'number') return undefined;
  const a = parseNumberLiteral(tokens[index]?.text ?? '', false);
  const b = parseNumberLiteral(second.text, false);
  const unit = unitOfWord(keys[index + 3] ?? '') ?? (Math.max(a, b) <= 4 ? 100 : 1);
  const [width, length] = [Math.round(Math.min(a, b) * unit), Math.round(Math.max(a, b) * unit)];
  return { kind: 'pair', width, length };
}

function measureNear(keys: readonly string[], index: number): Measure | undefined {
  for (let distance = 1; distance <= SIZE_WINDOW; distance++) {
    for (const key of [keys[index - distance] ?? '', keys[index + distance] ?? '']) {
      const found = key === '' ? undefined : MEASURE_WORDS.find(([beginning]) => key.startsWith(beginning));
      if (found) return found[1];
    }
  }
  return undefined;
}

function boundBefore(keys: readonly string[], index: number): 'min' | 'max' | undefined {
  for (let distance = 1; distance <= SIZE_WINDOW; distance++) {
    const key = keys[index - distance] ?? '';
    if (MAX_WORDS.has(key)) return 'max';
    if (MIN_WORDS.has(key)) return 'min';
  }
  const after = keys[index + 2] ?? '';
  if (after === 'дейин' || after === 'шейин') return 'max';
  if (after === 'бастап') return 'min';
  return undefined;
}
