import * as z from 'zod';
import { CATEGORIES, COLORS, STYLES } from '../catalog/product';
import { LANGUAGES } from '../language';

export const INTENTS = ['search', 'recommend', 'price_alert', 'greeting', 'help', 'manager', 'opt_out', 'forget_me', 'other'] as const;

export type Intent = (typeof INTENTS)[number];

const tenge = z.number().int().nonnegative();

/**
 * What a customer's message asks for. Both the offline engine and the OpenAI
 * path produce this shape, so the schema is shared to check the latter.
 * `target_price` belongs to a price alert and is never also a budget bound.
 */
export const understandingSchema = z.object({
  intent: z.enum(INTENTS),
  category: z.enum(CATEGORIES).optional(),
  color: z.enum(COLORS).optional(),
  style: z.enum(STYLES).optional(),
  budget_min: tenge.optional(),
  budget_max: tenge.optional(),
  target_price: tenge.optional(),
  language: z.enum(LANGUAGES),
});

export type Understanding = z.infer<typeof understandingSchema>;
