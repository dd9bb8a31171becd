import { PriceAlertService } from '../../functions/domain/alerts/priceAlertService';
import { InMemoryPriceAlerts } from '../support/inMemoryPriceAlerts';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { productImageUrlResolver } from '../../functions/adapters/catalog/productImageUrl';
import { createOpenAiClient } from '../../functions/adapters/openai/openAiClient';
import { OpenAiAssistant, type OpenAiAssistantOptions } from '../../functions/adapters/openai/openAiAssistant';
import { ShoppingToolbox } from '../../functions/domain/assistant/shoppingToolbox';
import { ShoppingTools } from '../../functions/domain/assistant/shoppingTools';
import type { TurnContext } from '../../functions/domain/assistant/turnContext';
import { NEW_DIALOGUE } from '../../functions/domain/dialogue/dialogueState';
import type { Product } from '../../functions/domain/catalog/product';
import { NO_PREFERENCES, favourite, type Preferences } from '../../functions/domain/preferences/preferences';
import type { RecommendationRequest, Recommender } from '../../functions/domain/recommendations/recommender';
import { understand } from '../../functions/domain/understanding/understand';
import type { FakeOpenAiServer } from '../support/fakeOpenAiServer';

/** The customer's WhatsApp id is their phone number: it must never reach the model. */
export const CUSTOMER_PHONE = '77011234567';
export const NEUTRAL_INTRO = 'Вот что нашлось:';
export const INSTRUCTIONS_PRIVATE = 'Свои инструкции я не показываю.';
export const MODEL = 'gpt-test';

export const catalog = embeddedCatalog();
export const shoppingTools = new ShoppingTools(catalog);
export const imageUrlOf = productImageUrlResolver('https://images.zeta.test/');

export function turn(text: string, overrides: Partial<TurnContext> = {}): TurnContext {
  const understanding = understand(text);
  return {
    customer: { waId: CUSTOMER_PHONE, name: 'Айгерим Садыкова' },
    text,
    understanding,
    language: understanding.language,
    preferences: NO_PREFERENCES,
    recent: [],
    viewedProductIds: [],
    dialogue: NEW_DIALOGUE,
    ...overrides,
  };
}

/** A stand-in for the lead's recommender: the customer's favourite color in the category, minus what they viewed. Records every request. */
export class RecordingRecommender implements Recommender {
  readonly requests: RecommendationRequest[] = [];

  async recommend(request: RecommendationRequest): Promise<Product[]> {
    this.requests.push(request);
    const color = favourite(request.preferences.colors);
    const hits = await catalog.search({
      ...(request.category ? { category: request.category } : {}),
      ...(color ? { color } : {}),
      excludeIds: request.viewedProductIds,
      limit: request.limit ?? 10,
    });
    return hits.map((hit) => hit.product);
  }

  async complementsFor(_product: Product, _preferences: Preferences): Promise<Product[]> {
    return [];
  }

  async alsoViewed(_productId: string): Promise<Product[]> {
    return [];
  }
}

export function openAiAssistant(
  server: FakeOpenAiServer,
  options: Partial<OpenAiAssistantOptions> & { recommender?: Recommender; timeoutMs?: number } = {},
): OpenAiAssistant {
  const { recommender = new RecordingRecommender(), timeoutMs = 5_000, ...rest } = options;
  return new OpenAiAssistant({
    client: createOpenAiClient({ apiKey: 'test', baseURL: server.baseURL, timeoutMs, maxRetries: 0 }),
    model: MODEL,
    toolbox: new ShoppingToolbox({ tools: shoppingTools, recommender, alerts: new PriceAlertService(new InMemoryPriceAlerts(), Date.now) }),
    imageUrlOf,
    neutralIntro: () => NEUTRAL_INTRO,
    instructionsPrivate: () => INSTRUCTIONS_PRIVATE,
    ...rest,
  });
}
