import { formatTenge } from '../catalog/tenge';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import { shortTitle } from '../replies/productMessages';
import { replyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import type { OutboundMessage } from '../whatsapp/outboundMessage';
import type { PriceAlert } from './priceAlert';
import type { SetAlertOutcome } from './priceAlertService';

/** The customer's words for what happened to their alert request. */
export function setAlertText(outcome: SetAlertOutcome, product: Product, language: Language): string {
  const name = shortTitle(product);
  const price = formatTenge(product.price);
  switch (outcome.kind) {
    case 'created':
    case 'updated': {
      const target =
        outcome.alert.targetPrice < product.price - 1
          ? botText(language, 'alert.target', { target: formatTenge(outcome.alert.targetPrice) })
          : '';
      return botText(language, outcome.kind === 'created' ? 'alert.created' : 'alert.updated', { name, target, price });
    }
    case 'already_there':
      return botText(language, 'alert.alreadyThere', { name, price, target: formatTenge(outcome.targetPrice) });
    case 'limit_reached':
      return botText(language, 'alert.limit', { limit: outcome.limit });
  }
}

/** The customer's alerts as a list: tapping one cancels it. */
export function alertList(alerts: ReadonlyArray<{ alert: PriceAlert; price?: number }>, language: Language): OutboundMessage {
  if (alerts.length === 0) return { kind: 'text', body: botText(language, 'alerts.none') };
  return {
    kind: 'list',
    body: botText(language, 'alerts.list.body', { count: alerts.length }),
    button: botText(language, 'alerts.list.button'),
    sections: [
      {
        rows: alerts.slice(0, 10).map(({ alert, price }) => ({
          id: replyId({ action: 'unwatch', productId: alert.productId }),
          title: shortTitle({ name: alert.productName }),
          description: botText(language, 'alerts.list.row', {
            target: formatTenge(alert.targetPrice),
            price: formatTenge(price ?? alert.priceAtSet),
          }),
        })),
      },
    ],
  };
}
