import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { WINDOW_MS, type RateCounter, type RateWindow } from '../../domain/limits/customerRateLimiter';
import { customerPk } from './tableKeys';

/** 72 bits of the message id's hash: unique among one customer's messages in a window, and a day's list stays a few KB. */
const tagOf = (messageId: string) => createHash('sha256').update(messageId).digest('base64url').slice(0, 12);

/**
 * One counter item per customer and window (pk C#<waId>, sk RATE#<window>#<index>)
 * holding the count and, for the first `remember` messages, their tags in
 * order: a conditional update counts a message once, so a redelivered message
 * keeps its place instead of using the limit up again. The item expires by
 * TTL soon after its window ends.
 */
export class DynamoRateCounter implements RateCounter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async place(waId: string, messageId: string, window: RateWindow, windowIndex: number, remember: number): Promise<number> {
    const key = { pk: customerPk(waId), sk: `RATE#${window}#${windowIndex}` };
    const ttl = Math.ceil(((windowIndex + 2) * WINDOW_MS[window]) / 1000);
    const tag = tagOf(messageId);
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #seen = list_append(if_not_exists(#seen, :none), :tags), #ttl = :ttl ADD #count :one',
          ConditionExpression: 'attribute_not_exists(#count) OR (#count < :remember AND NOT contains(#seen, :tag))',
          ExpressionAttributeNames: { '#count': 'count', '#seen': 'seen', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':none': [], ':tags': [tag], ':tag': tag, ':ttl': ttl, ':remember': remember },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.count ?? 1);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    // Counted before (a redelivery), or past the remembered places, where every message is over the limit anyway.
    const current = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    const place = ((current.Item?.seen as string[] | undefined) ?? []).indexOf(tag);
    if (place >= 0) return place + 1;
    const counted = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': ttl },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(counted.Attributes?.count ?? remember + 1);
  }
}
