import { readAttributes } from './attributes';
import type { AttributeSpan } from './attributes';
import { classifyIntent } from './intent';
import { readLanguage } from './language';
import { readWords } from './meaning';
import { alertTargetOf, budgetOf, readPrices } from './prices';
import type { Price } from './prices';
import { tokenize } from './tokens';
import { readCues, type TurnCues } from './turnCues';
import type { Intent, Understanding } from './understanding';

export type { Understanding } from './understanding';

export interface Analysis {
  understanding: Understanding;
  /** Where the category, colour and style were read, as offsets into the message. */
  spans: readonly AttributeSpan[];
  /** The amounts of money read, with how each bounds the budget. */
  prices: readonly Price[];
  /** Some word told the language; otherwise `understanding.language` is only the default. */
  languageKnown: boolean;
  /** What the message says for a conversation: features, sizes, references, questions, acts. */
  cues: TurnCues;
}

/**
 * Understands a customer's message without a language model: the offline
 * assistant's engine and the fallback when OpenAI fails. Pure and fast.
 */
export function understand(text: string): Understanding {
  return analyze(text).understanding;
}

/** `understand`, with the places in the message it read its answer from. */
export function analyze(text: string): Analysis {
  const tokens = tokenize(text);
  const { language, known: languageKnown } = readLanguage(tokens);
  const words = readWords(tokens, language);
  const attributes = readAttributes(words, tokens);

  const keys = tokens.map((token) => token.text);
  const itemAt = new Set<number>();
  for (const word of words) {
    keys[word.index] = word.key;
    if (word.concepts.some((concept) => concept.kind === 'item')) itemAt.add(word.index);
  }
  const prices = readPrices({ tokens, keys, isItem: (index) => itemAt.has(index) });

  const intent = classifyIntent({ words, attributes, hasPrice: prices.length > 0 });
  const understanding: Understanding = {
    intent,
    ...(attributes.category ? { category: attributes.category } : {}),
    ...(attributes.color ? { color: attributes.color } : {}),
    ...(attributes.style ? { style: attributes.style } : {}),
    ...priceFields(intent, prices),
    language,
  };
  const cues = readCues({
    words,
    tokens,
    keys,
    items: attributes.items,
    ...(attributes.owned ? { owned: attributes.owned } : {}),
    isMoney: (index) => {
      const token = tokens[index];
      return token !== undefined && prices.some((price) => token.start >= price.start && token.end <= price.end);
    },
  });
  return { understanding, spans: attributes.spans, prices, languageKnown, cues };
}

function priceFields(intent: Intent, prices: readonly Price[]): Pick<Understanding, 'budget_min' | 'budget_max' | 'target_price'> {
  if (intent === 'price_alert') {
    // The amount in a price alert is the price to wait for, not what the customer will spend.
    const target = alertTargetOf(prices);
    return target === undefined ? {} : { target_price: target };
  }
  const { min, max } = budgetOf(prices);
  return { ...(min !== undefined ? { budget_min: min } : {}), ...(max !== undefined ? { budget_max: max } : {}) };
}
