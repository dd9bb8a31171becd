import * as z from 'zod';
import { CATALOG_SORTS } from '../catalog/catalogSort';
import { CATEGORIES, COLORS, STYLES } from '../catalog/product';
import { featureSchema } from '../catalog/productFeatures';
import { sizeWishSchema } from '../catalog/sizeWish';
import type { ProductFilters } from '../assistant/shoppingTools';

const tenge = z.number().int().nonnegative();
const productId = z.string().min(1).max(64);
const LIST_LIMIT = 10;

/** What the customer is looking for now: a follow-up changes some of it and keeps the rest. */
export const searchFiltersSchema = z.object({
  category: z.enum(CATEGORIES).optional(),
  color: z.enum(COLORS).optional(),
  style: z.enum(STYLES).optional(),
  budgetMin: tenge.optional(),
  budgetMax: tenge.optional(),
  features: z.array(featureSchema).max(12).default([]),
  size: sizeWishSchema.optional(),
});

export type SearchFilters = z.infer<typeof searchFiltersSchema>;

/**
 * The conversation as a shop assistant keeps it in mind, stored with the
 * customer between turns: the current search, the last list shown (in the
 * order shown, so «the second one» means what the customer saw second), the
 * product being discussed, and the set or order being put together.
 */
export const dialogueStateSchema = z.object({
  filters: searchFiltersSchema.default({ features: [] }),
  sort: z.enum(CATALOG_SORTS).optional(),
  shown: z.array(productId).max(LIST_LIMIT).default([]),
  focus: productId.optional(),
  basket: z
    .array(z.object({ productId, quantity: z.number().int().positive().max(100) }))
    .max(LIST_LIMIT)
    .default([]),
  /** The customer was told how to order without a manager on duty: what they write next is the order's details. */
  awaitingOrderDetails: z.boolean().optional(),
});

export type DialogueState = z.infer<typeof dialogueStateSchema>;

export const NEW_DIALOGUE: DialogueState = { filters: { features: [] }, shown: [], basket: [] };

/** A stored state, or a fresh one when there is none or it no longer fits the schema (an older version's). */
export function dialogueStateFrom(stored: unknown): DialogueState {
  const parsed = dialogueStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : NEW_DIALOGUE;
}

/** The search a language model ran, as the conversation's current search: an offline follow-up then refines it. */
export function withSearch(
  state: DialogueState,
  search: Pick<ProductFilters, 'category' | 'color' | 'style' | 'budgetMin' | 'budgetMax' | 'features' | 'size'>,
): DialogueState {
  const filters: SearchFilters = { features: [...(search.features ?? [])] };
  if (search.category) filters.category = search.category;
  if (search.color) filters.color = search.color;
  if (search.style) filters.style = search.style;
  if (search.budgetMin !== undefined) filters.budgetMin = search.budgetMin;
  if (search.budgetMax !== undefined) filters.budgetMax = search.budgetMax;
  if (search.size) filters.size = search.size;
  const { sort: _sort, ...rest } = state;
  return { ...rest, filters };
}

/** After any reply: a list shown becomes the list the customer points at, a single product the one in focus. */
export function afterShowing(state: DialogueState, productIds: readonly string[]): DialogueState {
  if (productIds.length === 0) return state;
  if (productIds.length === 1) return { ...state, focus: productIds[0] };
  const { focus: _focus, ...rest } = state;
  return { ...rest, shown: productIds.slice(0, LIST_LIMIT) };
}
