import { randomUUID } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoErasureConfirmations } from '../adapters/dynamodb/dynamoErasureConfirmations';
import { Bitrix24Leads } from '../adapters/crm/bitrix24Leads';
import { DynamoIdentityDirectory } from '../adapters/dynamodb/dynamoIdentityDirectory';
import { DynamoOrderBook } from '../adapters/dynamodb/dynamoOrderBook';
import { DynamoRateCounter } from '../adapters/dynamodb/dynamoRateCounter';
import { DynamoTurnProgress } from '../adapters/dynamodb/dynamoTurnProgress';
import { bundledShowrooms } from '../adapters/showrooms/bundledShowrooms';
import type { buildCoreServices } from '../composition/coreServices';
import { onFirstUse } from '../composition/onFirstUse';
import type { Environment } from '../config/environment';
import type { PriceAlertService } from '../domain/alerts/priceAlertService';
import type { AssistantEngine } from '../domain/assistant/assistantEngine';
import type { ShoppingTools } from '../domain/assistant/shoppingTools';
import { createAnswerers } from '../domain/conversation/answerers/answerers';
import { CommandResponder } from '../domain/conversation/commandResponder';
import { ConversationService } from '../domain/conversation/conversationService';
import { ManagerDesk } from '../domain/conversation/managerDesk';
import { MediaAnswers } from '../domain/conversation/mediaAnswers';
import type { CatalogReader, ProductViewStats } from '../domain/conversation/ports';
import { TapResponder } from '../domain/conversation/tapResponder';
import { HandoffService } from '../domain/handoff/handoffService';
import { CustomerIdentities } from '../domain/identity/customerIdentities';
import { parseWorkingHours } from '../domain/handoff/workingHours';
import { CustomerRateLimiter } from '../domain/limits/customerRateLimiter';
import type { PhotoDescriptions } from '../domain/media/photoDescriptions';
import type { VoiceNotes } from '../domain/media/voiceNotes';
import { CustomerErasure } from '../domain/privacy/customerErasure';
import type { FollowUpScheduler } from '../domain/followups/followUpScheduler';
import type { Recommender } from '../domain/recommendations/recommender';
import { customerRef } from '../observability/customerRef';
import type { Telemetry } from '../observability/telemetry';

/** What the consumer's composition root has built that a conversation answers with. */
export interface ConversationParts {
  env: Environment;
  core: ReturnType<typeof buildCoreServices>;
  catalog: CatalogReader;
  telemetry: Telemetry;
  /** The text path's engine: the model with its fallback, or the offline assistant. */
  engine: AssistantEngine;
  shopping: { tools: ShoppingTools; recommender: Recommender; alerts: PriceAlertService; viewStats: ProductViewStats };
  /** Voice notes and photos, already behind the daily AI budget. */
  media: { voice: VoiceNotes; photos: PhotoDescriptions };
  identities: CustomerIdentities;
  /** The customers' follow-up schedules; none when the stack gave no schedule group. */
  followUps: FollowUpScheduler | undefined;
}

/** Who a customer is: the one key their phone number and BSUID lead to (domain/identity). */
export function buildIdentities({
  env,
  core,
  followUps,
  telemetry: { logger, metrics },
}: Pick<ConversationParts, 'env' | 'core' | 'followUps' | 'telemetry'>) {
  return new CustomerIdentities({
    directory: new DynamoIdentityDirectory(core.dynamo.document, env.TABLE_NAME),
    customers: core.customers,
    ...(followUps ? { followUps } : {}),
    onJoined: (kept, dropped) => {
      metrics.addMetric('CustomerIdentitiesJoined', MetricUnit.Count, 1);
      logger.warn('a phone number and a BSUID of two customers were joined', { kept: customerRef(kept), dropped: customerRef(dropped) });
    },
  });
}

