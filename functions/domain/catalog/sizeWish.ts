import * as z from 'zod';
import type { Product } from './product';
import { sizeOf } from './productSize';

const centimetres = z.number().positive().max(10_000);

/**
 * A size the customer asked for: a sleeping place («160×200», «кровать 160»)
 * or bounds on one measure («шириной 2 метра» is 180–220 cm, «не шире 120»).
 */
export const sizeWishSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sleep'), width: centimetres, length: centimetres.optional() }),
  z.object({
    kind: z.literal('measure'),
    measure: z.enum(['width', 'depth', 'height']),
    min: centimetres.optional(),
    max: centimetres.optional(),
  }),
]);

export type SizeWish = z.infer<typeof sizeWishSchema>;

// Catalog sizes are whole centimetres; a customer's «160» is the store's 160.
const SAME_SIZE = 1;

/** Whether the product's measurements meet the wish; a product whose data does not tell the measure does not. */
export function fitsSize(product: Product, wish: SizeWish): boolean {
  const size = sizeOf(product);
  if (wish.kind === 'sleep') {
    if (!size.sleep) return false;
    if (Math.abs(size.sleep.width - wish.width) > SAME_SIZE) return false;
    return wish.length === undefined || Math.abs(size.sleep.length - wish.length) <= SAME_SIZE;
  }
  const value = size[wish.measure];
  if (value === undefined) return false;
  return (wish.min === undefined || value >= wish.min) && (wish.max === undefined || value <= wish.max);
}

/** The sleeping place a mattress for this bed (or a bed for this mattress) must have. */
export function sleepingPlaceOf(product: Product): SizeWish | undefined {
  const sleep = sizeOf(product).sleep;
  return sleep ? { kind: 'sleep', width: sleep.width, length: sleep.length } : undefined;
}
