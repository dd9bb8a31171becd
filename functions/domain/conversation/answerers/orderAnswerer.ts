import { leadIdentity } from '../../handoff/handoff';
import { textReply } from '../../assistant/offlineAssistant';
import type { HandoffService } from '../../handoff/handoffService';
import type { OrderBook } from '../../orders/orderBook';
import { orderText } from '../../orders/orderText';
import { priceOrder } from '../../orders/pricedOrder';
import { botText } from '../../texts/botTexts';
import type { CatalogReader } from '../ports';
import type { Answerer } from './answerer';

export interface OrderDependencies {
  catalog: Pick<CatalogReader, 'get'>;
  orders: OrderBook;
  handoff: Pick<HandoffService, 'shareOrder'>;
  now: () => number;
}

/**
 * A cart from the catalog: priced from our catalog, acknowledged with its
 * items and total in tenge, stored, and passed to the manager and the CRM
 * once (a redelivered order is acknowledged again, not passed on again).
 */
export function orderAnswerer(deps: OrderDependencies): Answerer<'order'> {
  return async (content, turn) => {
    const { language } = turn;
    if (content.items.length === 0) return textReply(botText(language, 'order.empty'), language, 'order_empty');
    const order = await priceOrder(content, turn.messageId, deps.catalog);
    turn.remember(`[заказ: ${order.lines.map((line) => `${line.name} × ${line.quantity}`).join('; ')}]`);
    if ((await deps.orders.record(turn.customer.waId, order, deps.now())) === 'new') {
      await deps.handoff.shareOrder(
        {
          ...leadIdentity(turn.customer),
          language,
          reason: 'order',
          preferences: turn.preferences,
          recent: turn.recent(),
          ...(turn.location ? { location: turn.location } : {}),
        },
        order,
      );
    }
    const { lines, total } = orderText(order, language);
    return textReply(botText(language, 'order.thanks', { lines, total }), language, 'order');
  };
}
