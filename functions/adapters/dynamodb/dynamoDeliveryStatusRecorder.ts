import { isConditionalCheckFailure } from './conditionalCheck';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DELIVERY_RANK, type DeliveryStatusRecorder } from '../../domain/conversation/deliveryStatuses';
import type { OutboundLog, RefusedMessage } from '../../domain/messaging/windowReengagement';
import { LANGUAGES, type Language } from '../../domain/language';
import type { DeliveryStatus } from '../../domain/whatsapp/inboundMessage';
import { customerPk, outboundSk, ttlAfterDays } from './tableKeys';

/** The first status of a message that carries WhatsApp's pricing, with the template it was (what it is billed for). */
export interface FirstPricing {
  status: DeliveryStatus;
  template?: string;
}

/**
 * One conditional update per status: applied only when it moves a message we
 * sent forward, so redelivered or reordered webhooks never move ticks backwards.
 * The first pricing block is kept: it is what WhatsApp bills for the message.
 */
export class DynamoDeliveryStatusRecorder implements DeliveryStatusRecorder, OutboundLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
    /** Told once per message, so its charge is booked once however many statuses repeat the pricing. */
    private readonly onFirstPricing: (pricing: FirstPricing) => void = () => undefined,
  ) {}

  async record(status: DeliveryStatus): Promise<'applied' | 'stale'> {
    const sets = ['#state = :state', 'stateRank = :rank', 'stateAt = :at', '#ttl = if_not_exists(#ttl, :ttl)'];
    const values: Record<string, unknown> = {
      ':state': status.state,
      ':rank': DELIVERY_RANK[status.state],
      ':at': status.timestamp,
      ':ttl': ttlAfterDays(this.now(), this.retentionDays),
    };
    if (status.pricing !== undefined) {
      sets.push('pricing = if_not_exists(pricing, :pricing)');
      values[':pricing'] = status.pricing;
    }
    if (status.conversationId !== undefined) {
      sets.push('conversationId = :conversationId');
      values[':conversationId'] = status.conversationId;
    }
    if (status.errors !== undefined) {
      sets.push('deliveryErrors = :errors');
      values[':errors'] = status.errors;
    }
    try {
      const { Attributes: before } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(status.recipientId), sk: outboundSk(status.messageId) },
          UpdateExpression: `SET ${sets.join(', ')}`,
          // Only messages we recorded: a late status must not bring back a customer who was just erased.
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(stateRank) OR stateRank < :rank)',
          ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
          ExpressionAttributeValues: values,
          // The item as it was: whether a pricing block was kept already, and which template the message was.
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (status.pricing !== undefined && before?.pricing === undefined) this.firstPricing(status, before);
      return 'applied';
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
      if (status.pricing !== undefined) await this.keepPricing(status);
      return 'stale';
    }
  }

  /** Statuses can arrive out of order: a late "sent" still carries the pricing an earlier "read" lacked. */
  private async keepPricing(status: DeliveryStatus): Promise<void> {
    try {
      const { Attributes: before } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(status.recipientId), sk: outboundSk(status.messageId) },
          UpdateExpression: 'SET pricing = :pricing',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pricing)',
          ExpressionAttributeValues: { ':pricing': status.pricing },
          ReturnValues: 'ALL_OLD',
        }),
      );
      this.firstPricing(status, before);
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  private firstPricing(status: DeliveryStatus, before: Record<string, unknown> | undefined): void {
    const template = typeof before?.template === 'string' ? before.template : undefined;
    this.onFirstPricing({ status, ...(template === undefined ? {} : { template }) });
  }

  async claimResend(waId: string, messageId: string): Promise<RefusedMessage | undefined> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: customerPk(waId), sk: outboundSk(messageId) },
          UpdateExpression: 'SET resentAt = :now',
          ConditionExpression: 'attribute_exists(summary) AND attribute_not_exists(resentAt) AND attribute_not_exists(template)',
          ExpressionAttributeValues: { ':now': this.now() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = result.Attributes ?? {};
      const language = (LANGUAGES as readonly unknown[]).includes(item.language) ? (item.language as Language) : 'ru';
      return { summary: String(item.summary), language };
    } catch (error) {
      if (isConditionalCheckFailure(error)) return undefined;
      throw error;
    }
  }
}
