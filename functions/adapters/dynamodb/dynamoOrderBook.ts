import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderBook } from '../../domain/orders/orderBook';
import type { PricedOrder } from '../../domain/orders/pricedOrder';
import { isConditionalCheckFailure } from './conditionalCheck';
import { customerPk, ttlAfterDays } from './tableKeys';

/** Orders are kept a year, with the profile: long enough for a return or a repeat purchase. */
const ORDER_DAYS = 365;

/**
 * Orders live in the customer's partition (pk C#<waId>, sk ORDER#<message id>),
 * so "forget me" removes them with the rest; the conditional write tells a
 * new order from one Meta delivered again.
 */
export class DynamoOrderBook implements OrderBook {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(waId: string, order: PricedOrder, at: number): Promise<'new' | 'known'> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: customerPk(waId), sk: `ORDER#${order.orderId}`, ...order, at, ttl: ttlAfterDays(at, ORDER_DAYS) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'new';
    } catch (error) {
      if (isConditionalCheckFailure(error)) return 'known';
      throw error;
    }
  }
}
