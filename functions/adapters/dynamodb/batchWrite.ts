import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH_LIMIT = 25;
const ATTEMPTS = 5;

export class UnprocessedWritesError extends Error {
  override readonly name = 'UnprocessedWritesError';
}

/** Puts items in batches of 25, retrying what DynamoDB leaves unprocessed under throttling. */
export async function writeAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: ReadonlyArray<Record<string, unknown>>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_LIMIT) {
    let requests = items.slice(start, start + BATCH_LIMIT).map((item) => ({ PutRequest: { Item: item } }));
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt === ATTEMPTS) throw new UnprocessedWritesError(`${requests.length} writes left unprocessed`);
      if (attempt > 0) await sleep(50 * 2 ** attempt);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
        request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
      );
    }
  }
}
