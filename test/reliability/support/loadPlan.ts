import { CATEGORIES, type Category } from '../../../functions/domain/catalog/product';
import { shuffled, type Random } from '../../../scripts/seededRandom';

/** How a customer asks for a category in words; each reads as that category to the offline assistant and to the fake model. */
export const CATEGORY_WORDS: Record<Category, string> = {
  sofa: 'диваны',
  armchair: 'кресла',
  chair: 'стулья',
  dining_table: 'обеденные столы',
  coffee_table: 'журнальные столы',
  desk: 'письменные столы',
  bed: 'кровати',
  mattress: 'матрасы',
  wardrobe: 'шкафы',
  dresser: 'комоды',
  shelf: 'стеллажи',
  tv_stand: 'тв-тумбы',
};

/**
 * One customer message of the load. Texts and taps alternate, so that a
 * burst the consumer answers as one turn still gets one answer per message
 * (consecutive texts would be read as one request); every message of a
 * customer asks for another category, so each answer names its message.
 */
export type PlannedMessage =
  | { id: string; kind: 'text'; category: Category; text: string }
  | { id: string; kind: 'tap'; category: Category; replyId: string; title: string };

export interface PlannedCustomer {
  waId: string;
  /** Bursty customers send everything at once; patient ones wait for each answer. */
  pacing: 'bursty' | 'patient';
  messages: PlannedMessage[];
}

export interface LoadPlanOptions {
  customers: number;
  messagesPerCustomer: number;
  random: Random;
  /** The first digits of every customer's number (and so of their message ids), to keep several plans apart. */
  numberPrefix?: string;
}

export function loadPlan(options: LoadPlanOptions): PlannedCustomer[] {
  if (options.messagesPerCustomer > CATEGORIES.length) throw new RangeError(`at most ${CATEGORIES.length} messages per customer`);
  return Array.from({ length: options.customers }, (_, index) => {
    const waId = `${options.numberPrefix ?? '7705'}${String(index).padStart(7, '0')}`;
    const categories = shuffled(CATEGORIES, options.random).slice(0, options.messagesPerCustomer);
    const messages = categories.map((category, position): PlannedMessage => {
      const id = `wamid.load.${waId}.${position}`;
      return position % 2 === 0
        ? { id, kind: 'text', category, text: `покажите ${CATEGORY_WORDS[category]}` }
        : { id, kind: 'tap', category, replyId: `category:${category}`, title: CATEGORY_WORDS[category] };
    });
    return { waId, pacing: index % 2 === 0 ? 'bursty' : 'patient', messages };
  });
}
