import { performance } from 'node:perf_hooks';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { meterSqsUsage } from '../functions/adapters/cost/sqsUsage';
import { fetchSecretFromSecretsManager } from '../functions/adapters/secretsManagerFetcher';
import { SqsEventQueue } from '../functions/adapters/sqs/sqsEventQueue';
import { parseEnvironment } from '../functions/config/environment';
import { createSecretsLoader } from '../functions/config/secrets';
import { buildWebhook } from '../functions/webhook/buildWebhook';
import { parseWebhook } from '../functions/webhook/queuedEvents';
import { isValidSignature } from '../functions/webhook/signature';
import { createWebhookHandler } from '../functions/webhook/webhookHandler';
import { createLambdaContext } from '../local/lambdaContext';
import { contact, textMessage, webhookBody } from '../test/support/cloudApiPayloads';
import { APP_SECRET, webhookEvent } from '../test/support/signedRequest';
import { quietTelemetry } from '../test/support/telemetry';
import { startLocalEndpoints } from './localEndpoints';
import { naiveWebhookHandler } from './naiveWebhook';
import { summarize, type TimingSummary } from './stats';

export interface WebhookVariant {
  name: string;
  /** What one timed call does. */
  does: string;
  /** Messages in each webhook body; the timing is per message (the call's time divided by this). */
  messagesPerBody: number;
  timing: TimingSummary;
}

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2 | void>;

const WARMUP = 300;
const BLOCKS = 30;
const PER_BLOCK = 100;

let sequence = 0;
/** A signed webhook event from one customer, new ids each time so that SQS deduplication never short-cuts a send. */
function nextEvent(messages: number): APIGatewayProxyEventV2 {
  sequence += 1;
  const waId = `7701${String(sequence % 500).padStart(7, '0')}`;
  const bodies = Array.from({ length: messages }, (_, index) =>
    textMessage(waId, 'Здравствуйте! Хочу серый диван до 300 тысяч', `wamid.bench.${sequence}.${index}`),
  );
  return webhookEvent(JSON.stringify(webhookBody({ contacts: [contact(waId)], messages: bodies })));
}

/**
 * Per-message time of the webhook in this process, one message per call,
 * against the local endpoints `npm start` uses (the SQS protocol server and
 * dynalite, whose own work is part of each call's wait). Variants run in
 * interleaved blocks so that drift in the machine hits them alike.
 */
export async function benchWebhook(): Promise<WebhookVariant[]> {
  const endpoints = await startLocalEndpoints();
  const env = parseEnvironment({
    STAGE: 'bench',
    AWS_REGION: 'us-east-1',
    QUEUE_URL: endpoints.queueUrl,
    SQS_ENDPOINT: endpoints.sqsEndpoint,
    TABLE_NAME: endpoints.tableName,
    DYNAMODB_ENDPOINT: endpoints.dynamoEndpoint,
    WHATSAPP_APP_SECRET: APP_SECRET,
  });
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  const telemetry = quietTelemetry();
  const context = (): Context => createLambdaContext({ functionName: 'webhook', timeoutMs: 10_000, memoryMb: 256 });
  const sqs = new SQSClient({ region: env.AWS_REGION, endpoint: endpoints.sqsEndpoint });
  meterSqsUsage(sqs);
  const loadSecrets = createSecretsLoader(env, fetchSecretFromSecretsManager);
  const withLedger = buildWebhook(env, telemetry).handler;
  const withoutLedger = createWebhookHandler({
    queue: new SqsEventQueue(sqs, endpoints.queueUrl),
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    loadSecrets,
    maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    ...telemetry,
  });
  const noQueue = createWebhookHandler({
    queue: { enqueue: async () => undefined },
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    loadSecrets,
    maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    ...telemetry,
  });
  const naive = naiveWebhookHandler(
    new SQSClient({ region: env.AWS_REGION, endpoint: endpoints.sqsEndpoint }),
    endpoints.queueUrl,
    APP_SECRET,
  );

  const variants: Array<{ name: string; does: string; messagesPerBody: number; run: Handler; samples: number[] }> = [
    {
      name: 'signature + parse (functions only)',
      messagesPerBody: 1,
      does: 'HMAC over the raw bytes, JSON.parse, the webhook zod schemas; no I/O',
      run: async (event) => {
        const raw = Buffer.from(event.body ?? '', 'utf8');
        if (!isValidSignature(raw, event.headers['x-hub-signature-256'], APP_SECRET)) throw new Error('signature');
        parseWebhook(JSON.parse(raw.toString('utf8')), Date.now(), env.WHATSAPP_PHONE_NUMBER_ID);
      },
      samples: [],
    },
    {
      name: 'webhook handler, queue stubbed',
      messagesPerBody: 1,
      does: 'the middy handler with Powertools logger and metrics, signature, zod; the enqueue does nothing',
      run: (event) => noQueue(event, context()),
      samples: [],
    },
    {
      name: 'webhook handler + SendMessageBatch (no ledger row)',
      messagesPerBody: 1,
      does: 'as deployed but without cost accounting: one SendMessageBatch to the local SQS endpoint',
      run: (event) => withoutLedger(event, context()),
      samples: [],
    },
    {
      name: 'webhook as deployed (buildWebhook): + cost-ledger row',
      messagesPerBody: 1,
      does: 'the real composition: SendMessageBatch, then the invocation priced and one PutItem to dynalite',
      run: (event) => withLedger(event, context()),
      samples: [],
    },
    {
      name: 'naive baseline',
      messagesPerBody: 1,
      does: 'JSON.parse, HMAC over re-serialised JSON, one full zod schema, one SendMessage per message',
      run: naive,
      samples: [],
    },
    {
      name: 'webhook as deployed, 10 messages in one body',
      does: 'as above; the ten go in one SendMessageBatch, and the invocation writes one ledger row',
      messagesPerBody: 10,
      run: (event) => withLedger(event, context()),
      samples: [],
    },
    {
      name: 'naive baseline, 10 messages in one body',
      does: 'as above; ten SendMessage calls one after the other',
      messagesPerBody: 10,
      run: naive,
      samples: [],
    },
  ];

  for (const variant of variants) for (let index = 0; index < WARMUP; index += 1) await variant.run(nextEvent(variant.messagesPerBody));
  for (let block = 0; block < BLOCKS; block += 1) {
    for (const variant of variants) {
      for (let index = 0; index < PER_BLOCK; index += 1) {
        const event = nextEvent(variant.messagesPerBody);
        const started = performance.now();
        const result = await variant.run(event);
        variant.samples.push((performance.now() - started) / variant.messagesPerBody);
        if (result !== undefined && typeof result !== 'string' && result.statusCode !== 200)
          throw new Error(`${variant.name} answered ${result.statusCode}`);
      }
      endpoints.queue.purge();
    }
  }
  sqs.destroy();
  await endpoints.close();
  return variants.map((variant) => ({
    name: variant.name,
    does: variant.does,
    messagesPerBody: variant.messagesPerBody,
    timing: summarize(variant.samples),
  }));
}
