import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { signBody } from '../functions/webhook/signature';
import { WHATSAPP_OBJECT, type CloudApiStatus } from '../functions/webhook/cloudApiWebhook';
import { createDynamoClients } from '../functions/adapters/dynamodb/dynamoClients';
import { DynamoCustomerRepository } from '../functions/adapters/dynamodb/dynamoCustomerRepository';
import { DynamoTemplateCategoryStore } from '../functions/adapters/dynamodb/dynamoTemplateCategoryStore';
import { DynamoIdentityDirectory } from '../functions/adapters/dynamodb/dynamoIdentityDirectory';
import { BodyTooLargeError, readBody, writeApiGatewayResult } from './apiGatewayEvent';
import { ensureTable, startDynamo, type LocalDynamo } from './dynamoServer';
import { createGraphStandIn, type FaultInjector, type GraphStandIn } from './graph/graphStandIn';
import { LOCAL_NAMES } from './localEnvironment';
import { isPublicRoute, loopbackRefusal } from './exposure';
import { startS3, type LocalS3 } from './s3Server';
import { ConversationLog } from './simulator/conversationLog';
import { serveCostApi } from './simulator/costApi';
import { createSimApi } from './simulator/simApi';
import { createSimEvents } from './simulator/simEvents';
import { createSimPage } from './simulator/simPage';
import { createTemplatesApi } from './simulator/templatesApi';
import { accountWebhook, statusesWebhook } from './simulator/webhookPayloads';
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
import { AsDeployedStack, type AsDeployedOptions } from './asDeployed/asDeployedStack';
import { deployedFunctions } from './asDeployed/deployedFunctions';
import { inProcessFunctions } from './inProcessFunctions';
import type { ConsumerLambda } from './runtimeFunctions';
import { describeDenial } from './asDeployed/iamAuthorizer';

export interface LocalRuntimeOptions {
  /** 0 picks a free port (tests). Defaults to PORT or 3000. */
  port?: number;
  /**
   * A second port for a tunnel to a real WhatsApp number (README "Pointing a
   * real WhatsApp number at a local run"): it serves only what Meta needs,
   * `/webhook` and the catalog pictures. 0 picks a free port. Off by default.
   */
  publicPort?: number;
  /** Where the public port listens: loopback (the tunnel's agent runs here) unless told otherwise, e.g. 0.0.0.0. */
  publicHost?: string;
  /** Where dynalite and s3rver keep their data; `inMemory` keeps nothing. */
  dataDir?: string;
  inMemory?: boolean;
  /** Extra environment for the handlers (e.g. OPENAI_BASE_URL of a test server); in-process mode only. */
  env?: Record<string, string>;
  /**
   * Run the synthesized stack instead of the handlers in-process: every
   * function's bundle from cdk.out with exactly its template environment,
   * secrets from a Secrets Manager stand-in, and every AWS call checked
   * against its role policy (README "As deployed").
   */
  asDeployed?: AsDeployedOptions;
  graphFaults?: FaultInjector;
  /** Consumer Lambda settings, as in the CDK stack (in-process mode; as deployed they come from the template). */
  consumer?: { timeoutMs?: number; memoryMb?: number; maximumConcurrency?: number };
  queue?: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number; deduplicationWindowSeconds?: number };
  /** Wraps the consumer Lambda's handler, as the event source mapping invokes it: reliability tests inject failures here. */
  wrapConsumer?: (handler: ConsumerLambda) => ConsumerLambda;
  log?: (line: string) => void;
}

export type { ConsumerLambda } from './runtimeFunctions';

export interface LocalRuntime {
  url: string;
  port: number;
  /** The public port's address, when one was asked for: `/webhook` and `/catalog/images/…` only. */
  publicUrl: string | undefined;
  conversations: ConversationLog;
  queue: FifoQueue;
  deadLetterQueue: FifoQueue;
  graph: GraphStandIn;
  /** Stops and starts the DynamoDB server on its port (fault-recovery tests); data survives only with a data directory. */
  dynamo: { stop(): Promise<void>; start(): Promise<void> };
  /** The deployed stack when running as deployed. */
  asDeployed: AsDeployedStack | undefined;
  stop(): Promise<void>;
}

