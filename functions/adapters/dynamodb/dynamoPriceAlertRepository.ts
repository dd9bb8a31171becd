import { DeleteCommand, PutCommand, paginateQuery, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PriceAlert, PriceAlertRepository } from '../../domain/alerts/priceAlert';
import { LANGUAGES, type Language } from '../../domain/language';
import { isConditionalCheckFailure } from './conditionalCheck';
import { customerPk, isLive, ttlAfterDays } from './tableKeys';
import { TABLE_SCHEMA } from './tableSchema';

const ALERT_PREFIX = 'ALERT#';
const productKey = (productId: string) => `PRODUCT#${productId}`;
/** An alert nobody fired within a year is dropped by TTL. */
const ALERT_DAYS = 365;

function alertOf(item: Record<string, unknown>): PriceAlert {
  return {
    waId: String(item.waId),
    productId: String(item.productId),
    productName: String(item.productName),
    priceAtSet: Number(item.priceAtSet),
    targetPrice: Number(item.targetPrice),
    createdAt: Number(item.createdAt),
    language: (LANGUAGES as readonly unknown[]).includes(item.language) ? (item.language as Language) : 'ru',
  };
}

/**
 * Alerts live in the customer's partition (pk C#<waId>, sk ALERT#<productId>),
 * so setting one twice replaces it and "forget me" removes them with the
 * rest; the byProduct index (gsi1pk PRODUCT#<productId>) finds a product's
 * alerts for the daily check.
 */
export class DynamoPriceAlertRepository implements PriceAlertRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async forCustomer(waId: string): Promise<PriceAlert[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': customerPk(waId), ':prefix': ALERT_PREFIX },
      }),
    );
    const now = this.now();
    return (result.Items ?? []).filter((item) => isLive(item, now)).map(alertOf);
  }

  async save(alert: PriceAlert): Promise<void> {
    const { partitionKey, sortKey } = TABLE_SCHEMA.byProductIndex;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: customerPk(alert.waId),
          sk: `${ALERT_PREFIX}${alert.productId}`,
          [partitionKey]: productKey(alert.productId),
          [sortKey]: customerPk(alert.waId),
          ...alert,
          ttl: ttlAfterDays(this.now(), ALERT_DAYS),
        },
      }),
    );
  }

  async remove(waId: string, productId: string): Promise<boolean> {
    const result = await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: customerPk(waId), sk: `${ALERT_PREFIX}${productId}` },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes !== undefined;
  }

  async forProduct(productId: string): Promise<PriceAlert[]> {
    const { name, partitionKey } = TABLE_SCHEMA.byProductIndex;
    const alerts: PriceAlert[] = [];
    const now = this.now();
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        IndexName: name,
        KeyConditionExpression: '#gsi = :product',
        ExpressionAttributeNames: { '#gsi': partitionKey },
        ExpressionAttributeValues: { ':product': productKey(productId) },
      },
    );
    for await (const page of pages) alerts.push(...(page.Items ?? []).filter((item) => isLive(item, now)).map(alertOf));
    return alerts;
  }

  async claim(alert: PriceAlert, runId: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(alert.waId), sk: `${ALERT_PREFIX}${alert.productId}` },
          UpdateExpression: 'SET firingRun = :run, firingAt = :now',
          // The target must still be the one checked: a customer who changed it meanwhile gets the new one honoured.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(firingRun) AND targetPrice = :target',
          ExpressionAttributeValues: { ':run': runId, ':now': this.now(), ':target': alert.targetPrice },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }

  async release(alert: PriceAlert): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(alert.waId), sk: `${ALERT_PREFIX}${alert.productId}` },
          UpdateExpression: 'REMOVE firingRun, firingAt',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionalCheckFailure(error)) throw error;
      });
  }
}
