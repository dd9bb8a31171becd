import { BatchGetCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AiSpendLedger } from '../../domain/limits/dailyAiBudget';
import { customerPk, DAY_SECONDS } from './tableKeys';

/**
 * One item takes about 1,000 writes a second: a single day counter would cap
 * the whole shop near 1,000 model calls a second. The day's total is kept in
 * this many items (pk SPEND#<day>#<shard>), each call adding to one at random;
 * 16 take 16,000 writes a second, and reading the total is one BatchGetItem
 * of the 16 keys, summed (the budget reads it at most every 15 s per container).
 */
export const SPEND_SHARDS = 16;
/** A customer's own counter lives in their partition: "forget me" erases it with the rest, and it names no one elsewhere. */
const CUSTOMER_SPEND_PREFIX = 'AISPEND#';
const GLOBAL_SK = 'OPENAI';
const KEPT_DAYS = 32;
const CUSTOMER_KEPT_DAYS = 2;

const shardPk = (day: string, shard: number) => `SPEND#${day}#${String(shard).padStart(2, '0')}`;

const expiry = (day: string, days: number) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + days * DAY_SECONDS;

/** Micro-dollars spent on OpenAI per UTC day: the shop's (sharded ADD counters) and each customer's, atomic across all functions. */
export class DynamoAiSpendLedger implements AiSpendLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly shardOf: () => number = () => Math.floor(Math.random() * SPEND_SHARDS),
  ) {}

  async add(day: string, microUsd: number, customer?: string): Promise<void> {
    const add = (Key: Record<string, string>, ttl: number) =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression: 'ADD microUsd :amount SET #ttl = :ttl',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':amount': microUsd, ':ttl': ttl },
        }),
      );
    await Promise.all([
      add({ pk: shardPk(day, this.shardOf()), sk: GLOBAL_SK }, expiry(day, KEPT_DAYS)),
      ...(customer === undefined
        ? []
        : [add({ pk: customerPk(customer), sk: `${CUSTOMER_SPEND_PREFIX}${day}` }, expiry(day, CUSTOMER_KEPT_DAYS))]),
    ]);
  }

  async spent(day: string): Promise<number> {
    let keys: Array<Record<string, string>> = Array.from({ length: SPEND_SHARDS }, (_, shard) => ({
      pk: shardPk(day, shard),
      sk: GLOBAL_SK,
    }));
    let total = 0;
    // BatchGetItem may leave keys unprocessed under load: they are asked again.
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt += 1) {
      const result = await this.client.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ProjectionExpression: 'microUsd' } } }),
      );
      for (const item of result.Responses?.[this.tableName] ?? []) total += Number(item.microUsd ?? 0);
      keys = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Array<Record<string, string>>;
    }
    return total;
  }

  async spentBy(day: string, customer: string): Promise<number> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: customerPk(customer), sk: `${CUSTOMER_SPEND_PREFIX}${day}` } }),
    );
    return Number(result.Item?.microUsd ?? 0);
  }
}
