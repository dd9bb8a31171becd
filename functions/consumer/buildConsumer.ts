import { productImageUrlResolver } from '../adapters/catalog/productImageUrl';
import { catalogFromEnvironment } from '../adapters/catalog/catalogFromEnvironment';
import { createDynamoClients } from '../adapters/dynamodb/dynamoClients';
import { DynamoCustomerRepository } from '../adapters/dynamodb/dynamoCustomerRepository';
import { DynamoDeliveryStatusRecorder } from '../adapters/dynamodb/dynamoDeliveryStatusRecorder';
import { PowertoolsMessageClaims } from '../adapters/dynamodb/powertoolsMessageClaims';
import { fetchSecretFromSecretsManager } from '../adapters/secretsManagerFetcher';
import { graphClientCache } from '../adapters/whatsapp/graphClientCache';
import { GraphApiError } from '../adapters/whatsapp/graphErrors';
import { GraphMessenger } from '../adapters/whatsapp/graphMessenger';
import type { Environment } from '../config/environment';
import { createSecretsLoader } from '../config/secrets';
import { OfflineAssistant } from '../domain/assistant/offlineAssistant';
import { ShoppingTools } from '../domain/assistant/shoppingTools';
import { ConversationService } from '../domain/conversation/conversationService';
import { TapResponder } from '../domain/conversation/tapResponder';
import { photosWithoutVision, voiceWithoutSpeechToText } from '../domain/media/withoutAi';
import { CatalogRecommender } from '../domain/recommendations/catalogRecommender';
import { DynamoProductViewStats } from '../adapters/dynamodb/dynamoProductViewStats';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { createConsumerHandler } from './consumerHandler';
import { TurnProcessor } from './turnProcessor';

/**
 * The consumer's composition root: every client is created once here, per
 * cold start (or per test), and passed in.
 */
export function buildConsumer(env: Environment, telemetry: Telemetry = createTelemetry('consumer')) {
  const { logger, metrics } = telemetry;
  const dynamo = createDynamoClients(env);
  const loadSecrets = createSecretsLoader(env, fetchSecretFromSecretsManager);
  const messenger = new GraphMessenger(
    graphClientCache(
      { baseUrl: env.GRAPH_API_BASE_URL, apiVersion: env.GRAPH_API_VERSION, phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID },
      loadSecrets,
    ),
  );
  const catalog = catalogFromEnvironment(env, (issue) => logger.warn('invalid product in the product API', issue));
  const tools = new ShoppingTools(catalog);
  const imageUrlOf = productImageUrlResolver(env.CATALOG_IMAGE_BASE_URL ?? 'https://zeta.kz/catalog/');

  const viewStats = new DynamoProductViewStats(dynamo.document, env.TABLE_NAME);
  const recommender = new CatalogRecommender(catalog, viewStats);
  const offline = new OfflineAssistant({ tools, recommender, imageUrlOf });

  const conversation = new ConversationService({
    customers: new DynamoCustomerRepository(dynamo.document, env.TABLE_NAME, {
      profileDays: 365,
      memoryDays: env.MEMORY_DAYS,
      outboundDays: 35,
    }),
    messenger,
    engine: offline,
    taps: new TapResponder({ tools, recommender, imageUrlOf }),
    voice: voiceWithoutSpeechToText,
    photos: photosWithoutVision,
    tools,
    imageUrlOf,
    viewStats,
    now: Date.now,
  });

  const handler = createConsumerHandler({
    turns: new TurnProcessor({
      claims: new PowertoolsMessageClaims({
        client: dynamo.raw,
        tableName: env.TABLE_NAME,
        retentionDays: env.IDEMPOTENCY_DAYS,
        scope: 'consumer',
      }),
      conversation,
      messenger,
      isPermanentFailure: (error) => error instanceof GraphApiError && !error.retryable,
      logger,
      metrics,
    }),
    statuses: new DynamoDeliveryStatusRecorder(dynamo.document, env.TABLE_NAME, 35),
    logger,
    metrics,
  });
  return { handler, conversation, catalog };
}
