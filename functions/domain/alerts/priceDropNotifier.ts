import type { Product } from '../catalog/product';
import { formatTenge } from '../catalog/tenge';
import type { CustomerRepository } from '../conversation/ports';
import type { CustomerDelivery } from '../messaging/customerDelivery';
import type { TemplateCatalog } from '../messaging/templateCatalog';
import { productCard, type ImageUrlResolver } from '../replies/productMessages';
import { replyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import { discountPercent, type PriceAlert } from './priceAlert';
import type { NotifyOutcome, PriceDropNotifier } from './priceAlertCheck';

/**
 * Tells the customer their product got cheaper: the product card itself when
 * their 24-hour window is open (free, and the photo sells), the approved
 * price_alert_notification template when it is closed.
 */
export class CustomerPriceDropNotifier implements PriceDropNotifier {
  constructor(
    private readonly deps: {
      customers: Pick<CustomerRepository, 'profile' | 'recordSent'>;
      delivery: CustomerDelivery;
      templates: TemplateCatalog;
      imageUrlOf: ImageUrlResolver;
      now: () => number;
      /** Recording a sent message must not turn a delivered notification into a failed one (and a duplicate tomorrow). */
      onBookkeepingError: (error: unknown) => void;
    },
  ) {}

  async notify(alert: PriceAlert, product: Product): Promise<NotifyOutcome> {
    const profile = await this.deps.customers.profile(alert.waId);
    if (profile?.optedOut) return 'opted_out';
    const language = profile?.language ?? alert.language;
    const prices = {
      old: formatTenge(alert.priceAtSet),
      new: formatTenge(product.price),
      discount: discountPercent(alert.priceAtSet, product.price),
    };
    const card = productCard(product, language, this.deps.imageUrlOf, { intro: botText(language, 'alert.fired', prices) });
    const delivery = await this.deps.delivery.deliver(alert.waId, card, { lastInboundAt: profile?.lastInboundAt }, () =>
      this.deps.templates.build({
        name: 'price_alert_notification',
        language,
        parameters: { product_name: product.name, old_price: prices.old, new_price: prices.new },
        payloads: {
          product: replyId({ action: 'product', productId: product.id }),
          unwatch: replyId({ action: 'unwatch', productId: product.id }),
        },
      }),
    );
    await this.deps.customers
      .recordSent(alert.waId, [
        {
          messageId: delivery.messageId,
          kind: delivery.kind,
          at: this.deps.now(),
          summary: `${botText(language, 'alert.fired', prices)} ${product.name}`,
          language,
          ...(delivery.template ? { template: delivery.template } : {}),
        },
      ])
      .catch(this.deps.onBookkeepingError);
    return 'sent';
  }
}
