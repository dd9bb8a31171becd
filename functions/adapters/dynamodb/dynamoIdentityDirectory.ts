import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdentityDirectory } from '../../domain/identity/identityDirectory';
import { deleteAll, writeAll } from './batchWrite';
import { IDENTITY_SK, identityPk } from './tableKeys';

/**
 * One item per identifier (pk ID#<phone number or BSUID>, sk ID) naming the
 * customer key it belongs to. Links carry no TTL: they live as long as the
 * identifier is the customer's, and are deleted when it is retired.
 */
export class DynamoIdentityDirectory implements IdentityDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async keysOf(identifiers: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(identifiers)];
    const keys = new Map<string, string>();
    if (unique.length === 0) return keys;
    let request: Record<string, { Keys: Array<Record<string, unknown>> }> | undefined = {
      [this.tableName]: { Keys: unique.map((identifier) => ({ pk: identityPk(identifier), sk: IDENTITY_SK })) },
    };
    // A couple of keys never exceed BatchGetItem's limits; unprocessed keys come back under throttling only.
    while (request !== undefined && Object.keys(request).length > 0) {
      const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[this.tableName] ?? []) {
        if (typeof item.identifier === 'string' && typeof item.key === 'string') keys.set(item.identifier, item.key);
      }
      request = result.UnprocessedKeys as typeof request;
    }
    return keys;
  }

  async link(identifiers: readonly string[], key: string): Promise<void> {
    await writeAll(
      this.client,
      this.tableName,
      [...new Set(identifiers)].map((identifier) => ({ pk: identityPk(identifier), sk: IDENTITY_SK, identifier, key })),
    );
  }

  async unlink(identifiers: readonly string[]): Promise<void> {
    await deleteAll(
      this.client,
      this.tableName,
      [...new Set(identifiers)].map((identifier) => ({ pk: identityPk(identifier), sk: IDENTITY_SK })),
    );
  }
}
