import type { Language } from '../language';
import type { ImageUrlResolver } from '../replies/productMessages';
import { categoryMenu } from '../replies/categoryMenu';
import { botText } from '../texts/botTexts';
import { understand, type Understanding } from '../understanding/understand';
import type { AssistantReply } from './assistantReply';
import { searchReply } from './searchReply';
import type { ProductFilters, ShoppingTools } from './shoppingTools';

export interface TextTurnContext {
  customerName?: string;
}

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

function textReply(body: string, language: Language, intent: string): AssistantReply {
  return { messages: [{ kind: 'text', body }], language, summary: body, intent, productIds: [] };
}

/**
 * The assistant that needs no network: rule-based understanding in Russian,
 * Kazakh and English, then the shared shopping tools and reply formatter.
 */
export class OfflineAssistant {
  constructor(
    private readonly tools: ShoppingTools,
    private readonly imageUrlOf: ImageUrlResolver,
  ) {}

  async respond(text: string, context: TextTurnContext): Promise<AssistantReply> {
    const understanding = understand(text);
    const { language } = understanding;
    switch (understanding.intent) {
      case 'greeting': {
        const name = context.customerName ? `, ${context.customerName}` : '';
        const body = botText(language, 'welcome', { name });
        return { messages: [categoryMenu(language, body)], language, summary: body, intent: 'greeting', productIds: [] };
      }
      case 'help':
        return textReply(botText(language, 'help'), language, 'help');
      case 'search':
      case 'recommend':
        return this.search(understanding, text, understanding.intent);
      default:
        if (hasProductSlots(understanding)) return this.search(understanding, text, 'search');
        return textReply(botText(language, 'offtopic'), language, understanding.intent);
    }
  }

  private async search(understanding: Understanding, text: string, intent: string): Promise<AssistantReply> {
    const filters = filtersFrom(understanding, text);
    const outcome = await this.tools.searchProducts(filters);
    return searchReply(outcome, filters, understanding.language, this.imageUrlOf, intent);
  }
}
