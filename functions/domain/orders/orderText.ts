import { formatTenge } from '../catalog/tenge';
import type { Language } from '../language';
import { botText } from '../texts/botTexts';
import type { PricedOrder } from './pricedOrder';

/** The order's lines and total as the customer reads them (and the manager, in Russian). */
export function orderText(order: PricedOrder, language: Language): { lines: string; total: string } {
  const lines = order.lines.map((line) =>
    line.unitPrice === undefined
      ? botText(language, 'order.lineUnpriced', { name: line.name, quantity: line.quantity })
      : botText(language, 'order.line', { name: line.name, quantity: line.quantity, sum: formatTenge(line.unitPrice * line.quantity) }),
  );
  const total = botText(language, order.complete ? 'order.total' : 'order.totalPriced', { total: formatTenge(order.total) });
  return { lines: lines.join('\n'), total };
}
