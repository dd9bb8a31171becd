import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDeliveryStatusRecorder } from '../adapters/dynamodb/dynamoDeliveryStatusRecorder';
import { DynamoProductViewStats } from '../adapters/dynamodb/dynamoProductViewStats';
import { PowertoolsMessageClaims } from '../adapters/dynamodb/powertoolsMessageClaims';
import { GraphApiError } from '../adapters/whatsapp/graphErrors';
import { storedCatalogFromEnvironment } from '../adapters/catalog/storedCatalog';
import { buildCoreServices, RETENTION } from '../composition/coreServices';
import { followUpSchedulerFromEnvironment } from '../adapters/scheduler/followUpSchedulerFromEnvironment';
import type { Environment } from '../config/environment';
import { PriceAlertService } from '../domain/alerts/priceAlertService';
import type { AssistantEngine } from '../domain/assistant/assistantEngine';
import { KeyGatedAssistant } from '../domain/assistant/keyGatedAssistant';
import type { CatalogReader } from '../domain/conversation/ports';
import type { PhotoDescriptions } from '../domain/media/photoDescriptions';
import type { VoiceNotes } from '../domain/media/voiceNotes';
import { RoutedAssistant } from '../domain/assistant/routedAssistant';
import { FallbackAssistant } from '../domain/assistant/fallbackAssistant';
import { OfflineAssistant } from '../domain/assistant/offlineAssistant';
import { bundledShowrooms } from '../adapters/showrooms/bundledShowrooms';
import { parseWorkingHours } from '../domain/handoff/workingHours';
import { ShoppingTools } from '../domain/assistant/shoppingTools';
import { WindowReengagement } from '../domain/messaging/windowReengagement';
import { CatalogRecommender } from '../domain/recommendations/catalogRecommender';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { costAccountingFor } from '../composition/costAccountingFor';
import { onFirstUse } from '../composition/onFirstUse';
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

/** What the local runtime and the tests give a composition root instead of reading it from AWS. */
export interface ConsumerOverrides {
  /** The catalog (the local runtime's embedded one); in AWS it is read from its store (catalogStoreFromEnvironment). */
  catalog?: CatalogReader;
}

/**
 * The consumer's composition root: every client is created once here, per
 * cold start (or per test), and passed in. Nothing is read from the network
 * here: the catalog is read at its first use.
 */
export function buildConsumer(env: Environment, telemetry: Telemetry = createTelemetry('consumer'), overrides: ConsumerOverrides = {}) {
  const { logger, metrics } = telemetry;
  const core = buildCoreServices(env);
  const followUps = followUpSchedulerFromEnvironment(env, logger);
  const { dynamo, imageUrlOf, customers, templates } = core;
  const catalog = overrides.catalog ?? storedCatalogFromEnvironment(env, logger);
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
  // Loaded at the first turn that needs the model, a voice note or a photo: not at the cold start.
  const modelPath = onFirstUse(async () =>
    (await import('./buildModelPath')).buildModelPath({
      env,
      openAiKey,
      graph: core.graph,
      shopping: { tools, recommender, alerts },
      imageUrlOf,
      book,
    }),
  );
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
  const media = {
    voice: { transcribe: async (customer, note) => (await modelPath()).voice.transcribe(customer, note) } satisfies VoiceNotes,
    photos: { describe: async (customer, photo) => (await modelPath()).photos.describe(customer, photo) } satisfies PhotoDescriptions,
  };

  const model = new FallbackAssistant({
    primary: { respond: async (context) => (await modelPath()).assistant.respond(context) },
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

  const identities = buildIdentities({ env, core, followUps, telemetry });
  const conversation = buildConversation({
    env,
    core,
    followUps,
    catalog,
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
