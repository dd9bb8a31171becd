import * as z from 'zod';
import rawProducts from '../../../data/catalog.json' with { type: 'json' };
import { productSchema, type Product } from '../../domain/catalog/product';

/** The catalog that ships with the code, validated once per cold start. */
export function embeddedProducts(): Product[] {
  return z.array(productSchema).parse(rawProducts);
}
