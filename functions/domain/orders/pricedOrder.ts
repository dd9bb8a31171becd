import type { CatalogReader } from '../conversation/ports';
import type { ContentOf } from '../whatsapp/inboundMessage';

export interface PricedLine {
  productId: string;
  /** The catalog's name, or the retailer id when the catalog does not know the product. */
  name: string;
  quantity: number;
  /** Whole tenge; absent when neither the catalog nor the cart gives a price in tenge. */
  unitPrice?: number;
}

/** A cart from the customer, priced from our own catalog. */
export interface PricedOrder {
  /** The WhatsApp message id: one order per message, however often Meta delivers it. */
  orderId: string;
  lines: PricedLine[];
  /** Whole tenge, of the priced lines. */
  total: number;
  /** Every line has a price. */
  complete: boolean;
  note?: string;
}

/** What a line costs: our price when the catalog knows the product, else the cart's own price when it is in tenge. */
function unitPriceOf(item: ContentOf<'order'>['items'][number], catalogPrice: number | undefined): number | undefined {
  if (catalogPrice !== undefined) return catalogPrice;
  return item.currency === 'KZT' && item.itemPrice !== undefined && item.itemPrice > 0 ? Math.round(item.itemPrice) : undefined;
}

/**
 * Prices come from our catalog, not from the cart: the cart's prices are what
 * Meta's catalog held when the customer shopped (another currency, an old
 * price), ours are what the store sells at today.
 */
export async function priceOrder(order: ContentOf<'order'>, orderId: string, catalog: Pick<CatalogReader, 'get'>): Promise<PricedOrder> {
  const lines = await Promise.all(
    order.items.map(async (item): Promise<PricedLine> => {
      const product = await catalog.get(item.productId);
      const unitPrice = unitPriceOf(item, product?.price);
      return {
        productId: item.productId,
        name: product?.name ?? item.productId,
        quantity: item.quantity,
        ...(unitPrice === undefined ? {} : { unitPrice }),
      };
    }),
  );
  return {
    orderId,
    lines,
    total: lines.reduce((sum, line) => sum + (line.unitPrice ?? 0) * line.quantity, 0),
    complete: lines.every((line) => line.unitPrice !== undefined),
    ...(order.note ? { note: order.note } : {}),
  };
}
