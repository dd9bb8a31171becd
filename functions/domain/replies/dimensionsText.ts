import type { Product } from '../catalog/product';
import { sizeOf } from '../catalog/productSize';
import type { Language } from '../language';
import { botText } from '../texts/botTexts';

const SLEEPING = new Set<Product['category']>(['bed', 'mattress']);

/**
 * A product's measurements in the customer's words: «ширина 210 см, глубина
 * 95 см, высота 85 см», «sleeping area 160×200 cm». Undefined when its data
 * has none.
 */
export function dimensionsText(product: Product, language: Language): string | undefined {
  const size = sizeOf(product);
  const parts: string[] = [];
  if (size.sleep) parts.push(botText(language, 'size.sleep', { width: size.sleep.width, length: size.sleep.length }));
  if (size.diameter !== undefined) parts.push(botText(language, 'size.diameter', { value: size.diameter }));
  else if (!SLEEPING.has(product.category)) {
    if (size.width !== undefined) parts.push(botText(language, 'size.width', { value: size.width }));
    if (size.depth !== undefined) parts.push(botText(language, 'size.depth', { value: size.depth }));
  }
  if (size.height !== undefined) parts.push(botText(language, 'size.height', { value: size.height }));
  if (parts.length > 0) return parts.join(', ');
  return product.dimensions;
}
