import type { Product } from '../../../functions/domain/catalog/product';
import { moneyAmountsIn } from '../../../functions/domain/assistant/priceGuard';
import { productIdsShown } from './answeredCategory';

interface OutboundBody {
  text?: { body?: string };
  interactive?: {
    body?: { text?: string };
    action?: {
      sections?: Array<{ rows: Array<{ id: string; title: string; description?: string }> }>;
      buttons?: Array<{ reply: { title: string } }>;
    };
  };
}

/**
 * The amounts of money an outbound message states that are not the catalog
 * price (or old price) of a product it shows, nor one of `allowed`; a list
 * row must state its own product's price.
 */
export function unbackedPrices(body: unknown, catalog: ReadonlyMap<string, Product>, allowed: readonly number[] = []): string[] {
  const message = body as OutboundBody;
  const shown = productIdsShown(body).flatMap((id) => {
    const product = catalog.get(id);
    return product === undefined ? [] : [product];
  });
  const backed = new Set([...allowed, ...shown.flatMap((product) => [product.price, product.oldPrice ?? product.price])]);
  const problems: string[] = [];
  for (const row of (message.interactive?.action?.sections ?? []).flatMap((section) => section.rows)) {
    const price = catalog.get(row.id.replace(/^product:/, ''))?.price;
    const stated = moneyAmountsIn(row.description ?? '')[0];
    if (stated !== price) problems.push(`row ${row.id} says ${stated}, the catalog ${price}`);
  }
  const texts = [
    message.text?.body,
    message.interactive?.body?.text,
    ...(message.interactive?.action?.buttons ?? []).map((button) => button.reply.title),
  ];
  for (const text of texts) {
    for (const amount of moneyAmountsIn(text ?? '')) if (!backed.has(amount)) problems.push(`${amount} in "${text}"`);
  }
  return problems;
}
