import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TurnProgress } from '../../domain/conversation/ports';
import { customerPk, isLive, progressSk, ttlAfterDays } from './tableKeys';

/**
 * pk C#<waId> sk PROGRESS#<turn id>: written only when a turn fails after some
 * of its answers went out, and kept as long as SQS and Meta may deliver the
 * turn again; under the customer's partition, so "forget me" removes it too.
 */
export class DynamoTurnProgress implements TurnProgress {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
    private readonly now: () => number,
  ) {}

  async sentBefore(waId: string, turnId: string): Promise<number> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: customerPk(waId), sk: progressSk(turnId) }, ConsistentRead: true }),
    );
    return isLive(Item, this.now()) ? Number(Item?.sent ?? 0) : 0;
  }

  async recordSent(waId: string, turnId: string, sent: number): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: customerPk(waId), sk: progressSk(turnId), sent, ttl: ttlAfterDays(this.now(), this.retentionDays) },
      }),
    );
  }
}
