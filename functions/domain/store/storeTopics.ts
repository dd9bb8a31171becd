import * as z from 'zod';

/**
 * What customers ask about the store rather than a product. The store's facts
 * (templates/prompts/storeFacts.json) say which of these they answer; the
 * rest go to a person.
 */
export const STORE_TOPICS = [
  'order',
  'delivery',
  'assembly',
  'payment',
  'instalment',
  'stock',
  'returns',
  'warranty',
  'showroom',
  'hours',
  'prices',
] as const;

export const storeTopicSchema = z.enum(STORE_TOPICS);
export type StoreTopic = z.infer<typeof storeTopicSchema>;
