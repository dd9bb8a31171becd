import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH_LIMIT = 25;
const ATTEMPTS = 5;

export class UnprocessedWritesError extends Error {
  override readonly name = 'UnprocessedWritesError';
}

type Sleep = (ms: number) => Promise<void>;
const pause: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** Sends write requests in batches of 25, retrying with backoff what DynamoDB leaves unprocessed under throttling. */
async function writeInBatches(
  client: DynamoDBDocumentClient,
  tableName: string,
  all: readonly WriteRequest[],
  sleep: Sleep,
): Promise<void> {
  for (let start = 0; start < all.length; start += BATCH_LIMIT) {
    let requests = all.slice(start, start + BATCH_LIMIT);
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt === ATTEMPTS) throw new UnprocessedWritesError(`${requests.length} writes left unprocessed`);
      if (attempt > 0) await sleep(50 * 2 ** attempt);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...requests] } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []).flatMap((request): WriteRequest[] => {
        if (request.PutRequest?.Item) return [{ PutRequest: { Item: request.PutRequest.Item } }];
        if (request.DeleteRequest?.Key) return [{ DeleteRequest: { Key: request.DeleteRequest.Key } }];
        return [];
      });
    }
  }
}

/** Puts items in batches of 25, retrying what DynamoDB leaves unprocessed under throttling. */
export function writeAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: ReadonlyArray<Record<string, unknown>>,
  sleep: Sleep = pause,
): Promise<void> {
  return writeInBatches(
    client,
    tableName,
    items.map((item) => ({ PutRequest: { Item: item } })),
    sleep,
  );
}

/** Deletes items by key in batches of 25, retrying what DynamoDB leaves unprocessed under throttling. */
export function deleteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: ReadonlyArray<Record<string, unknown>>,
  sleep: Sleep = pause,
): Promise<void> {
  return writeInBatches(
    client,
    tableName,
    keys.map((key) => ({ DeleteRequest: { Key: key } })),
    sleep,
  );
}
