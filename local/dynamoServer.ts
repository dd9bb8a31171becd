import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/tableSchema';

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Credentials for loopback servers that do not check them. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** dynalite on loopback: in memory, or on disk under `path` so `npm start` keeps its data across restarts. */
export async function startDynamo(options: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    // Keep-alive clients (the SDK's pooled sockets) would hold the server open and keep reaching a closing database.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Creates the application table as the CDK stack defines it: from the
 * synthesized template's definition when running as deployed, otherwise from
 * the schema the stack builds it from (dynalite has no TTL API: reads skip
 * expired items).
 */
export async function ensureTable(endpoint: string, tableName: string, definition?: Record<string, unknown>): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const { partitionKey, sortKey, byProductIndex } = TABLE_SCHEMA;
  try {
    await client.send(
      new CreateTableCommand(
        definition !== undefined
          ? { ...(definition as unknown as CreateTableCommandInput), TableName: tableName }
          : {
              TableName: tableName,
              BillingMode: 'PAY_PER_REQUEST',
              AttributeDefinitions: [
                { AttributeName: partitionKey, AttributeType: 'S' },
                { AttributeName: sortKey, AttributeType: 'S' },
                { AttributeName: byProductIndex.partitionKey, AttributeType: 'S' },
                { AttributeName: byProductIndex.sortKey, AttributeType: 'S' },
              ],
              KeySchema: [
                { AttributeName: partitionKey, KeyType: 'HASH' },
                { AttributeName: sortKey, KeyType: 'RANGE' },
              ],
              GlobalSecondaryIndexes: [
                {
                  IndexName: byProductIndex.name,
                  KeySchema: [
                    { AttributeName: byProductIndex.partitionKey, KeyType: 'HASH' },
                    { AttributeName: byProductIndex.sortKey, KeyType: 'RANGE' },
                  ],
                  Projection: { ProjectionType: 'ALL' },
                },
              ],
            },
      ),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  client.destroy();
}
