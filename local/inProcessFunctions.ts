import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { embeddedCatalog } from './embeddedCatalog';
import { storedCatalogFromEnvironment } from '../functions/adapters/catalog/storedCatalog';
import { buildAlertChecker } from '../functions/alert-checker/buildAlertChecker';
import { parseEnvironment } from '../functions/config/environment';
import { buildConsumer } from '../functions/consumer/buildConsumer';
import { createTelemetry } from '../functions/observability/telemetry';
import { buildWebhook } from '../functions/webhook/buildWebhook';
import { toApiGatewayEvent } from './apiGatewayEvent';
import { createCatalogImageRoute } from './catalogImageRoute';
import { createLambdaContext } from './lambdaContext';
import { LOCAL_NAMES, localEnvironment } from './localEnvironment';
import type { LocalRuntimeOptions } from './localRuntime';
import { whatsappSettings, type ConsumerLambda, type RuntimeFunctions, type StartedServers } from './runtimeFunctions';

type WebhookLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type JobsLambda = (event: unknown, context: Context) => Promise<unknown>;

const WEBHOOK_LAMBDA = { functionName: 'zeta-local-webhook', timeoutMs: 10_000, memoryMb: 256 };
const JOBS_LAMBDA = { functionName: 'zeta-local-alert-checker', timeoutMs: 300_000, memoryMb: 512 };

/** The handlers imported into this process, with the local environment (`npm start`). */
export async function inProcessFunctions(options: LocalRuntimeOptions, servers: StartedServers): Promise<RuntimeFunctions> {
  const maxReceiveCount = options.queue?.maxReceiveCount ?? 5;
  const env: Record<string, string> = {
    ...localEnvironment({ origin: servers.origin, dynamoEndpoint: servers.dynamoEndpoint, s3Endpoint: servers.s3Endpoint }, process.env),
    QUEUE_MAX_RECEIVE_COUNT: String(maxReceiveCount),
    ...options.env,
  };
  Object.assign(process.env, env);
  const handlerEnv = parseEnvironment(env);
  // The composition roots the Lambda entries call, with the embedded catalog unless API_URL names the store's API.
  const functionEnv = parseEnvironment();
  const catalog = handlerEnv.API_URL === undefined ? embeddedCatalog() : undefined;
  const webhookModule = { handler: buildWebhook(functionEnv).handler as WebhookLambda };
  const consumerModule = { handler: buildConsumer(functionEnv, createTelemetry('consumer'), { catalog }).handler as ConsumerLambda };
  const jobsModule = { handler: buildAlertChecker(functionEnv, createTelemetry('alert-checker'), { catalog }).handler as JobsLambda };
  const invokeJobs = (event: unknown) => jobsModule.handler(event, createLambdaContext(JOBS_LAMBDA));
  const catalogImages = createCatalogImageRoute();
  return {
    names: {
      table: LOCAL_NAMES.table,
      bucket: LOCAL_NAMES.bucket,
      queue: LOCAL_NAMES.queue,
      deadLetterQueue: LOCAL_NAMES.deadLetterQueue,
      region: LOCAL_NAMES.region,
      accountId: '000000000000',
    },
    // As the stack's high-throughput FIFO queue (lib/constructs/pipeline.ts).
    queue: { visibilityTimeoutSeconds: options.queue?.visibilityTimeoutSeconds ?? 60, maxReceiveCount, deduplicationScope: 'messageGroup' },
    mapping: {
      batchSize: 10,
      maximumConcurrency: options.consumer?.maximumConcurrency ?? 5,
      timeoutMs: options.consumer?.timeoutMs ?? 60_000,
      memoryMb: options.consumer?.memoryMb ?? 512,
      functionName: 'zeta-local-consumer',
    },
    whatsapp: whatsappSettings(handlerEnv, { accessToken: handlerEnv.WHATSAPP_TOKEN, appSecret: handlerEnv.WHATSAPP_APP_SECRET }),
    toolsEnv: handlerEnv,
    catalog: catalog ?? storedCatalogFromEnvironment(handlerEnv, { warn: (message) => options.log?.(`catalog: ${String(message)}`) }),
    editablePrices: catalog,
    webhook: async (request, body, path) => {
      if (path === '/webhook') {
        const event = toApiGatewayEvent(request, body, `${request.method ?? 'GET'} /webhook`);
        return webhookModule.handler(event, createLambdaContext(WEBHOOK_LAMBDA));
      }
      return undefined;
    },
    consumer: consumerModule.handler,
    scheduled: {
      runDailyCheck: () => invokeJobs({ job: 'price-alerts' }),
      fire: (schedule) => invokeJobs(JSON.parse(schedule.input ?? '{}')),
    },
    extraRoutes: async (request, response, path) => path.startsWith('/catalog/') && catalogImages(request, response),
    stop: async () => undefined,
  };
}
