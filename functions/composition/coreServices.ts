import { productImageUrlResolver } from '../adapters/catalog/productImageUrl';
import { createDynamoClients } from '../adapters/dynamodb/dynamoClients';
import { DynamoCustomerRepository } from '../adapters/dynamodb/dynamoCustomerRepository';
import { DynamoPriceAlertRepository } from '../adapters/dynamodb/dynamoPriceAlertRepository';
import { DynamoTemplateCategoryStore } from '../adapters/dynamodb/dynamoTemplateCategoryStore';
import { fetchSecretFromSecretsManager } from '../adapters/secretsManagerFetcher';
import { graphClientCache } from '../adapters/whatsapp/graphClientCache';
import { GraphMessenger } from '../adapters/whatsapp/graphMessenger';
import type { Environment } from '../config/environment';
import { createSecretsLoader } from '../config/secrets';
import { CustomerDelivery } from '../domain/messaging/customerDelivery';
import { messageTemplates } from '../domain/messaging/messageTemplates';
import { TemplateCategories } from '../domain/messaging/templateCategories';
import { countingMessenger } from '../observability/metering/countingMessenger';

/** A warm function re-reads a template's category this often: Meta announces a change a day ahead. */
const TEMPLATE_CATEGORY_CACHE_MS = 5 * 60 * 1000;

/** Retention of what the app stores per customer (DynamoDB TTL; reads skip expired items too). */
export const RETENTION = { profileDays: 365, outboundDays: 35 } as const;

/**
 * The clients and services the consumer and the jobs function share, created
 * once per cold start: DynamoDB, the Graph API, the templates,
 * window-aware delivery and alerts.
 */
export function buildCoreServices(env: Environment) {
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
  };
}

export type CoreServices = ReturnType<typeof buildCoreServices>;
