import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDeliveryStatusRecorder } from '../adapters/dynamodb/dynamoDeliveryStatusRecorder';
import { DynamoProductViewStats } from '../adapters/dynamodb/dynamoProductViewStats';
import { PowertoolsMessageClaims } from '../adapters/dynamodb/powertoolsMessageClaims';
import { buildMediaServices } from '../adapters/media/buildMedia';
import { createMediaS3Client } from '../adapters/media/s3MediaStaging';
import { OpenAiAssistant } from '../adapters/openai/openAiAssistant';
import { createOpenAiClient } from '../adapters/openai/openAiClient';
import { GraphApiError } from '../adapters/whatsapp/graphErrors';
import { buildCoreServices, RETENTION } from '../composition/coreServices';
import { ConfigurationError, type Environment } from '../config/environment';
import { PriceAlertService } from '../domain/alerts/priceAlertService';
import type { AssistantEngine } from '../domain/assistant/assistantEngine';
import { KeyGatedAssistant } from '../domain/assistant/keyGatedAssistant';
import { RoutedAssistant } from '../domain/assistant/routedAssistant';
import { FallbackAssistant } from '../domain/assistant/fallbackAssistant';
import { OfflineAssistant } from '../domain/assistant/offlineAssistant';
import { bundledShowrooms } from '../adapters/showrooms/bundledShowrooms';
import { parseWorkingHours } from '../domain/handoff/workingHours';
import { ShoppingToolbox } from '../domain/assistant/shoppingToolbox';
import { ShoppingTools } from '../domain/assistant/shoppingTools';
import { WindowReengagement } from '../domain/messaging/windowReengagement';
import { CatalogRecommender } from '../domain/recommendations/catalogRecommender';
import { botText } from '../domain/texts/botTexts';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { costAccountingFor } from '../composition/costAccountingFor';
import { sqsBatchPollingUsage } from '../observability/invocationUsage';
import { countingAlertSaves } from '../observability/metering/countingAlertSaves';
import { meterAiUsage, recordTurnResult } from '../observability/metering/turnUsage';
import type { AiUsageBooking } from '../domain/assistant/aiUsage';
import { DynamoAiSpendLedger } from '../adapters/dynamodb/dynamoAiSpendLedger';
import { dynamoLedgerPseudonyms } from '../adapters/dynamodb/dynamoLedgerPseudonyms';
import { bundledPricing } from '../adapters/cost/bundledPricing';
import { priceUsage } from '../domain/cost/costCalculator';
import { DailyAiBudget } from '../domain/limits/dailyAiBudget';
import { photosWithinBudget, voiceWithinBudget } from '../domain/limits/budgetedMedia';
import { recommenderWithPreferenceAccuracy } from '../observability/metering/preferenceAccuracy';
import { bookWhatsAppCharge } from '../observability/metering/whatsappCharges';
import { buildConversation, buildIdentities } from './buildConversation';
import { createSqsClient } from '../adapters/sqs/sqsClient';
import { SqsBatchRelease } from '../adapters/sqs/sqsBatchRelease';
import { createConsumerHandler } from './consumerHandler';
import { TurnProcessor } from './turnProcessor';

/** The store's site; the product pictures' default home (composition/coreServices.ts). */
const STORE_SITE = 'https://zeta.kz/';

/**
 * The consumer's composition root: every client is created once here, per
 * cold start (or per test), and passed in.
 */
