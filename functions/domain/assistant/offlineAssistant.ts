import type { Language } from '../language';
import type { Recommender } from '../recommendations/recommender';
import { categoryMenu } from '../replies/categoryMenu';
import type { ImageUrlResolver } from '../replies/productMessages';
import { productsMessage } from '../replies/productMessages';
import { botText } from '../texts/botTexts';
import type { Understanding } from '../understanding/understand';
import type { AssistantEngine } from './assistantEngine';
import type { AssistantReply } from './assistantReply';
import { searchReply } from './searchReply';
import type { ProductFilters, ShoppingTools } from './shoppingTools';
import type { TurnContext } from './turnContext';

export function filtersFrom(understanding: Understanding, text: string): ProductFilters {
  const filters: ProductFilters = { text };
  if (understanding.category) filters.category = understanding.category;
  if (understanding.color) filters.color = understanding.color;
  if (understanding.style) filters.style = understanding.style;
  if (understanding.budget_min !== undefined) filters.budgetMin = understanding.budget_min;
  if (understanding.budget_max !== undefined) filters.budgetMax = understanding.budget_max;
  return filters;
}

function hasProductSlots(understanding: Understanding): boolean {
  return (
    understanding.category !== undefined ||
    understanding.color !== undefined ||
    understanding.style !== undefined ||
    understanding.budget_min !== undefined ||
    understanding.budget_max !== undefined
  );
}

export function textReply(body: string, language: Language, intent: string): AssistantReply {
  return { messages: [{ kind: 'text', body }], language, summary: body, intent, productIds: [], engine: 'offline' };
}

export interface OfflineAssistantDependencies {
  tools: ShoppingTools;
  recommender: Recommender;
  imageUrlOf: ImageUrlResolver;
}

/**
 * The assistant that needs no network: rule-based understanding in Russian,
 * Kazakh and English, then the shared shopping tools and reply formatter.
 * It answers when there is no OpenAI key and whenever the model fails.
 */
export class OfflineAssistant implements AssistantEngine {
  constructor(private readonly deps: OfflineAssistantDependencies) {}

  async respond(context: TurnContext): Promise<AssistantReply> {
    const { understanding, language } = context;
    switch (understanding.intent) {
      case 'greeting': {
        const name = context.customer.name ? `, ${context.customer.name}` : '';
        const body = botText(language, 'welcome', { name });
        return { ...textReply(body, language, 'greeting'), messages: [categoryMenu(language, body)] };
      }
      case 'help':
        return textReply(botText(language, 'help'), language, 'help');
      case 'recommend':
        return this.recommend(context);
      case 'search':
        return hasProductSlots(understanding) ? this.search(context, 'search') : this.recommend(context);
      default:
        if (hasProductSlots(understanding)) return this.search(context, 'search');
        return textReply(botText(language, 'offtopic'), language, understanding.intent);
    }
  }

  private async search(context: TurnContext, intent: string): Promise<AssistantReply> {
    const filters = filtersFrom(context.understanding, context.text);
    const outcome = await this.deps.tools.searchProducts(filters);
    return { ...searchReply(outcome, filters, context.language, this.deps.imageUrlOf, intent), engine: 'offline' };
  }

  private async recommend(context: TurnContext): Promise<AssistantReply> {
    const { understanding, language } = context;
    const products = await this.deps.recommender.recommend({
      preferences: context.preferences,
      viewedProductIds: context.viewedProductIds,
      ...(understanding.category ? { category: understanding.category } : {}),
    });
    if (products.length === 0) return this.search(context, 'recommend');
    const intro = botText(language, 'recommend.intro');
    return {
      messages: [productsMessage(products, intro, language, this.deps.imageUrlOf)],
      language,
      summary: `${intro} ${products.map((product) => product.name).join('; ')}`,
      intent: 'recommend',
      productIds: products.map((product) => product.id),
      engine: 'offline',
    };
  }
}
