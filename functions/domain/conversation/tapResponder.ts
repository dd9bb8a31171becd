import type { AssistantReply } from '../assistant/assistantReply';
import { searchReply } from '../assistant/searchReply';
import type { ShoppingTools } from '../assistant/shoppingTools';
import { formatTenge } from '../catalog/tenge';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import type { Preferences } from '../preferences/preferences';
import type { Recommender } from '../recommendations/recommender';
import { setAlertText } from '../alerts/alertReplies';
import type { PriceAlertService } from '../alerts/priceAlertService';
import { categoryMenu } from '../replies/categoryMenu';
import { productsMessage } from '../replies/productMessages';
import { productCard, productSections, shortTitle, type ImageUrlResolver } from '../replies/productMessages';
import { parseReplyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import { orderRequest } from '../dialogue/orderRequest';
import type { InboundContent } from '../whatsapp/inboundMessage';
import type { CustomerRepository } from './ports';

export type Tap = Extract<InboundContent, { kind: 'reply' }>;

export interface TapOutcome {
  reply: AssistantReply;
  /** The product the customer opened, if the tap opened one: it counts as a view. */
  viewed?: Product;
}

export interface TapResponderDependencies {
  tools: ShoppingTools;
  recommender: Recommender;
  alerts: PriceAlertService;
  customers: Pick<CustomerRepository, 'setOptedOut'>;
  imageUrlOf: ImageUrlResolver;
  now: () => number;
}

/** What a tap is answered with, besides the tap itself. */
export interface TapContext {
  waId: string;
  language: Language;
  preferences: Preferences;
  /** Products the customer opened, most recent first. */
  viewed: readonly string[];
  /** Products of the last reply that showed any. */
  lastShown: readonly string[];
  /** What the assistant said last (its summary): what a service_reply template told the customer was ready. */
  lastAnswer?: string;
}

/** New arrivals: what was added to the catalog in the last month. */
const NEW_ARRIVALS_MS = 30 * 24 * 60 * 60 * 1000;

function reply(
  body: AssistantReply['messages'],
  language: Language,
  summary: string,
  intent: string,
  productIds: string[] = [],
): AssistantReply {
  return { messages: body, language, summary, intent, productIds, engine: 'offline' };
}

function text(body: string, language: Language, intent: string, productIds: string[] = []): AssistantReply {
  return reply([{ kind: 'text', body }], language, body, intent, productIds);
}

/** Every list row, reply button and template quick reply the assistant sends has its answer here. */
export class TapResponder {
  constructor(private readonly deps: TapResponderDependencies) {}

  async respond(tap: Tap, context: TapContext): Promise<TapOutcome> {
    const action = parseReplyId(tap.replyId);
    const { tools, imageUrlOf } = this.deps;
    const { language } = context;
    if (action === undefined) return { reply: this.unknownTap(language) };
    switch (action.action) {
      case 'categories':
        return { reply: reply([categoryMenu(language)], language, botText(language, 'categories.body'), 'categories') };
      case 'category': {
        const filters = { category: action.category };
        return { reply: searchReply(await tools.searchProducts(filters), filters, language, imageUrlOf, 'category') };
      }
      case 'new':
        return { reply: await this.newArrivals(action.category, language) };
      case 'resume':
        return { reply: await this.resume(context) };
      case 'optout':
        await this.deps.customers.setOptedOut(context.waId, true);
        return { reply: text(botText(language, 'optout.done'), language, 'opt_out') };
      // The manager's release button and the customer's erasure confirmation are answered before taps reach here.
      case 'release':
      case 'forget':
        return { reply: this.unknownTap(language) };
      default: {
        const product = await tools.getProduct(action.productId);
        if (product === undefined) return { reply: text(botText(language, 'product.missing'), language, `${action.action}_missing`) };
        switch (action.action) {
          case 'product':
            return this.card(product, language, context.preferences);
          case 'buy': {
            // A person places the order: the conversation hands off, or tells the customer how to order without one.
            const { body, subject } = orderRequest([{ product, quantity: 1 }], language);
            return {
              reply: {
                ...text(body, language, 'buy', [product.id]),
                handoffRequested: true,
                handoffReason: 'purchase',
                handoffSubject: subject,
              },
            };
          }
          case 'watch': {
            const outcome = await this.deps.alerts.set(context.waId, product, language);
            return { reply: text(setAlertText(outcome, product, language), language, 'price_alert', [product.id]) };
          }
          case 'unwatch': {
            await this.deps.alerts.cancel(context.waId, product.id);
            const body = botText(language, 'alerts.cancelled', { name: shortTitle(product) });
            return { reply: text(body, language, 'price_alert_cancel', [product.id]) };
          }
          case 'more':
            return { reply: await this.moreOptions(product, language, context.preferences, context.viewed) };
        }
      }
    }
  }

  /** A button from an old message, another app or a template we no longer send: the sections to go on from. */
  private unknownTap(language: Language): AssistantReply {
    const body = botText(language, 'tap.unknown');
    return reply([categoryMenu(language, body)], language, body, 'unknown_reply');
  }

  /** "Показать варианты" under a template: the products we wrote about, again. */
  /**
   * The tap on a service_reply template: the answer it announced, now free in
   * the reopened window, with the products it showed (or the sections when
   * there is nothing to show).
   */
  private async resume(context: TapContext): Promise<AssistantReply> {
    const { language, lastAnswer } = context;
    const products = (await Promise.all(context.lastShown.map((id) => this.deps.tools.getProduct(id)))).filter(
      (product): product is Product => product !== undefined,
    );
    if (products.length > 0) return this.productList(products, lastAnswer ?? botText(language, 'resume.intro'), language, 'resume');
    if (lastAnswer !== undefined) return text(lastAnswer, language, 'resume');
    return reply([categoryMenu(language)], language, botText(language, 'categories.body'), 'resume');
  }

  private async newArrivals(category: Product['category'], language: Language): Promise<AssistantReply> {
    const since = this.deps.now() - NEW_ARRIVALS_MS;
    const all = await this.deps.tools.searchProducts({ category });
    const fresh = all.products.filter((product) => Date.parse(product.addedAt) >= since || product.tags.includes('new'));
    const products = fresh.length > 0 ? fresh : all.products;
    const intro = botText(language, 'new.intro', { section: botText(language, `category.${category}`) });
    return this.productList(products, intro, language, 'new_products');
  }

  private productList(products: Product[], intro: string, language: Language, intent: string): AssistantReply {
    return reply(
      [productsMessage(products, intro, language, this.deps.imageUrlOf)],
      language,
      intro,
      intent,
      products.map((p) => p.id),
    );
  }

  /** The card, with one matching item suggested under it: the salesperson's "к дивану подойдёт…". */
  private async card(product: Product, language: Language, preferences: Preferences): Promise<TapOutcome> {
    const [complement] = await this.deps.recommender.complementsFor(product, preferences, 1);
    const card = productCard(product, language, this.deps.imageUrlOf, complement ? { complement } : {});
    const summary = `${product.name}, ${formatTenge(product.price)}${complement ? `; ${complement.name}` : ''}`;
    return { reply: reply([card], language, summary, 'product_card', [product.id]), viewed: product };
  }

  private async moreOptions(
    product: Product,
    language: Language,
    preferences: Preferences,
    viewed: readonly string[],
  ): Promise<AssistantReply> {
    const seen = new Set([product.id, ...viewed]);
    const fresh = (products: Product[]) =>
      products.filter((candidate) => {
        if (seen.has(candidate.id)) return false;
        seen.add(candidate.id);
        return true;
      });
    const similar = fresh(await this.deps.tools.similarProducts(product)).slice(0, 4);
    const complements = fresh(await this.deps.recommender.complementsFor(product, preferences, 3));
    const alsoViewed = fresh(await this.deps.recommender.alsoViewed(product.id, 3));
    const all = [...similar, ...complements, ...alsoViewed];
    const name = shortTitle(product);
    if (all.length === 0) return text(botText(language, 'more.none', { name }), language, 'more', [product.id]);
    const intro = botText(language, 'more.body', { name });
    const list = productSections(
      [
        { title: botText(language, 'more.similar'), products: similar },
        { title: botText(language, 'more.complements'), products: complements },
        { title: botText(language, 'more.alsoViewed'), products: alsoViewed },
      ],
      intro,
      language,
    );
    return reply(
      [list],
      language,
      `${intro} ${all.map((candidate) => candidate.name).join('; ')}`,
      'more',
      all.map((p) => p.id),
    );
  }
}
