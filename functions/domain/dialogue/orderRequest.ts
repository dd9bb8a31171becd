import { formatTenge } from '../catalog/tenge';
import type { Language } from '../language';
import { shortTitle } from '../replies/productMessages';
import { botText } from '../texts/botTexts';
import { basketLines, type BasketItem } from './basketLines';

/**
 * What the customer reads when they decide to buy («Отличный выбор: … —
 * price 👍») and what the manager reads about it; a person is called next
 * (the conversation's handoff), or told the customer how to order.
 */
export function orderRequest(items: readonly BasketItem[], language: Language): { body: string; subject: string } {
  const { lines, total } = basketLines(items, language);
  const only = items.length === 1 && items[0]!.quantity === 1 ? items[0]!.product : undefined;
  const body = only
    ? botText(language, 'order.chosen', { name: shortTitle(only), price: formatTenge(total) })
    : botText(language, 'order.chosenSet', { lines, total: formatTenge(total) });
  const wanted = items.map(({ product, quantity }) => `${quantity > 1 ? `${quantity} × ` : ''}${product.name} (${product.id})`);
  return { body, subject: `Хочет оформить заказ: ${wanted.join(', ')} — ${formatTenge(total)}` };
}
