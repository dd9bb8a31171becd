import { embeddedCatalog, embeddedProducts } from '../embeddedCatalog';
import { parseEnvironment } from '../../functions/config/environment';
import { InMemoryCatalog } from '../../functions/domain/catalog/inMemoryCatalog';
import { whatsappSettings, type RuntimeFunctions, type StartedServers } from '../runtimeFunctions';
import { createStoreApiStandIn } from '../storeApiStandIn';
import { serveAsDeployedApi } from './asDeployedApi';
import { DeployedCatalog } from './deployedCatalog';
import type { AsDeployedOptions, AsDeployedStack } from './asDeployedStack';

/** The synthesized stack's functions in their own environments, as deployed (README "As deployed"). */
export async function deployedFunctions(
  options: AsDeployedOptions,
  servers: StartedServers,
  stack: AsDeployedStack,
): Promise<RuntimeFunctions> {
  const consumer = stack.functions.consumer;
  const { queue, deadLetterQueue } = stack.inboundQueues();
  const mapping = stack.eventSourceMapping();
  await stack.attach(servers);
  const secretValues = stack.secretValue();
  const consumerEnv = parseEnvironment(consumer.environment);
  const storeCatalog = consumer.environment.API_URL === undefined ? undefined : new InMemoryCatalog(embeddedProducts());
  const storeApi = storeCatalog === undefined ? undefined : createStoreApiStandIn(storeCatalog, '/store-api');
  const { CATALOG_BUCKET: bucket, CATALOG_KEY: key } = consumer.environment;
  const deployedCatalog = bucket === undefined || key === undefined ? undefined : await DeployedCatalog.open(stack, { bucket, key });
  // An assembly from before the catalog was data (the bench's baseline) has it in its bundles: the simulator shows the same file.
  const catalog = storeCatalog ?? deployedCatalog?.catalog ?? embeddedCatalog();
  // The simulator's own clients read the table directly (they are not a function of the stack).
  const toolsEnv = parseEnvironment({
    TABLE_NAME: stack.tableName(),
    DYNAMODB_ENDPOINT: servers.dynamoEndpoint,
    AWS_REGION: stack.deployment.region,
  });
  return {
    names: {
      table: stack.tableName(),
      bucket: stack.bucketName(),
      queue: queue.name,
      deadLetterQueue: deadLetterQueue.name,
      region: stack.deployment.region,
      accountId: stack.deployment.accountId,
    },
    tableDefinition: stack.tableDefinition(),
    queue: {
      visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
      maxReceiveCount: queue.redrive?.maxReceiveCount ?? 5,
      deduplicationScope: queue.deduplicationScope,
    },
    mapping: {
      batchSize: mapping.batchSize,
      maximumConcurrency: mapping.maximumConcurrency ?? 1000,
      timeoutMs: consumer.timeoutMs,
      memoryMb: consumer.memoryMb,
      functionName: consumer.functionName,
    },
    whatsapp: whatsappSettings(consumerEnv, { accessToken: secretValues.WHATSAPP_TOKEN, appSecret: secretValues.WHATSAPP_APP_SECRET }),
    toolsEnv,
    catalog,
    editablePrices: storeCatalog ?? deployedCatalog,
    webhook: (request, body, path) => stack.invokeRoute(request, body, path),
    consumer: stack.consumer,
    scheduled: {
      runDailyCheck: () => stack.fireSchedule(stack.dailyCheck()),
      fire: (schedule) => stack.fireSchedule(schedule),
    },
    extraRoutes: async (request, response, path) => {
      if (path === '/secretsmanager' || path.startsWith('/secretsmanager/')) {
        await stack.handleSecretsManager(request, response);
        return true;
      }
      if (storeApi !== undefined && path.startsWith('/store-api/') && (await storeApi(request, response))) return true;
      if (path.startsWith('/cloudfront/') && (await stack.handleCloudFront(request, response, path))) return true;
      return serveAsDeployedApi(request, response, path, stack, options);
    },
    stop: () => stack.stop(),
  };
}
