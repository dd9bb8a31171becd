import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { signBody } from '../functions/webhook/signature';
import { WHATSAPP_OBJECT, type CloudApiStatus } from '../functions/webhook/cloudApiWebhook';
import { parseEnvironment } from '../functions/config/environment';
import { catalogFromEnvironment } from '../functions/adapters/catalog/catalogFromEnvironment';
import { createDynamoClients } from '../functions/adapters/dynamodb/dynamoClients';
import { DynamoCustomerRepository } from '../functions/adapters/dynamodb/dynamoCustomerRepository';
import { DynamoTemplateCategoryStore } from '../functions/adapters/dynamodb/dynamoTemplateCategoryStore';
import { DynamoIdentityDirectory } from '../functions/adapters/dynamodb/dynamoIdentityDirectory';
import { createLambdaContext } from './lambdaContext';
import { BodyTooLargeError, readBody, toApiGatewayEvent, writeApiGatewayResult } from './apiGatewayEvent';
import { ensureTable, startDynamo, type LocalDynamo } from './dynamoServer';
import { createGraphStandIn, type FaultInjector, type GraphStandIn } from './graph/graphStandIn';
import { LOCAL_NAMES, localEnvironment } from './localEnvironment';
import { startS3, type LocalS3 } from './s3Server';
import { ConversationLog } from './simulator/conversationLog';
import { serveCostApi } from './simulator/costApi';
import { createSimApi } from './simulator/simApi';
import { createSimEvents } from './simulator/simEvents';
import { createSimPage } from './simulator/simPage';
import { createTemplatesApi } from './simulator/templatesApi';
import { accountWebhook, statusesWebhook } from './simulator/webhookPayloads';
import { createCatalogImageRoute } from './catalogImageRoute';
import { createScheduledJobs } from './scheduledJobs';
import { TemplateRegistry } from './graph/templateRegistry';
import { GraphClient } from '../functions/adapters/whatsapp/graphClient';
import { syncTemplates } from '../functions/adapters/whatsapp/syncTemplates';
import { TemplateManagementApi } from '../functions/adapters/whatsapp/templateManagement';
import { messageTemplates } from '../functions/domain/messaging/messageTemplates';
import { SqsEventSourceMapping } from './sqs/eventSourceMapping';
import { FifoQueue } from './sqs/fifoQueue';
import { queueArn } from './sqs/queueAddress';
import { createSqsRequestHandler } from './sqs/sqsProtocolServer';

export interface LocalRuntimeOptions {
  /** 0 picks a free port (tests). Defaults to PORT or 3000. */
  port?: number;
  /** Where dynalite and s3rver keep their data; `inMemory` keeps nothing. */
  dataDir?: string;
  inMemory?: boolean;
  /** Extra environment for the handlers (e.g. OPENAI_BASE_URL of a test server). */
  env?: Record<string, string>;
  graphFaults?: FaultInjector;
  /** Consumer Lambda settings, as in the CDK stack. */
  consumer?: { timeoutMs?: number; memoryMb?: number; maximumConcurrency?: number };
  queue?: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number; deduplicationWindowSeconds?: number };
  /** Wraps the consumer Lambda's handler, as the event source mapping invokes it: reliability tests inject failures here. */
  wrapConsumer?: (handler: ConsumerLambda) => ConsumerLambda;
  log?: (line: string) => void;
}

export interface LocalRuntime {
  url: string;
  port: number;
  conversations: ConversationLog;
  queue: FifoQueue;
  deadLetterQueue: FifoQueue;
  graph: GraphStandIn;
  /** Stops and starts the DynamoDB server on its port (fault-recovery tests); data survives only with a data directory. */
  dynamo: { stop(): Promise<void>; start(): Promise<void> };
  stop(): Promise<void>;
}

type WebhookLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
export type ConsumerLambda = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

