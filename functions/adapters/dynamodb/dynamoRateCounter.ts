import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { WINDOW_MS, type RateCounter, type RateWindow } from '../../domain/limits/customerRateLimiter';
import { customerPk } from './tableKeys';

/**
 * One counter item per customer and window (pk C#<waId>, sk RATE#<window>#<index>):
 * ADD is atomic, so concurrent consumers never lose a count, and the item
 * expires by TTL soon after its window ends.
 */
export class DynamoRateCounter implements RateCounter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async increment(waId: string, window: RateWindow, windowIndex: number): Promise<number> {
    const windowEnd = (windowIndex + 1) * WINDOW_MS[window];
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: customerPk(waId), sk: `RATE#${window}#${windowIndex}` },
        UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': Math.ceil((windowEnd + WINDOW_MS[window]) / 1000) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.count ?? 1);
  }
}
