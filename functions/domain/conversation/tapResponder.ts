import type { AssistantReply } from '../assistant/assistantReply';
import { searchReply } from '../assistant/searchReply';
import type { ShoppingTools } from '../assistant/shoppingTools';
import { formatTenge } from '../catalog/tenge';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import type { Preferences } from '../preferences/preferences';
import type { Recommender } from '../recommendations/recommender';
import { categoryMenu } from '../replies/categoryMenu';
import { productCard, productSections, shortTitle, type ImageUrlResolver } from '../replies/productMessages';
import { parseReplyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import type { InboundContent } from '../whatsapp/inboundMessage';

export type Tap = Extract<InboundContent, { kind: 'reply' }>;

export interface TapOutcome {
  reply: AssistantReply;
  /** The product the customer opened, if the tap opened one: it counts as a view. */
  viewed?: Product;
}

export interface TapResponderDependencies {
  tools: ShoppingTools;
  recommender: Recommender;
  imageUrlOf: ImageUrlResolver;
}

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

  async respond(tap: Tap, language: Language, preferences: Preferences, viewed: readonly string[]): Promise<TapOutcome> {
    const action = parseReplyId(tap.replyId);
    const { tools, imageUrlOf } = this.deps;
    if (action === undefined) return { reply: text(botText(language, 'unsupported'), language, 'unknown_reply') };
    switch (action.action) {
      case 'categories':
        return { reply: reply([categoryMenu(language)], language, botText(language, 'categories.body'), 'categories') };
      case 'category': {
        const filters = { category: action.category };
        return { reply: searchReply(await tools.searchProducts(filters), filters, language, imageUrlOf, 'category') };
      }
      default: {
        const product = await tools.getProduct(action.productId);
        if (product === undefined) return { reply: text(botText(language, 'product.missing'), language, `${action.action}_missing`) };
        if (action.action === 'product') return this.card(product, language, preferences);
        if (action.action === 'buy') {
          const body = botText(language, 'buy.next', { name: shortTitle(product), price: formatTenge(product.price) });
          return { reply: text(body, language, 'buy', [product.id]) };
        }
        return { reply: await this.moreOptions(product, language, preferences, viewed) };
      }
    }
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