const WEBHOOK_LAMBDA = { functionName: 'zeta-local-webhook', timeoutMs: 10_000, memoryMb: 256 };

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

async function reachable(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** Messages the webhook accepted for our number, for the simulator's view of each chat. */
function tapInboundMessages(body: Buffer, log: ConversationLog, phoneNumberId: string): void {
  const payload = JSON.parse(body.toString('utf8')) as {
    object?: string;
    entry?: Array<{
      changes?: Array<{
        value?: {
          metadata?: { phone_number_id?: unknown };
          contacts?: Array<{ wa_id?: string; user_id?: string; profile?: { name?: string } }>;
          messages?: Array<{ id: string; from?: string; from_user_id?: string; timestamp?: string }>;
        };
      }>;
    }>;
  };
  if (payload.object !== WHATSAPP_OBJECT) return;
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      if (change.value?.metadata?.phone_number_id !== phoneNumberId || !Array.isArray(change.value.messages)) continue;
      const contacts = Array.isArray(change.value.contacts) ? change.value.contacts : [];
      for (const message of change.value.messages) {
        if (typeof message !== 'object' || message === null) continue;
        const phone = typeof message.from === 'string' ? message.from : undefined;
        const userId = typeof message.from_user_id === 'string' ? message.from_user_id : undefined;
        const contact = contacts.find((candidate) => (phone && candidate?.wa_id === phone) || (userId && candidate?.user_id === userId));
        const bsuid = userId ?? contact?.user_id;
        log.recordInbound(
          { ...(phone ? { phone } : {}), ...(bsuid ? { userId: bsuid } : {}) },
          { ...message, id: typeof message.id === 'string' ? message.id : 'unidentified' },
          contact?.profile?.name,
        );
      }
    }
  }
}

