import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProductViewStats } from '../../domain/conversation/ports';
import { ttlAfterDays } from './tableKeys';

const pk = (productId: string) => `PV#${productId}`;
const ALSO = 'ALSO#';

/**
 * Co-view counts as one item per ordered pair (pk PV#<a>, sk ALSO#<b>),
 * incremented with ADD so concurrent consumers never lose a count. The
 * counts hold no customer data; they fade out a year after the last view.
 */
export class DynamoProductViewStats implements ProductViewStats {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async recordCoViews(productId: string, previouslyViewed: readonly string[]): Promise<void> {
    const others = [...new Set(previouslyViewed)].filter((other) => other !== productId);
    const ttl = ttlAfterDays(this.now(), 365);
    await Promise.all(others.flatMap((other) => [this.increment(productId, other, ttl), this.increment(other, productId, ttl)]));
  }

  async alsoViewed(productId: string, limit: number): Promise<Array<{ productId: string; count: number }>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :also)',
        ExpressionAttributeValues: { ':pk': pk(productId), ':also': ALSO },
      }),
    );
    return (result.Items ?? [])
      .map((item) => ({ productId: String(item.sk).slice(ALSO.length), count: Number(item.views ?? 0) }))
      .sort((a, b) => b.count - a.count)
      .slice(0, limit);
  }

  private async increment(productId: string, other: string, ttl: number): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: pk(productId), sk: `${ALSO}${other}` },
        UpdateExpression: 'ADD #views :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#views': 'views', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': ttl },
      }),
    );
  }
}
