import type { Product } from './product';

/** A product's measurements in centimetres, as far as its data tells them. */
export interface ProductSize {
  width?: number;
  depth?: number;
  height?: number;
  /** Round tops: the diameter (also given as width and depth). */
  diameter?: number;
  /** Beds, mattresses, sofa beds: the sleeping place, narrow side first (160×200). */
  sleep?: { width: number; length: number };
}

// «Ш 245 × Г 170 × В 100 см», «Ø 100 × В 75 см»: the store's way of writing measurements.
const LABELLED = /(Ш|Г|В|Ø)\s*(\d+(?:[.,]\d+)?)/gu;
// «Спальное место 160×200 см», «80×190 см, высота 29 см», «спальное место 140×200 см» in a description.
const PAIR = /(\d+(?:[.,]\d+)?)\s*[×xх*]\s*(\d+(?:[.,]\d+)?)/u;
const HEIGHT = /высот\p{L}*\s*(\d+(?:[.,]\d+)?)/u;
const SLEEPING_CATEGORIES = new Set<Product['category']>(['bed', 'mattress']);

const number = (text: string) => Number(text.replace(',', '.'));

const cache = new WeakMap<Product, ProductSize>();

/** The measurements of a product, read from its dimensions and, for a sleeping place, its description. */
export function sizeOf(product: Product): ProductSize {
  const known = cache.get(product);
  if (known) return known;
  const size: ProductSize = {};
  const dimensions = product.dimensions ?? '';
  for (const [, label, value] of dimensions.matchAll(LABELLED)) {
    const centimetres = number(value ?? '');
    if (label === 'Ш') size.width = centimetres;
    else if (label === 'Г') size.depth = centimetres;
    else if (label === 'В') size.height = centimetres;
    else {
      size.diameter = centimetres;
      size.width = centimetres;
      size.depth = centimetres;
    }
  }
  const pairSource = SLEEPING_CATEGORIES.has(product.category) ? dimensions : sleepingPlaceIn(product.description);
  const pair = PAIR.exec(pairSource);
  if (pair) {
    const [a, b] = [number(pair[1] ?? ''), number(pair[2] ?? '')];
    size.sleep = { width: Math.min(a, b), length: Math.max(a, b) };
    if (SLEEPING_CATEGORIES.has(product.category)) {
      size.width ??= size.sleep.width;
      size.depth ??= size.sleep.length;
    }
  }
  const height = HEIGHT.exec(dimensions);
  if (height) size.height = number(height[1] ?? '');
  cache.set(product, size);
  return size;
}

function sleepingPlaceIn(description: string): string {
  const at = description.toLowerCase().indexOf('спальное место');
  return at < 0 ? '' : description.slice(at);
}

/** Floor area in cm² (the sleeping place for beds): what "the biggest" compares. */
export function footprintOf(product: Product): number {
  const size = sizeOf(product);
  if (size.sleep && SLEEPING_CATEGORIES.has(product.category)) return size.sleep.width * size.sleep.length;
  return (size.width ?? 0) * (size.depth ?? size.width ?? 0);
}
