import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Environment } from '../../config/environment';
import { meterDynamoDbUsage } from '../cost/dynamoDbUsage';

export interface DynamoClients {
  raw: DynamoDBClient;
  document: DynamoDBDocumentClient;
}

export function createDynamoClients(env: Pick<Environment, 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): DynamoClients {
  const raw = new DynamoDBClient({
    region: env.AWS_REGION,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
  });
  meterDynamoDbUsage(raw);
  const document = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { raw, document };
}
