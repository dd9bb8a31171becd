import type { Category, Product } from '../catalog/product';
import type { ProductSource, CustomerRepository } from '../conversation/ports';
import type { CustomerDelivery } from '../messaging/customerDelivery';
import type { TemplateCatalog } from '../messaging/templateCatalog';
import type { Preferences } from '../preferences/preferences';
import { productsMessage, shortTitle, type ImageUrlResolver } from '../replies/productMessages';
import { replyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import { FOLLOW_UP_AFTER_MS } from './followUpScheduler';

export type FollowUpOutcome = 'sent' | 'unknown_customer' | 'opted_out' | 'recent_contact' | 'nothing_new';

/** A follow-up that fires a little early (clock skew, a moved schedule) still counts. */
const EARLY_MS = 60 * 60 * 1000;
const SECTIONS = 2;
const NAMED_PRODUCTS = 3;

function topCategories(preferences: Preferences, limit: number): Category[] {
  return (Object.entries(preferences.categories) as Array<[Category, number]>)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([category]) => category);
}

/**
 * After a week without contact: new products in the customer's sections, if
 * there are any, as the new_products_notification template. Never to a
 * customer who opted out, and never when there is nothing new to say.
 */
export class NewProductsFollowUp {
  constructor(
    private readonly deps: {
      customers: Pick<CustomerRepository, 'profile' | 'recordSent'>;
      catalog: ProductSource;
      delivery: CustomerDelivery;
      templates: TemplateCatalog;
      imageUrlOf: ImageUrlResolver;
      now: () => number;
      onBookkeepingError: (error: unknown) => void;
    },
  ) {}

  async run(waId: string): Promise<FollowUpOutcome> {
    const profile = await this.deps.customers.profile(waId);
    if (profile === undefined) return 'unknown_customer';
    if (profile.optedOut) return 'opted_out';
    if (this.deps.now() - profile.lastInboundAt < FOLLOW_UP_AFTER_MS - EARLY_MS) return 'recent_contact';

    const all = await this.deps.catalog.allProducts();
    for (const category of topCategories(profile.preferences, SECTIONS)) {
      const fresh = all
        .filter((product) => product.category === category && product.stock > 0 && Date.parse(product.addedAt) > profile.lastInboundAt)
        .sort((a, b) => Date.parse(b.addedAt) - Date.parse(a.addedAt));
      if (fresh.length > 0) {
        await this.send(waId, profile.language, category, fresh, profile.lastInboundAt);
        return 'sent';
      }
    }
    return 'nothing_new';
  }

  private async send(
    waId: string,
    language: Parameters<typeof botText>[0],
    category: Category,
    products: Product[],
    lastInboundAt: number,
  ): Promise<void> {
    const section = botText(language, `category.${category}`);
    const intro = botText(language, 'new.intro', { section });
    const list = productsMessage(products, intro, language, this.deps.imageUrlOf);
    const delivery = await this.deps.delivery.deliver(waId, list, { lastInboundAt }, () =>
      this.deps.templates.build({
        name: 'new_products_notification',
        language,
        parameters: {
          section,
          product_names: products
            .slice(0, NAMED_PRODUCTS)
            .map((product) => shortTitle(product))
            .join(', '),
        },
        payloads: { category: replyId({ action: 'new', category }), optout: replyId({ action: 'optout' }) },
      }),
    );
    await this.deps.customers
      .recordSent(waId, [
        {
          messageId: delivery.messageId,
          kind: delivery.kind,
          at: this.deps.now(),
          summary: intro,
          language,
          ...(delivery.template ? { template: delivery.template } : {}),
        },
      ])
      .catch(this.deps.onBookkeepingError);
  }
}
