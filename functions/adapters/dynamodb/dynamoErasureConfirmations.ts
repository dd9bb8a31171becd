import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErasureConfirmations } from '../../domain/privacy/erasureConfirmations';
import { isConditionalCheckFailure } from './conditionalCheck';
import { customerPk } from './tableKeys';

/** Under the customer's partition (pk C#<waId>, sk ERASE#PENDING): erased with the rest, gone by TTL if never confirmed. */
const PENDING_SK = 'ERASE#PENDING';

export class DynamoErasureConfirmations implements ErasureConfirmations {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async ask(waId: string, nonce: string, until: number): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: customerPk(waId), sk: PENDING_SK, nonce, until, ttl: Math.ceil(until / 1000) },
      }),
    );
  }

  /** A conditional delete: two taps of the same button confirm once. */
  async confirm(waId: string, nonce: string, now: number): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(waId), sk: PENDING_SK },
          ConditionExpression: 'nonce = :nonce AND #until > :now',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':nonce': nonce, ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }
}
