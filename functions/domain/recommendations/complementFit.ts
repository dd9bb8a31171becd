import type { Category, Product } from '../catalog/product';
import { sleepingPlaceOf, type SizeWish } from '../catalog/sizeWish';

/**
 * What a complement must measure to fit the piece it goes with: a mattress
 * the bed's sleeping place (a 200×200 bed takes a 200×200 mattress, never an
 * 80×190 one), a bed the mattress's. Undefined when any size goes.
 */
export function fittingSize(anchor: Product, category: Category): SizeWish | undefined {
  const pair = (anchor.category === 'bed' && category === 'mattress') || (anchor.category === 'mattress' && category === 'bed');
  return pair ? sleepingPlaceOf(anchor) : undefined;
}
