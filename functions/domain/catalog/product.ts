import * as z from 'zod';

export const CATEGORIES = [
  'sofa',
  'armchair',
  'chair',
  'dining_table',
  'coffee_table',
  'desk',
  'bed',
  'mattress',
  'wardrobe',
  'dresser',
  'shelf',
  'tv_stand',
] as const;
export const COLORS = ['red', 'blue', 'white', 'black', 'grey', 'brown', 'green', 'beige', 'yellow'] as const;
export const STYLES = ['modern', 'classic', 'minimalism', 'loft', 'scandinavian'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Color = (typeof COLORS)[number];
export type Style = (typeof STYLES)[number];

/**
 * A product as the store's product API (or the embedded catalog) describes it.
 * Prices are whole tenge. `image` is an absolute URL or a path relative to the
 * catalog's image base URL.
 */
export const productSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1),
  category: z.enum(CATEGORIES),
  color: z.enum(COLORS),
  style: z.enum(STYLES),
  price: z.number().int().positive(),
  oldPrice: z.number().int().positive().optional(),
  tags: z.array(z.string()).default([]),
  stock: z.number().int().nonnegative(),
  image: z.string().min(1),
  description: z.string(),
  material: z.string().optional(),
  dimensions: z.string().optional(),
  addedAt: z.string().date(),
});

export type Product = z.infer<typeof productSchema>;

export function isOnSale(product: Product): boolean {
  return product.oldPrice !== undefined && product.oldPrice > product.price;
}
