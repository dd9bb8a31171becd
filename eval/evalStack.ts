import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { parseEnvironment } from '../functions/config/environment';
import { buildConsumer } from '../functions/consumer/buildConsumer';
import { createDynamoClients } from '../functions/adapters/dynamodb/dynamoClients';
import { DynamoCostLedger } from '../functions/adapters/dynamodb/dynamoCostLedger';
import { utcDay } from '../functions/domain/cost/days';
import type { LedgerRow } from '../functions/domain/cost/ledgerRow';
import type { QueuedEvent } from '../functions/contracts/queuedEvent';
import type { InboundContent } from '../functions/domain/whatsapp/inboundMessage';
import { ensureTable, startDynamo, type LocalDynamo } from '../local/dynamoServer';
import { embeddedCatalog } from '../local/embeddedCatalog';
import { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer } from '../local/graph/graphServer';
import type { OutboundRecord } from '../local/graph/graphStandIn';
import { createLambdaContext } from '../local/lambdaContext';
import { LOCAL_NAMES } from '../local/localEnvironment';
import { sqsRecord } from '../local/sqs/queuedEventRecord';

export const MANAGER_WA_ID = '77000000001';
const TABLE = 'zeta-eval';

/** Where the model is, for OpenAI mode: the real API or an OpenAI-compatible server. */
export interface ModelSettings {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  routing?: 'confident' | 'plain' | 'model';
}

/**
 * The consumer Lambda as deployed (its own composition root, DynamoDB, the
 * Graph API), run in this process: dynalite in memory and the Graph
 * stand-in on loopback. One consumer has a manager configured, one does not;
 * both share the table. A turn is one SQS record handed to the handler, as
 * Lambda's event source would, and its answer is what reached the Graph API.
 */
export interface EvalStack {
  /**
   * The customer's turn, answered; returns everything the Graph API was sent
   * meanwhile (other customers' turns running side by side included: callers
   * pick the records by recipient and content).
   */
  say(waId: string, content: InboundContent, options: { manager: boolean }): Promise<OutboundRecord[]>;
  /** The cost ledger's rows written so far (every consumer invocation, priced as in AWS). */
  ledger(): Promise<LedgerRow[]>;
  close(): Promise<void>;
}

export async function startEvalStack(model?: ModelSettings): Promise<EvalStack> {
  const dynamo: LocalDynamo = await startDynamo();
  await ensureTable(dynamo.endpoint, TABLE);
  const graph = await startGraphServer();
  const { outbound } = graph;
  // The SDK reads credentials from the environment; dynalite accepts any.
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const base = {
    STAGE: 'eval',
    AWS_REGION: LOCAL_NAMES.region,
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    GRAPH_API_BASE_URL: graph.baseUrl,
    GRAPH_API_VERSION: LOCAL_NAMES.graphApiVersion,
    WHATSAPP_TOKEN: GRAPH_TOKEN,
    WHATSAPP_APP_SECRET: 'eval-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'eval-verify-token',
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    CATALOG_IMAGE_BASE_URL: 'http://127.0.0.1/catalog/',
    MEDIA_BUCKET: 'zeta-eval-media',
    // A dialogue is a customer writing quickly; the rate limits are not what is measured here.
    RATE_LIMIT_PER_MINUTE: '1000',
    AI_DAILY_BUDGET_USD: '1000',
    ...(model
      ? {
          OPENAI_API_KEY: model.apiKey,
          ...(model.baseUrl ? { OPENAI_BASE_URL: model.baseUrl } : {}),
          ...(model.model ? { OPENAI_MODEL: model.model } : {}),
          AI_ROUTING: model.routing ?? 'confident',
        }
      : {}),
  };
  // The consumer's own logs would bury the report; an error still fails the turn, and the eval says so.
  const telemetry = () => {
    const logger = new Logger({ serviceName: 'consumer', logLevel: 'SILENT' });
    return { logger, metrics: new Metrics({ namespace: 'ZetaEval', serviceName: 'consumer', logger }) };
  };
  const env = parseEnvironment(base);
  const costLedger = new DynamoCostLedger(createDynamoClients(env).document, TABLE);
  const started = utcDay(Date.now());
  const consumers = {
    alone: buildConsumer(env, telemetry(), { catalog: embeddedCatalog() }),
    manned: buildConsumer(
      parseEnvironment({ ...base, MANAGER_WA_ID, MANAGER_NAME: 'Айгуль', MANAGER_HOURS: '00:00-23:59', MANAGER_DAYS: '1-7' }),
      telemetry(),
      { catalog: embeddedCatalog() },
    ),
  };
  // The manager wrote to the bot today: handoff notices reach them as free-form messages inside their window.
  await consumers.manned.handler(
    { Records: [sqsRecord(textFrom(MANAGER_WA_ID, 'привет'))] },
    createLambdaContext({ functionName: 'consumer', timeoutMs: 60_000, memoryMb: 1024 }),
  );
  return {
    async say(waId, content, { manager }) {
      const before = outbound.length;
      const event = messageFrom(waId, content);
      const consumer = manager ? consumers.manned : consumers.alone;
      const result = await consumer.handler(
        { Records: [sqsRecord(event)] },
        createLambdaContext({ functionName: 'consumer', timeoutMs: 60_000, memoryMb: 1024 }),
      );
      if (result.batchItemFailures.length > 0) throw new Error(`the consumer failed the turn of ${waId}`);
      return outbound.slice(before);
    },
    ledger: () => costLedger.rowsBetween(started, utcDay(Date.now())),
    async close() {
      await graph.close();
      await dynamo.close();
    },
  };
}

function messageFrom(waId: string, content: InboundContent): QueuedEvent {
  return {
    v: 1,
    kind: 'message',
    receivedAt: Date.now(),
    phoneNumberId: PHONE_NUMBER_ID,
    customer: { waId },
    message: { id: `wamid.eval.${randomUUID()}`, timestamp: Date.now(), content },
  };
}

function textFrom(waId: string, text: string): QueuedEvent {
  return messageFrom(waId, { kind: 'text', text });
}
