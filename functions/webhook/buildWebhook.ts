import { fetchSecretFromSecretsManager } from '../adapters/secretsManagerFetcher';
import { createSqsClient } from '../adapters/sqs/sqsClient';
import { SqsEventQueue } from '../adapters/sqs/sqsEventQueue';
import { ConfigurationError, type Environment } from '../config/environment';
import { createSecretsLoader } from '../config/secrets';
import { costAccountingFor } from '../composition/costAccountingFor';
import { httpApiRequestUsage } from '../observability/invocationUsage';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { createWebhookHandler } from './webhookHandler';
import { WebhookError } from './webhookErrors';

/**
 * The webhook's composition root: the SQS client is created once per cold
 * start; the DynamoDB client only if its cost rows go to the table (the local
 * runtime), not through its logs as deployed.
 */
export function buildWebhook(env: Environment, telemetry: Telemetry = createTelemetry('webhook')) {
  if (env.QUEUE_URL === undefined) throw new ConfigurationError('QUEUE_URL is required');
  const handler = createWebhookHandler({
    queue: new SqsEventQueue(createSqsClient(env), env.QUEUE_URL),
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    loadSecrets: createSecretsLoader(env, fetchSecretFromSecretsManager),
    maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    costAccounting: costAccountingFor(env, telemetry, undefined, {
      functionName: 'webhook',
      memoryMb: 256,
      feature: 'webhook',
      invocationUsage: httpApiRequestUsage,
      // A bad signature, a wrong method, a body too large or malformed: nothing was queued, and the internet may send any number.
      rejected: ({ error }) => error instanceof WebhookError && error.statusCode < 500,
    }),
    ...telemetry,
  });
  return { handler };
}
