import { SQSClient } from '@aws-sdk/client-sqs';
import type { Environment } from '../../config/environment';
import { meterSqsUsage } from '../cost/sqsUsage';

/** The SQS client of a function, metered for the cost ledger; SQS_ENDPOINT only on one machine. */
export function createSqsClient(env: Pick<Environment, 'AWS_REGION' | 'SQS_ENDPOINT'>): SQSClient {
  const client = new SQSClient({ region: env.AWS_REGION, ...(env.SQS_ENDPOINT ? { endpoint: env.SQS_ENDPOINT } : {}) });
  meterSqsUsage(client);
  return client;
}
