import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { meterSchedulerUsage } from '../adapters/cost/schedulerUsage';
import { productImageUrlResolver } from '../adapters/catalog/productImageUrl';
import { createDynamoClients } from '../adapters/dynamodb/dynamoClients';
import { DynamoCustomerRepository } from '../adapters/dynamodb/dynamoCustomerRepository';
import { DynamoPriceAlertRepository } from '../adapters/dynamodb/dynamoPriceAlertRepository';
import { DynamoTemplateCategoryStore } from '../adapters/dynamodb/dynamoTemplateCategoryStore';
import { EventBridgeFollowUpScheduler } from '../adapters/scheduler/eventBridgeFollowUpScheduler';
import { fetchSecretFromSecretsManager } from '../adapters/secretsManagerFetcher';
import { graphClientCache } from '../adapters/whatsapp/graphClientCache';
import { GraphMessenger } from '../adapters/whatsapp/graphMessenger';
import type { Environment } from '../config/environment';
import { createSecretsLoader } from '../config/secrets';
import type { FollowUpScheduler } from '../domain/followups/followUpScheduler';
import { CustomerDelivery } from '../domain/messaging/customerDelivery';
import { messageTemplates } from '../domain/messaging/messageTemplates';
import { TemplateCategories } from '../domain/messaging/templateCategories';
import { countingMessenger } from '../observability/metering/countingMessenger';
import type { Telemetry } from '../observability/telemetry';

/** A warm function re-reads a template's category this often: Meta announces a change a day ahead. */
const TEMPLATE_CATEGORY_CACHE_MS = 5 * 60 * 1000;

/** Retention of what the app stores per customer (DynamoDB TTL; reads skip expired items too). */
export const RETENTION = { profileDays: 365, outboundDays: 35 } as const;

function followUpScheduler(env: Environment): FollowUpScheduler | undefined {
  const { FOLLOW_UP_GROUP: groupName, FOLLOW_UP_TARGET_ARN: targetArn, FOLLOW_UP_ROLE_ARN: roleArn } = env;
  if (!groupName || !targetArn || !roleArn) return undefined;
  const client = new SchedulerClient({ region: env.AWS_REGION, ...(env.SCHEDULER_ENDPOINT ? { endpoint: env.SCHEDULER_ENDPOINT } : {}) });
  meterSchedulerUsage(client);
  return new EventBridgeFollowUpScheduler(client, {
    groupName,
    targetArn,
    roleArn,
    ...(env.FOLLOW_UP_DEAD_LETTER_ARN ? { deadLetterArn: env.FOLLOW_UP_DEAD_LETTER_ARN } : {}),
  });
}

/**
 * The clients and services the consumer and the jobs function share, created
 * once per cold start: DynamoDB, the Graph API, the templates,
 * window-aware delivery, alerts and follow-up schedules.
 */
export function buildCoreServices(env: Environment, { logger }: Telemetry) {
  const dynamo = createDynamoClients(env);
  const loadSecrets = createSecretsLoader(env, fetchSecretFromSecretsManager);
  const graph = graphClientCache(
    { baseUrl: env.GRAPH_API_BASE_URL, apiVersion: env.GRAPH_API_VERSION, phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID },
    loadSecrets,
  );
  const templates = messageTemplates();
  const templateCategories = new TemplateCategories({
    store: new DynamoTemplateCategoryStore(dynamo.document, env.TABLE_NAME),
    catalog: templates,
    now: Date.now,
    cacheMs: TEMPLATE_CATEGORY_CACHE_MS,
  });
  const messenger = countingMessenger(new GraphMessenger(graph, (name, language) => templateCategories.latest(name, language)));
  const followUps = followUpScheduler(env);
  if (followUps === undefined)
    logger.info('follow-ups are off: FOLLOW_UP_GROUP, FOLLOW_UP_TARGET_ARN and FOLLOW_UP_ROLE_ARN are not all set');
  return {
    dynamo,
    loadSecrets,
    graph,
    messenger,
    imageUrlOf: productImageUrlResolver(env.CATALOG_IMAGE_BASE_URL ?? 'https://zeta.kz/catalog/'),
    templates,
    templateCategories,
    customers: new DynamoCustomerRepository(dynamo.document, env.TABLE_NAME, { ...RETENTION, memoryDays: env.MEMORY_DAYS }),
    delivery: new CustomerDelivery(messenger, Date.now),
    alerts: new DynamoPriceAlertRepository(dynamo.document, env.TABLE_NAME),
    followUps,
  };
}

export type CoreServices = ReturnType<typeof buildCoreServices>;