/**
 * The whole system on one machine, with the same handler code as in Lambda:
 * dynalite and s3rver on loopback, an in-process SQS FIFO queue behind the
 * SQS wire protocol, the Graph API stand-in, and the simulator's endpoints.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const log = options.log ?? (() => undefined);
  const dataDir = options.inMemory ? undefined : (options.dataDir ?? '.data');
  const started: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
  };

  try {
    const dynamoData = dataDir ? { path: join(dataDir, 'dynamodb') } : {};
    let dynamo: LocalDynamo = await startDynamo(dynamoData);
    started.push(() => dynamo.close());
    await ensureTable(dynamo.endpoint, LOCAL_NAMES.table);
    const s3: LocalS3 = await startS3({ buckets: [LOCAL_NAMES.bucket], ...(dataDir ? { directory: join(dataDir, 's3') } : {}) });
    started.push(s3.close);

    let route: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async (_request, response) => {
      sendJson(response, 503, { error: 'starting' });
    };
    const server = createServer((request, response) => {
      route(request, response).catch((error: unknown) => {
        console.error('local runtime failed a request', error);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.end();
      });
    });
    const port = await listen(server, options.port ?? Number(process.env.PORT ?? 3000));
    started.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    server.keepAliveTimeout = 5_000;
    const origin = `http://127.0.0.1:${port}`;

    const maxReceiveCount = options.queue?.maxReceiveCount ?? 5;
    const env: Record<string, string> = {
      ...localEnvironment({ origin, dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint }, process.env),
      QUEUE_MAX_RECEIVE_COUNT: String(maxReceiveCount),
      ...options.env,
    };
    Object.assign(process.env, env);

    const deadLetterQueue = new FifoQueue(LOCAL_NAMES.deadLetterQueue);
    const queue = new FifoQueue(LOCAL_NAMES.queue, {
      visibilityTimeoutSeconds: options.queue?.visibilityTimeoutSeconds ?? 60,
      maxReceiveCount,
      deadLetterQueue,
      ...(options.queue?.deduplicationWindowSeconds === undefined
        ? {}
        : { deduplicationWindowMs: options.queue.deduplicationWindowSeconds * 1000 }),
    });
    const queues = new Map([
      [queue.name, queue],
      [deadLetterQueue.name, deadLetterQueue],
    ]);
    const sqs = createSqsRequestHandler(queues, { pathPrefix: '/sqs', region: LOCAL_NAMES.region });

    const conversations = new ConversationLog();
    const webhookModule = (await import('../functions/webhook/index')) as { handler: WebhookLambda };
    const consumerModule = (await import('../functions/consumer/index')) as { handler: ConsumerLambda };
    const jobsModule = (await import('../functions/alert-checker/index')) as {
      handler: (event: unknown, context: Context) => Promise<unknown>;
    };
    const jobs = createScheduledJobs(jobsModule.handler, log);
    started.push(async () => jobs.stop());

    const postToWebhook = async (payload: unknown): Promise<Response> => {
      const body = JSON.stringify(payload);
      return fetch(`${origin}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, env.WHATSAPP_APP_SECRET ?? '') },
        body,
      });
    };

    /** A status of an outbound message, as WhatsApp reports it: the chat's ticks and a signed status webhook. */
    const reportStatus = (status: CloudApiStatus) => {
      conversations.applyStatus(status.id, status.status as 'sent');
      postToWebhook(statusesWebhook({ phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? LOCAL_NAMES.phoneNumberId }, [status])).catch(
        (error: unknown) => log(`status webhook failed: ${String(error)}`),
      );
    };

    const wabaId = env.WHATSAPP_BUSINESS_ACCOUNT_ID ?? LOCAL_NAMES.wabaId;
    // The account's template webhooks (approvals, category changes) reach /webhook signed, as Meta's do.
    const templateRegistry = new TemplateRegistry({
      onChange: (change) =>
        postToWebhook(accountWebhook(wabaId, change, Date.now())).catch((error: unknown) =>
          log(`template webhook failed: ${String(error)}`),
        ),
    });
    const graph = createGraphStandIn({
      apiVersion: env.GRAPH_API_VERSION ?? LOCAL_NAMES.graphApiVersion,
      accessToken: env.WHATSAPP_TOKEN ?? '',
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? LOCAL_NAMES.phoneNumberId,
      publicBaseUrl: origin,
      onOutbound: (record) => conversations.recordOutbound(record.to, record.id, record.timestamp, record.body),
      onStatus: reportStatus,
      lastInboundAt: (waId) => conversations.lastInboundAt(waId),
      contactOf: (id) => conversations.contactOf(id),
      templates: { wabaId, registry: templateRegistry },
      ...(options.graphFaults ? { faults: options.graphFaults } : {}),
    });

    const consumerLambda = {
      functionName: 'zeta-local-consumer',
      timeoutMs: options.consumer?.timeoutMs ?? 60_000,
      memoryMb: options.consumer?.memoryMb ?? 512,
    };
    const mapping = new SqsEventSourceMapping({
      queue,
      queueArn: queueArn({ region: LOCAL_NAMES.region, accountId: '000000000000', queueName: queue.name }),
      handler: options.wrapConsumer ? options.wrapConsumer(consumerModule.handler) : consumerModule.handler,
      lambda: consumerLambda,
      batchSize: 10,
      maximumConcurrency: options.consumer?.maximumConcurrency ?? 5,
      pollWaitSeconds: 1,
      onError: (error) => log(`consumer: ${error.message}${error.cause ? ` (${String(error.cause)})` : ''}`),
    });
    mapping.start();
    started.push(() => mapping.stop());

    // --- simulator page: the staff panel reads stored profiles as the consumer does (load needs no retention) ---
    const handlerEnv = parseEnvironment(env);
    const simApi = createSimApi({
      conversations,
      graph,
      postToWebhook,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? LOCAL_NAMES.phoneNumberId,
      reportStatus,
      identities: new DynamoIdentityDirectory(createDynamoClients(handlerEnv).document, handlerEnv.TABLE_NAME),
      customers: new DynamoCustomerRepository(createDynamoClients(handlerEnv).document, handlerEnv.TABLE_NAME, {
        profileDays: 0,
        memoryDays: 0,
        outboundDays: 0,
      }),
      catalog: catalogFromEnvironment(handlerEnv),
    });
    const templatesApi = createTemplatesApi(
      templateRegistry,
      new DynamoTemplateCategoryStore(createDynamoClients(handlerEnv).document, handlerEnv.TABLE_NAME),
    );
    const simEvents = createSimEvents(conversations);
    started.push(simEvents.close);
    const simPage = createSimPage();
    // --- end simulator page ---
    const catalogImages = createCatalogImageRoute();

    const invokeWebhook = async (request: IncomingMessage, response: ServerResponse) => {
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(response, 413, { message: 'Request Entity Too Large' });
        throw error;
      }
      const event = toApiGatewayEvent(request, body, `${request.method ?? 'GET'} /webhook`);
      const result = await webhookModule.handler(event, createLambdaContext(WEBHOOK_LAMBDA));
      const status = typeof result === 'string' ? 200 : (result.statusCode ?? 200);
      if (request.method === 'POST' && status === 200)
        tapInboundMessages(body, conversations, env.WHATSAPP_PHONE_NUMBER_ID ?? LOCAL_NAMES.phoneNumberId);
      writeApiGatewayResult(response, result);
    };

    route = async (request, response) => {
      const path = new URL(request.url ?? '/', origin).pathname;
      if (path === '/healthz') {
        const parts = await Promise.all([reachable(dynamo.endpoint), reachable(s3.endpoint)]);
        const healthy = parts.every(Boolean);
        return sendJson(response, healthy ? 200 : 503, {
          status: healthy ? 'ok' : 'degraded',
          dynamodb: parts[0],
          s3: parts[1],
          queue: queue.counts(),
          deadLetters: deadLetterQueue.counts(),
        });
      }
      if (path === '/webhook') return invokeWebhook(request, response);
      if (path === '/sqs' || path.startsWith('/sqs/')) return sqs(request, response);
      if ((path.startsWith('/scheduler/') || path.startsWith('/sim/api/jobs/')) && (await jobs.handle(request, response))) return;
      if (path.startsWith('/graph/') && (await graph.handle(request, response))) return;
      if (path.startsWith('/catalog/') && (await catalogImages(request, response))) return;
      if (path.startsWith('/sim/api/cost/') && (await serveCostApi(request, response, handlerEnv))) return;
      if (path.startsWith('/sim/api/templates') && (await templatesApi(request, response))) return;
      if (path.startsWith('/sim/api/') && (await simEvents.handle(request, response))) return;
      if (path.startsWith('/sim/api/') && (await simApi(request, response))) return;
      if ((path === '/sim' || path.startsWith('/sim/')) && (await simPage(request, response))) return;
      sendJson(response, 404, { error: 'not found' });
    };

    // As `zeta templates sync` does against Meta: the stand-in then sends only these, once approved.
    await syncTemplates(
      new TemplateManagementApi(
        new GraphClient({
          baseUrl: `${origin}/graph`,
          apiVersion: env.GRAPH_API_VERSION ?? LOCAL_NAMES.graphApiVersion,
          accessToken: env.WHATSAPP_TOKEN ?? '',
          phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? LOCAL_NAMES.phoneNumberId,
        }),
        env.WHATSAPP_BUSINESS_ACCOUNT_ID ?? LOCAL_NAMES.wabaId,
      ),
      messageTemplates(),
    );

    return {
      url: origin,
      port,
      conversations,
      queue,
      deadLetterQueue,
      graph,
      dynamo: {
        stop: () => dynamo.close(),
        start: async () => {
          dynamo = await startDynamo({ ...dynamoData, port: Number(new URL(dynamo.endpoint).port) });
        },
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