/** A person to hand customers to: the manager on WhatsApp and the Bitrix24 CRM. */
function buildHandoff({ env, core, telemetry: { logger, metrics } }: ConversationParts): HandoffService {
  return new HandoffService({
    customers: core.customers,
    delivery: core.delivery,
    templates: core.templates,
    crm: new Bitrix24Leads(async () => (await core.loadSecrets()).bitrix24WebhookUrl),
    manager: {
      ...(env.MANAGER_WA_ID ? { waId: env.MANAGER_WA_ID } : {}),
      name: env.MANAGER_NAME,
      hours: parseWorkingHours(env.MANAGER_HOURS, env.MANAGER_DAYS),
      timeoutMs: env.HANDOFF_TIMEOUT_HOURS * 3_600_000,
    },
    now: Date.now,
    onNotifyError: (channel, error) => {
      metrics.addMetric('HandoffNotifyFailed', MetricUnit.Count, 1);
      logger.error('handoff notification failed', { channel, error });
    },
  });
}

/** The conversation's wiring, grouped as the service takes it: memory, answering, admission, sending. */
export function buildConversation(parts: ConversationParts): ConversationService {
  const { env, core, catalog, shopping, telemetry } = parts;
  const { dynamo, customers, imageUrlOf } = core;
  const handoff = buildHandoff(parts);
  // The media bucket's client is loaded when a customer first asks to be forgotten, not at the cold start.
  const stagedMedia = onFirstUse(async () => {
    const [{ S3MediaStaging }, { createS3Client }] = await Promise.all([
      import('../adapters/media/s3MediaStaging'),
      import('../adapters/s3/s3Client'),
    ]);
    return new S3MediaStaging(createS3Client(env), env.MEDIA_BUCKET);
  });
  const erasure = new CustomerErasure({
    customers,
    identities: new DynamoIdentityDirectory(dynamo.document, env.TABLE_NAME),
    media: { eraseCustomerMedia: async (customerRef) => (await stagedMedia()).eraseCustomerMedia(customerRef) },
    ...(parts.followUps ? { followUps: parts.followUps } : {}),
    customerRef,
    confirmations: new DynamoErasureConfirmations(dynamo.document, env.TABLE_NAME),
    newNonce: () => randomUUID().replaceAll('-', '').slice(0, 20),
    now: Date.now,
  });
  const answerers = createAnswerers({
    taps: new TapResponder({ ...shopping, customers, imageUrlOf, now: Date.now }),
    media: new MediaAnswers({ ...parts.media, tools: shopping.tools, imageUrlOf }),
    erasure,
    orders: { catalog, orders: new DynamoOrderBook(dynamo.document, env.TABLE_NAME), handoff, now: Date.now },
    showrooms: bundledShowrooms(),
  });
  return new ConversationService({
    memory: {
      identities: parts.identities,
      customers,
      viewStats: shopping.viewStats,
      progress: new DynamoTurnProgress(dynamo.document, env.TABLE_NAME, env.IDEMPOTENCY_DAYS, Date.now),
      ...(parts.followUps ? { followUps: parts.followUps } : {}),
    },
    answering: {
      answerers,
      commands: new CommandResponder({ alerts: shopping.alerts, customers, catalog, handoff, erasure }),
      engine: parts.engine,
      handoff,
    },
    admission: {
      limiter: new CustomerRateLimiter(new DynamoRateCounter(dynamo.document, env.TABLE_NAME), {
        perMinute: env.RATE_LIMIT_PER_MINUTE,
        perDay: env.RATE_LIMIT_PER_DAY,
      }),
      managerDesk: new ManagerDesk({
        ...(env.MANAGER_WA_ID ? { managerWaId: env.MANAGER_WA_ID } : {}),
        handoff,
        customers,
        messenger: core.messenger,
        now: Date.now,
      }),
    },
    sending: { delivery: core.delivery, templates: core.templates },
    onAfterSendingError: (stage, error) => {
      telemetry.metrics.addMetric('AfterSendingFailed', MetricUnit.Count, 1);
      telemetry.logger.error('bookkeeping after the answers were sent failed', { stage, error });
    },
    onLateMessages: (count) => {
      telemetry.metrics.addMetric('LateMessagesRecorded', MetricUnit.Count, count);
      telemetry.logger.warn('messages older than the seven-day redelivery horizon recorded, not answered', { count });
    },
    now: Date.now,
  });
}
