import { buildMediaServices } from '../adapters/media/buildMedia';
import { OpenAiAssistant } from '../adapters/openai/openAiAssistant';
import { createOpenAiClient } from '../adapters/openai/openAiClient';
import { createS3Client } from '../adapters/s3/s3Client';
import type { GraphClient } from '../adapters/whatsapp/graphClient';
import { ConfigurationError, type Environment } from '../config/environment';
import type { PriceAlertService } from '../domain/alerts/priceAlertService';
import type { AiUsageBooking } from '../domain/assistant/aiUsage';
import type { AssistantEngine } from '../domain/assistant/assistantEngine';
import { ShoppingToolbox } from '../domain/assistant/shoppingToolbox';
import type { ShoppingTools } from '../domain/assistant/shoppingTools';
import type { PhotoDescriptions } from '../domain/media/photoDescriptions';
import type { VoiceNotes } from '../domain/media/voiceNotes';
import type { ImageUrlResolver } from '../domain/replies/productMessages';
import type { Recommender } from '../domain/recommendations/recommender';
import { botText } from '../domain/texts/botTexts';

export interface ModelPathDependencies {
  env: Environment;
  /** The OpenAI key from the secret (AWS) or the environment (locally); undefined when there is none. */
  openAiKey: () => Promise<string | undefined>;
  graph: () => Promise<GraphClient>;
  shopping: { tools: ShoppingTools; recommender: Recommender; alerts: PriceAlertService };
  imageUrlOf: ImageUrlResolver;
  /** Books every model call as it comes back (the spending caps, the cost ledger). */
  book: AiUsageBooking;
}

/** The store's site; the product pictures' default home (composition/coreServices.ts). */
const STORE_SITE = 'https://zeta.kz/';

/** The turns that need OpenAI: the model's answers with the shopping tools, voice notes and photos. */
export interface ModelPath {
  assistant: AssistantEngine;
  voice: VoiceNotes;
  photos: PhotoDescriptions;
}

/**
 * The consumer's model path, which it loads at the first turn that needs it
 * (buildConsumer.ts): the OpenAI SDK, the tools' JSON schemas, the media
 * bucket's S3 client and ffmpeg's tools are a third of the consumer's code,
 * and a new customer's first message is usually answered without them.
 */
export function buildModelPath({ env, openAiKey, graph, shopping, imageUrlOf, book }: ModelPathDependencies): ModelPath {
  const openai = createOpenAiClient({
    apiKey: async () => {
      const key = await openAiKey();
      if (key === undefined) throw new ConfigurationError('OPENAI_API_KEY is not in the secret');
      return key;
    },
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(env.OPENAI_TIMEOUT_MS ? { timeoutMs: env.OPENAI_TIMEOUT_MS } : {}),
  });
  const media = buildMediaServices({ env, openai, graph, s3: createS3Client(env), book });
  return {
    assistant: new OpenAiAssistant({
      client: openai,
      model: env.OPENAI_MODEL,
      toolbox: new ShoppingToolbox(shopping),
      imageUrlOf,
      neutralIntro: (language) => botText(language, 'chat.neutralIntro'),
      instructionsPrivate: (language) => botText(language, 'chat.instructionsPrivate'),
      book,
      // The store's own site, where its product pictures live: the only place a link in the model's words may lead.
      allowedLinkHosts: [new URL(env.CATALOG_IMAGE_BASE_URL ?? STORE_SITE).hostname, new URL(STORE_SITE).hostname],
    }),
    ...media,
  };
}
