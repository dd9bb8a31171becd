import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterDynamoDbUsage } from '../../functions/adapters/cost/dynamoDbUsage';
import { meterS3Usage } from '../../functions/adapters/cost/s3Usage';
import { meterSqsUsage } from '../../functions/adapters/cost/sqsUsage';
import { PowertoolsMessageClaims } from '../../functions/adapters/dynamodb/powertoolsMessageClaims';
import { createS3Client } from '../../functions/adapters/s3/s3Client';
import { S3MediaStaging } from '../../functions/adapters/media/s3MediaStaging';
import type { UsageEvent } from '../../functions/domain/cost/usageEvent';
import { UsageMeter } from '../../functions/observability/usageMeter';
import { enterMeter } from '../../functions/observability/usageMeterContext';
import { LOCAL_CREDENTIALS } from '../../local/dynamoServer';
import { startS3, type LocalS3 } from '../../local/s3Server';
import { startTestTable, type TestTable } from '../support/localDynamo';
import { startLocalSqs, type LocalSqs } from '../support/localSqs';

let table: TestTable;
let raw: DynamoDBClient;
let document: DynamoDBDocumentClient;
let s3: LocalS3;
let sqs: LocalSqs;

beforeAll(async () => {
  // s3rver accepts only its own key pair (as localEnvironment sets it for `zeta start`).
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  [table, s3, sqs] = await Promise.all([startTestTable(), startS3({ buckets: ['media-test'] }), startLocalSqs()]);
  raw = new DynamoDBClient({ endpoint: table.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  meterDynamoDbUsage(raw);
  // Created after the middleware was added, as createDynamoClients does it the other way round: both share one stack.
  document = DynamoDBDocumentClient.from(raw);
  meterSqsUsage(sqs.client);
});
afterAll(async () => {
  raw.destroy();
  await Promise.all([table.close(), s3.close(), sqs.close()]);
});

/** Runs `work` as one metered invocation and returns what it recorded. */
async function metered(work: () => Promise<unknown>): Promise<readonly UsageEvent[]> {
  const meter = new UsageMeter(Date.now(), 'other');
  await (async () => {
    enterMeter(meter);
    await work();
  })();
  meter.close();
  return meter.usage;
}

const units = (events: readonly UsageEvent[]) =>
  events.reduce(
    (sum, event) => (event.kind === 'dynamodb' ? { read: sum.read + event.readUnits, write: sum.write + event.writeUnits } : sum),
    { read: 0, write: 0 },
  );

describe('DynamoDB usage', () => {
  it('records the units dynalite reports for document and raw commands, and leaves the caller’s input alone', async () => {
    const input = { TableName: table.tableName, Item: { pk: 'T#1', sk: 'A', text: 'x'.repeat(2_500) } };
    const events = await metered(async () => {
      await document.send(new PutCommand(input));
      await raw.send(new GetItemCommand({ TableName: table.tableName, Key: { pk: { S: 'T#1' }, sk: { S: 'A' } } }));
      await document.send(
        new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'T#1' } }),
      );
    });
    // A 2.5 KB item: 3 write units; an eventually consistent get and query of it: 0.5 read units each.
    expect(units(events)).toEqual({ read: 1, write: 3 });
    expect(input).not.toHaveProperty('ReturnConsumedCapacity');
  });

  it('books a write unit for a failed conditional write, and meters Powertools Idempotency on the same client', async () => {
    const events = await metered(async () => {
      await document
        .send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: { pk: 'T#2', sk: 'A' },
            UpdateExpression: 'SET x = :x',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':x': 1 },
          }),
        )
        .catch(() => undefined);
      const claims = new PowertoolsMessageClaims({ client: raw, tableName: table.tableName, retentionDays: 1, scope: 'test' });
      await claims.claim('wamid.metered', 10_000);
    });
    expect(units(events).write).toBeGreaterThanOrEqual(2);
  });

  it('records nothing into a meter whose invocation is over', async () => {
    const meter = new UsageMeter(Date.now(), 'other');
    enterMeter(meter);
    meter.close();
    await document.send(new PutCommand({ TableName: table.tableName, Item: { pk: 'T#3', sk: 'A' } }));
    expect(meter.usage).toEqual([]);
  });
});

describe('S3 and SQS usage', () => {
  it('counts PUT and GET requests, a GET of a missing key too', async () => {
    const client = createS3Client({ AWS_REGION: 'us-east-1', S3_ENDPOINT: s3.endpoint });
    meterS3Usage(client);
    const staging = new S3MediaStaging(client, 'media-test');
    const events = await metered(async () => {
      await staging.put('voice/1.ogg', { bytes: new Uint8Array([1, 2, 3]), contentType: 'audio/ogg' });
      await staging.get('voice/1.ogg');
      await staging.get('voice/missing.ogg');
    });
    expect(events).toEqual([
      { kind: 's3', puts: 1, gets: 0 },
      { kind: 's3', puts: 0, gets: 1 },
      { kind: 's3', puts: 0, gets: 1 },
    ]);
    client.destroy();
  });

  it('bills a SendMessageBatch by 64 KB chunks of its payload', async () => {
    const entry = (id: string, size: number) => ({
      Id: id,
      MessageBody: 'x'.repeat(size),
      MessageGroupId: 'g',
      MessageDeduplicationId: `dedup-${id}-${size}`,
    });
    const events = await metered(async () => {
      await sqs.client.send(new SendMessageBatchCommand({ QueueUrl: sqs.queueUrl, Entries: [entry('a', 100), entry('b', 100)] }));
      await sqs.client.send(new SendMessageBatchCommand({ QueueUrl: sqs.queueUrl, Entries: [entry('c', 70_000), entry('d', 70_000)] }));
    });
    // 200 bytes: one request; 140,000 bytes: ceil(140000 / 65536) = 3 requests.
    expect(events).toEqual([
      { kind: 'sqs', requests: 1 },
      { kind: 'sqs', requests: 3 },
    ]);
  });
});
