import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSRecord } from 'aws-lambda';
import { parseEnvironment } from '../functions/config/environment';
import { buildConsumer } from '../functions/consumer/buildConsumer';
import { deduplicationIdOf, messageGroupOf, type QueuedEvent } from '../functions/contracts/queuedEvent';
import type { InboundContent } from '../functions/domain/whatsapp/inboundMessage';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { ensureTable, startDynamo, type LocalDynamo } from '../local/dynamoServer';
import { createGraphStandIn, type OutboundRecord } from '../local/graph/graphStandIn';
import { createLambdaContext } from '../local/lambdaContext';
import { LOCAL_NAMES } from '../local/localEnvironment';

export const MANAGER_WA_ID = '77000000001';
const GRAPH_TOKEN = 'eval-access-token';
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
  close(): Promise<void>;
}

export async function startEvalStack(model?: ModelSettings): Promise<EvalStack> {
  const outbound: OutboundRecord[] = [];
  const dynamo: LocalDynamo = await startDynamo();
  await ensureTable(dynamo.endpoint, TABLE);
  let standIn: ReturnType<typeof createGraphStandIn> | undefined;
  const server: Server = createServer((request, response) => {
    void standIn?.handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn = createGraphStandIn({
    apiVersion: LOCAL_NAMES.graphApiVersion,
    accessToken: GRAPH_TOKEN,
    phoneNumberId: LOCAL_NAMES.phoneNumberId,
    publicBaseUrl: origin,
    onOutbound: (record) => outbound.push(record),
    onStatus: () => undefined,
    lastInboundAt: () => Date.now(),
    faults: () => undefined,
  });
  // The SDK reads credentials from the environment; dynalite accepts any.
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const base = {
    STAGE: 'eval',
    AWS_REGION: LOCAL_NAMES.region,
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    GRAPH_API_BASE_URL: `${origin}/graph`,
    GRAPH_API_VERSION: LOCAL_NAMES.graphApiVersion,
    WHATSAPP_TOKEN: GRAPH_TOKEN,
    WHATSAPP_APP_SECRET: 'eval-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'eval-verify-token',
    WHATSAPP_PHONE_NUMBER_ID: LOCAL_NAMES.phoneNumberId,
    CATALOG_IMAGE_BASE_URL: `${origin}/catalog/`,
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
  const consumers = {
    alone: buildConsumer(parseEnvironment(base), telemetry()),
    manned: buildConsumer(
      parseEnvironment({ ...base, MANAGER_WA_ID, MANAGER_NAME: 'Айгуль', MANAGER_HOURS: '00:00-23:59', MANAGER_DAYS: '1-7' }),
      telemetry(),
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
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dynamo.close();
    },
  };
}

function messageFrom(waId: string, content: InboundContent): QueuedEvent {
  return {
    v: 1,
    kind: 'message',
    receivedAt: Date.now(),
    phoneNumberId: LOCAL_NAMES.phoneNumberId,
    customer: { waId },
    message: { id: `wamid.eval.${randomUUID()}`, timestamp: Date.now(), content },
  };
}

function textFrom(waId: string, text: string): QueuedEvent {
  return messageFrom(waId, { kind: 'text', text });
}

let sequence = 0;

function sqsRecord(event: QueuedEvent): SQSRecord {
  sequence += 1;
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: JSON.stringify(event),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'AROAEVAL',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
      MessageGroupId: messageGroupOf(event),
      MessageDeduplicationId: deduplicationIdOf(event),
      SequenceNumber: String(sequence).padStart(20, '0'),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${LOCAL_NAMES.region}:000000000000:${LOCAL_NAMES.queue}`,
    awsRegion: LOCAL_NAMES.region,
  };
}
