import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { KnownCategory, TemplateCategoryStore } from '../../domain/messaging/templateCategories';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '../../domain/messaging/templateCategory';
import { isConditionalCheckFailure } from './conditionalCheck';
import { templatePk, templateSk } from './tableKeys';

/**
 * pk TEMPLATE#<name> sk LANG#<language>: the category Meta last reported for a
 * template, no TTL (a template lives as long as the account keeps it). A
 * redelivered or reordered webhook never overwrites a newer report.
 */
export class DynamoTemplateCategoryStore implements TemplateCategoryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(name: string, language: string): Promise<KnownCategory | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: templatePk(name), sk: templateSk(language) } }),
    );
    if (Item === undefined || !(TEMPLATE_CATEGORIES as readonly unknown[]).includes(Item.category)) return undefined;
    return { name, language, category: Item.category as TemplateCategory, templateId: String(Item.templateId), at: Number(Item.at) };
  }

  async put(known: KnownCategory): Promise<'applied' | 'stale'> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: templatePk(known.name), sk: templateSk(known.language), ...known },
          ConditionExpression: 'attribute_not_exists(pk) OR #at <= :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': known.at },
        }),
      );
      return 'applied';
    } catch (error) {
      if (isConditionalCheckFailure(error)) return 'stale';
      throw error;
    }
  }
}
