import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AiSpendLedger } from '../../domain/limits/dailyAiBudget';
import { DAY_SECONDS } from './tableKeys';

/** One item per UTC day (pk SPEND#<day>, sk OPENAI) with an ADD counter: atomic across all functions, gone by TTL after a month. */
export class DynamoAiSpendLedger implements AiSpendLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(day: string, microUsd: number): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `SPEND#${day}`, sk: 'OPENAI' },
        UpdateExpression: 'ADD microUsd :amount SET #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':amount': microUsd, ':ttl': Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 32 * DAY_SECONDS },
      }),
    );
  }

  async spent(day: string): Promise<number> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: `SPEND#${day}`, sk: 'OPENAI' } }));
    return Number(result.Item?.microUsd ?? 0);
  }
}
