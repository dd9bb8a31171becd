import { SQSClient } from '@aws-sdk/client-sqs';
import { fetchSecretFromSecretsManager } from '../adapters/secretsManagerFetcher';
import { SqsEventQueue } from '../adapters/sqs/sqsEventQueue';
import { ConfigurationError, parseEnvironment } from '../config/environment';
import { createSecretsLoader } from '../config/secrets';
import { createTelemetry } from '../observability/telemetry';
import { createWebhookHandler } from './webhookHandler';

const env = parseEnvironment();
if (env.QUEUE_URL === undefined) throw new ConfigurationError('QUEUE_URL is required');
const { logger, metrics } = createTelemetry('webhook');
const sqs = new SQSClient({ region: env.AWS_REGION, ...(env.SQS_ENDPOINT ? { endpoint: env.SQS_ENDPOINT } : {}) });

export const handler = createWebhookHandler({
  queue: new SqsEventQueue(sqs, env.QUEUE_URL),
  loadSecrets: createSecretsLoader(env, fetchSecretFromSecretsManager),
  maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
  logger,
  metrics,
});