export function buildConsumer(env: Environment, telemetry: Telemetry = createTelemetry('consumer')) {
  const { logger, metrics } = telemetry;
  const core = buildCoreServices(env, telemetry);
  const { dynamo, catalog, imageUrlOf, customers, templates } = core;
  const tools = new ShoppingTools(catalog);
  const viewStats = new DynamoProductViewStats(dynamo.document, env.TABLE_NAME);
  const recommender = recommenderWithPreferenceAccuracy(new CatalogRecommender(catalog, viewStats));
  const alerts = new PriceAlertService(countingAlertSaves(core.alerts), Date.now);
  const offline = new OfflineAssistant({
    tools,
    recommender,
    imageUrlOf,
    hours: parseWorkingHours(env.MANAGER_HOURS, env.MANAGER_DAYS),
    showrooms: bundledShowrooms(),
  });

  // The key is in the secret (AWS) or the environment (locally), read
  // through the secrets loader: whether the model answers is known per turn.
  const openAiKey = async () => (await core.loadSecrets()).openaiApiKey;
  const hasOpenAiKey = async () => (await openAiKey()) !== undefined;
  const openai = createOpenAiClient({
    apiKey: async () => {
      const key = await openAiKey();
      if (key === undefined) throw new ConfigurationError('OPENAI_API_KEY is not in the secret');
      return key;
    },
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(env.OPENAI_TIMEOUT_MS ? { timeoutMs: env.OPENAI_TIMEOUT_MS } : {}),
  });
  const budget = new DailyAiBudget({
    ledger: new DynamoAiSpendLedger(dynamo.document, env.TABLE_NAME),
    priceMicroUsd: (usage) => priceUsage([{ kind: 'openai', usage }], bundledPricing(), env.AWS_REGION).costs.openai * 1_000_000,
    budgetUsd: env.AI_DAILY_BUDGET_USD,
    customerBudgetUsd: env.AI_CUSTOMER_DAILY_BUDGET_USD,
    now: Date.now,
  });
  // Every completion is booked as it comes back, in the invocation's cost row and against both caps.
  const book: AiUsageBooking = async (customerWaId, usage) => {
    meterAiUsage(usage);
    await budget.record([usage], customerWaId).catch((error: unknown) => {
      metrics.addMetric('AiSpendBookingFailed', MetricUnit.Count, 1);
      logger.error('booking a model call against the AI budget failed', { error });
    });
  };
  const allowsAi = async (customerWaId: string) => (await hasOpenAiKey()) && (await budget.allows(customerWaId));
  const media = buildMediaServices({ env, openai, graph: core.graph, s3: createMediaS3Client(env), book });

  const model = new FallbackAssistant({
    primary: new OpenAiAssistant({
      client: openai,
      model: env.OPENAI_MODEL,
      toolbox: new ShoppingToolbox({ tools, recommender, alerts }),
      imageUrlOf,
      neutralIntro: (language) => botText(language, 'chat.neutralIntro'),
      instructionsPrivate: (language) => botText(language, 'chat.instructionsPrivate'),
      book,
      // The store's own site, where its product pictures live: the only place a link in the model's words may lead.
      allowedLinkHosts: [new URL(env.CATALOG_IMAGE_BASE_URL ?? STORE_SITE).hostname, new URL(STORE_SITE).hostname],
    }),
    fallback: offline,
    isPrimaryAllowed: (context) => budget.allows(context.customer.waId),
    onFallback: (reason, error) => {
      metrics.addMetric('AssistantFallback', MetricUnit.Count, 1);
      logger.warn('OpenAI failed; the offline assistant answered', { reason, error });
    },
  });
  const engine: AssistantEngine = new KeyGatedAssistant(
    {
      withKey:
        env.AI_ROUTING === 'model'
          ? model
          : new RoutedAssistant(
              { plain: offline, model },
              (kind) =>
                metrics.addMetric(kind === 'plain' ? 'PlainRequestAnsweredOffline' : 'FollowUpAnsweredOffline', MetricUnit.Count, 1),
              { followUps: env.AI_ROUTING === 'confident' },
            ),
      withoutKey: offline,
    },
    hasOpenAiKey,
  );

  const identities = buildIdentities({ env, core, telemetry });
  const conversation = buildConversation({
    env,
    core,
    telemetry,
    identities,
    engine,
    shopping: { tools, recommender, alerts, viewStats },
    media: { voice: voiceWithinBudget(media.voice, allowsAi), photos: photosWithinBudget(media.photos, allowsAi) },
  });

  const statuses = new DynamoDeliveryStatusRecorder(dynamo.document, env.TABLE_NAME, RETENTION.outboundDays, Date.now, bookWhatsAppCharge);
  const handler = createConsumerHandler({
    maxReceiveCount: env.QUEUE_MAX_RECEIVE_COUNT,
    loadSecrets: core.loadSecrets,
    templateCategories: core.templateCategories,
    turns: new TurnProcessor({
      claims: new PowertoolsMessageClaims({
        client: dynamo.raw,
        tableName: env.TABLE_NAME,
        retentionDays: env.IDEMPOTENCY_DAYS,
        scope: 'consumer',
      }),
      conversation,
      afterTurn: async (result) => recordTurnResult(result),
      messenger: core.messenger,
      isPermanentFailure: (error) => error instanceof GraphApiError && !error.retryable,
      logger,
      metrics,
    }),
    statuses,
    identities,
    reengagement: new WindowReengagement({ outbound: statuses, customers, messenger: core.messenger, templates, now: Date.now }),
    release: new SqsBatchRelease(createSqsClient(env)),
    logger,
    metrics,
    costAccounting: costAccountingFor(env, telemetry, dynamo, {
      functionName: 'consumer',
      memoryMb: 1024,
      feature: 'statuses',
      invocationUsage: sqsBatchPollingUsage,
      pseudonyms: dynamoLedgerPseudonyms(dynamo.document, env.TABLE_NAME),
    }),
  });
  return { handler, conversation, catalog };
}
