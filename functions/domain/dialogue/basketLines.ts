import type { Product } from '../catalog/product';
import { formatTenge } from '../catalog/tenge';
import type { Language } from '../language';
import { shortTitle } from '../replies/productMessages';
import { botText } from '../texts/botTexts';

export interface BasketItem {
  product: Product;
  quantity: number;
}

/** A set or an order as lines the customer reads («• 4 × Стул «Лион» по 15 990 ₸ = 63 960 ₸») and its total. */
export function basketLines(items: readonly BasketItem[], language: Language): { lines: string; total: number } {
  const lines = items.map(({ product, quantity }) =>
    quantity > 1
      ? botText(language, 'bundle.lineMany', {
          quantity,
          name: shortTitle(product),
          price: formatTenge(product.price),
          sum: formatTenge(product.price * quantity),
        })
      : botText(language, 'bundle.line', { name: shortTitle(product), price: formatTenge(product.price) }),
  );
  return { lines: lines.join('\n'), total: items.reduce((sum, { product, quantity }) => sum + product.price * quantity, 0) };
}

/** The basket of the dialogue state, read from the catalog (what is no longer sold drops out). */
export async function basketOf(
  basket: ReadonlyArray<{ productId: string; quantity: number }>,
  getProduct: (id: string) => Promise<Product | undefined>,
): Promise<BasketItem[]> {
  const items = await Promise.all(
    basket.map(async ({ productId, quantity }) => {
      const product = await getProduct(productId);
      return product ? { product, quantity } : undefined;
    }),
  );
  return items.filter((item): item is BasketItem => item !== undefined);
}