async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
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
    const stack = options.asDeployed
      ? await AsDeployedStack.prepare(options.asDeployed, (call) => log(`AWS call denied: ${describeDenial(call)}`))
      : undefined;
    if (stack !== undefined) started.push(() => stack.stop());

    const dynamoData = dataDir ? { path: join(dataDir, 'dynamodb') } : {};
    let dynamo: LocalDynamo = await startDynamo(dynamoData);
    started.push(() => dynamo.close());
    const table = stack?.tableName() ?? LOCAL_NAMES.table;
    await ensureTable(dynamo.endpoint, table, stack?.tableDefinition());
    const buckets = stack?.bucketNames() ?? [LOCAL_NAMES.bucket];
    const s3: LocalS3 = await startS3({ buckets, ...(dataDir ? { directory: join(dataDir, 's3') } : {}) });
    started.push(s3.close);

    type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;
    const starting: Route = async (_request, response) => sendJson(response, 503, { error: 'starting' });
    let route = starting;
    let publicRoute = starting;
    const serve = async (port: number, host: string | undefined, handle: () => Route): Promise<number> => {
      const server = createServer((request, response) => {
        handle()(request, response).catch((error: unknown) => {
          console.error('local runtime failed a request', error);
          if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
          else response.end();
        });
      });
      const listening = await listen(server, port, host);
      started.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      server.keepAliveTimeout = 5_000;
      return listening;
    };
    const port = await serve(options.port ?? Number(process.env.PORT ?? 3000), undefined, () => route);
    const publicHost = options.publicHost ?? '127.0.0.1';
    const publicPort = options.publicPort === undefined ? undefined : await serve(options.publicPort, publicHost, () => publicRoute);
    const origin = `http://127.0.0.1:${port}`;
    const servers = { origin, dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint };

    const functions =
      stack && options.asDeployed
        ? await deployedFunctions(options.asDeployed, servers, stack)
        : await inProcessFunctions(options, servers);
    started.push(() => functions.stop());
    const { names, whatsapp } = functions;

    const deadLetterQueue = new FifoQueue(names.deadLetterQueue, { deduplicationScope: functions.queue.deduplicationScope });
    const queue = new FifoQueue(names.queue, {
      deduplicationScope: functions.queue.deduplicationScope,
      visibilityTimeoutSeconds: options.queue?.visibilityTimeoutSeconds ?? functions.queue.visibilityTimeoutSeconds,
      maxReceiveCount: functions.queue.maxReceiveCount,
      deadLetterQueue,
      ...(options.queue?.deduplicationWindowSeconds === undefined
        ? {}
        : { deduplicationWindowMs: options.queue.deduplicationWindowSeconds * 1000 }),
    });
    const queues = new Map([
      [queue.name, queue],
      [deadLetterQueue.name, deadLetterQueue],
    ]);
    const sqs = createSqsRequestHandler(queues, { pathPrefix: '/sqs', region: names.region, accountId: names.accountId });

    const conversations = new ConversationLog();
    const jobs = createScheduledJobs(functions.scheduled, log);
    started.push(async () => jobs.stop());

    const postToWebhook = async (payload: unknown): Promise<Response> => {
      const body = JSON.stringify(payload);
      return fetch(`${origin}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, whatsapp.appSecret) },
        body,
      });
    };

    /** A status of an outbound message, as WhatsApp reports it: the chat's ticks and a signed status webhook. */
    const reportStatus = (status: CloudApiStatus) => {
      conversations.applyStatus(status.id, status.status as 'sent');
      postToWebhook(statusesWebhook({ phoneNumberId: whatsapp.phoneNumberId }, [status])).catch((error: unknown) =>
        log(`status webhook failed: ${String(error)}`),
      );
    };

    // The account's template webhooks (approvals, category changes) reach /webhook signed, as Meta's do.
    const templateRegistry = new TemplateRegistry({
      onChange: (change) =>
        postToWebhook(accountWebhook(whatsapp.wabaId, change, Date.now())).catch((error: unknown) =>
          log(`template webhook failed: ${String(error)}`),
        ),
    });
    const graph = createGraphStandIn({
      apiVersion: whatsapp.graphApiVersion,
      accessToken: whatsapp.accessToken,
      phoneNumberId: whatsapp.phoneNumberId,
      publicBaseUrl: origin,
      onOutbound: (record) => conversations.recordOutbound(record.to, record.id, record.timestamp, record.body),
      onStatus: reportStatus,
      lastInboundAt: (waId) => conversations.lastInboundAt(waId),
      contactOf: (id) => conversations.contactOf(id),
      templates: { wabaId: whatsapp.wabaId, registry: templateRegistry },
      ...(options.graphFaults ? { faults: options.graphFaults } : {}),
    });

    const mapping = new SqsEventSourceMapping({
      queue,
      queueArn: queueArn({ region: names.region, accountId: names.accountId, queueName: queue.name }),
      handler: options.wrapConsumer ? options.wrapConsumer(functions.consumer) : functions.consumer,
      lambda: {
        functionName: functions.mapping.functionName,
        timeoutMs: functions.mapping.timeoutMs,
        memoryMb: functions.mapping.memoryMb,
      },
      batchSize: functions.mapping.batchSize,
      maximumConcurrency: options.consumer?.maximumConcurrency ?? functions.mapping.maximumConcurrency,
      pollWaitSeconds: 1,
      onError: (error) => log(`consumer: ${error.message}${error.cause ? ` (${String(error.cause)})` : ''}`),
    });
    mapping.start();
    started.push(() => mapping.stop());

    // --- simulator page: the staff panel reads stored profiles as the consumer does (load needs no retention) ---
    const { toolsEnv } = functions;
    const simApi = createSimApi({
      conversations,
      graph,
      postToWebhook,
      phoneNumberId: whatsapp.phoneNumberId,
      reportStatus,
      identities: new DynamoIdentityDirectory(createDynamoClients(toolsEnv).document, toolsEnv.TABLE_NAME),
      customers: new DynamoCustomerRepository(createDynamoClients(toolsEnv).document, toolsEnv.TABLE_NAME, {
        profileDays: 0,
        memoryDays: 0,
        outboundDays: 0,
      }),
      catalog: functions.catalog,
      editablePrices: functions.editablePrices,
    });
    const templatesApi = createTemplatesApi(
      templateRegistry,
      new DynamoTemplateCategoryStore(createDynamoClients(toolsEnv).document, toolsEnv.TABLE_NAME),
    );
    const simEvents = createSimEvents(conversations);
    started.push(simEvents.close);
    const simPage = createSimPage();
    // --- end simulator page ---

    const invokeWebhook = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> => {
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(response, 413, { message: 'Request Entity Too Large' });
          return true;
        }
        throw error;
      }
      const result = await functions.webhook(request, body, path);
      if (result === undefined) return false;
      const status = typeof result === 'string' ? 200 : (result.statusCode ?? 200);
      if (path === '/webhook' && request.method === 'POST' && status === 200)
        tapInboundMessages(body, conversations, whatsapp.phoneNumberId);
      writeApiGatewayResult(response, result);
      return true;
    };

    /** What Meta may reach: the same routes as on the loopback port, and nothing else. */
    const serveToMeta = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> =>
      isPublicRoute(path) &&
      ((await invokeWebhook(request, response, path)) ||
        (path.startsWith('/catalog/images/') && (await functions.extraRoutes(request, response, path))));

    publicRoute = async (request, response) => {
      const path = new URL(request.url ?? '/', origin).pathname;
      if (!(await serveToMeta(request, response, path))) sendJson(response, 404, { error: 'not found' });
    };

    route = async (request, response) => {
      const path = new URL(request.url ?? '/', origin).pathname;
      if (!isPublicRoute(path)) {
        const refusal = loopbackRefusal(request, path, port);
        if (refusal !== undefined) {
          log(`refused ${request.method} ${path}: ${refusal.reason}`);
          return sendJson(response, refusal.status, { error: refusal.reason });
        }
      }
      if (path === '/healthz') {
        const parts = await Promise.all([reachable(dynamo.endpoint), reachable(s3.endpoint)]);
        const healthy = parts.every(Boolean);
        return sendJson(response, healthy ? 200 : 503, {
          status: healthy ? 'ok' : 'degraded',
          mode: stack ? 'as-deployed' : 'local',
          dynamodb: parts[0],
          s3: parts[1],
          queue: queue.counts(),
          deadLetters: deadLetterQueue.counts(),
        });
      }
      if (await serveToMeta(request, response, path)) return;
      if (path === '/sqs' || path.startsWith('/sqs/')) return sqs(request, response);
      if ((path.startsWith('/scheduler/') || path.startsWith('/sim/api/jobs/')) && (await jobs.handle(request, response))) return;
      if (path.startsWith('/graph/') && (await graph.handle(request, response))) return;
      if (await functions.extraRoutes(request, response, path)) return;
      if (path.startsWith('/sim/api/cost/') && (await serveCostApi(request, response, toolsEnv))) return;
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
          apiVersion: whatsapp.graphApiVersion,
          accessToken: whatsapp.accessToken,
          phoneNumberId: whatsapp.phoneNumberId,
        }),
        whatsapp.wabaId,
      ),
      messageTemplates(),
    );

    return {
      url: origin,
      port,
      publicUrl: publicPort === undefined ? undefined : `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${publicPort}`,
      conversations,
      queue,
      deadLetterQueue,
      graph,
      asDeployed: stack,
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
