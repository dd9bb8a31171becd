import type { Category } from '../catalog/product';

/**
 * What a salesperson suggests next to a piece, in the order they would:
 * a sofa wants a coffee table first, then an armchair and a TV stand.
 */
export const COMPLEMENTS: Record<Category, readonly Category[]> = {
  sofa: ['coffee_table', 'armchair', 'tv_stand'],
  armchair: ['coffee_table', 'sofa', 'shelf'],
  chair: ['dining_table', 'desk'],
  dining_table: ['chair', 'dresser'],
  coffee_table: ['sofa', 'armchair', 'tv_stand'],
  desk: ['chair', 'shelf'],
  bed: ['mattress', 'dresser', 'wardrobe'],
  mattress: ['bed'],
  wardrobe: ['dresser', 'bed'],
  dresser: ['bed', 'wardrobe'],
  shelf: ['desk', 'armchair'],
  tv_stand: ['sofa', 'coffee_table', 'shelf'],
};

/** An accessory is usually a fraction of the main piece's price; a mattress for a bed is the exception. */
export const COMPLEMENT_PRICE_SHARE = 0.8;
