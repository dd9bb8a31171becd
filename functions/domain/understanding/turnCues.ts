import type { Category } from '../catalog/product';
import type { Feature } from '../catalog/productFeatures';
import type { StoreTopic } from '../store/storeTopics';
import type { ItemMention } from './attributes';
import { readActs, type ConversationAct } from './conversationActs';
import { readCourtesy, type Courtesy } from './courtesy';
import { readFeatures } from './featureReading';
import type { Word } from './meaning';
import { readProductTopic, type ProductTopic } from './productQuestions';
import { readReference, type Reference } from './references';
import { readSizes, type SizeCue } from './sizeReading';
import { readSort, type SortCue } from './sortCue';
import { readStoreTopic } from './storeQuestions';
import type { Token } from './tokens';

/**
 * What a message says beyond its search slots, for a conversation: the
 * features and sizes asked for, what it points at on screen, how to reorder
 * what is shown, the question it asks (about a product or the store), the
 * social words, and what it wants done (buy, add up, match, more).
 */
export interface TurnCues {
  features: Feature[];
  size?: SizeCue;
  tvInches?: number;
  sort?: SortCue;
  reference?: Reference;
  productTopic?: ProductTopic;
  storeTopic?: StoreTopic;
  courtesy?: Courtesy;
  acts: ConversationAct[];
  /** Every item asked for with its quantity; two or more make a set. */
  items: ItemMention[];
  /** What the customer already has, named after «к» («матрас к кровати»). */
  owned?: Category;
  /** The message asks rather than tells: a question mark, «ли», Kazakh «ма/ме», «is it…». */
  question: boolean;
  /**
   * It reads as «and what about…» rather than a question about the product on
   * screen: it opens with «а», «и», «and», or asks whether the shop has
   * something («есть с ящиком?», «бар ма», «do you have»).
   */
  refining: boolean;
  wordCount: number;
  /** Some figure is written: a house number, a quantity, a size. */
  hasNumber: boolean;
}

const QUESTION_WORDS = new Set(['ли', 'разве', 'ма', 'ме', 'ба', 'бе', 'па', 'пе', 'ше']);
const FOLLOW_UP_OPENERS = new Set(['а', 'и', 'ал', 'and', 'also', 'what', 'how']);
const AVAILABILITY_WORDS = new Set(['есть', 'имеется', 'бывают', 'бар', 'have', 'any', 'got']);
const ENGLISH_QUESTION_STARTS = new Set(['is', 'are', 'does', 'do', 'can', 'will', 'would', 'how', 'what', 'which', 'where', 'when']);

export interface CueSource {
  words: readonly Word[];
  tokens: readonly Token[];
  keys: readonly string[];
  items: ItemMention[];
  owned?: Category;
  /** Whether a token is part of an amount of money («бюджет 150 тыс» is no size). */
  isMoney(tokenIndex: number): boolean;
}

export function readCues(source: CueSource): TurnCues {
  const { words, tokens, keys } = source;
  const hasPrice = tokens.some((_, index) => source.isMoney(index));
  const sizes = readSizes(tokens, keys, source.isMoney);
  const cues: TurnCues = {
    features: readFeatures(words),
    acts: readActs(words),
    items: source.items,
    question:
      tokens.some((token) => token.text === '?') ||
      words.some((word) => QUESTION_WORDS.has(word.key)) ||
      ENGLISH_QUESTION_STARTS.has(words[0]?.token.text ?? ''),
    refining:
      FOLLOW_UP_OPENERS.has(words[0]?.key ?? '') ||
      words.some((word) => AVAILABILITY_WORDS.has(word.key) || AVAILABILITY_WORDS.has(word.token.text)),
    wordCount: words.length,
    hasNumber: tokens.some((token) => token.kind === 'number'),
  };
  const optional = {
    size: sizes.size,
    tvInches: sizes.tvInches,
    sort: readSort(words, hasPrice),
    reference: readReference(words, tokens),
    productTopic: readProductTopic(words),
    storeTopic: readStoreTopic(words),
    courtesy: readCourtesy(words),
    owned: source.owned,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(cues, { [key]: value });
  return cues;
}
