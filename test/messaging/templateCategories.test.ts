import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoTemplateCategoryStore } from '../../functions/adapters/dynamodb/dynamoTemplateCategoryStore';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import { TemplateCategories } from '../../functions/domain/messaging/templateCategories';
import type { TemplateUpdate } from '../../functions/domain/messaging/templateUpdate';
import { startTestTable, type TestTable } from '../support/localDynamo';

let table: TestTable;
beforeAll(async () => {
  table = await startTestTable();
});
afterAll(async () => table.close());

const T0 = Date.UTC(2026, 11, 1);
const ref = { templateId: '1001', name: 'price_alert_notification', language: 'ru' };

function categories(now = () => T0 + 60_000) {
  return new TemplateCategories({
    store: new DynamoTemplateCategoryStore(table.document, table.tableName),
    catalog: messageTemplates(),
    now,
    cacheMs: 0,
  });
}

describe("each template's category as Meta last reported it", () => {
  it('is the file’s declared category until Meta has said anything', async () => {
    expect(await categories().latest('price_alert_notification', 'kk')).toBe('UTILITY');
    expect(await categories().latest('new_products_notification', 'kk')).toBe('MARKETING');
    expect(await categories().latest('no_such_template', 'ru')).toBeUndefined();
  });

  it('takes the category an approval carries, then a completed change; an announcement changes nothing', async () => {
    const book = categories();
    const apply = (update: TemplateUpdate) => book.apply(update);
    expect(await apply({ kind: 'status', ...ref, at: T0, status: 'APPROVED', category: 'UTILITY' })).toBe('recorded');
    expect(await apply({ kind: 'category_change_announced', ...ref, at: T0 + 1, category: 'UTILITY', correctCategory: 'MARKETING' })).toBe(
      'announced',
    );
    expect(await book.latest('price_alert_notification', 'ru')).toBe('UTILITY');
    expect(await apply({ kind: 'category_changed', ...ref, at: T0 + 2, category: 'MARKETING', previousCategory: 'UTILITY' })).toBe(
      'recorded',
    );
    expect(await book.latest('price_alert_notification', 'ru')).toBe('MARKETING');
    // A late redelivery of the approval never undoes the newer change.
    expect(await apply({ kind: 'status', ...ref, at: T0, status: 'APPROVED', category: 'UTILITY' })).toBe('stale');
    expect(await categories().latest('price_alert_notification', 'ru')).toBe('MARKETING');
    // Rejections and pauses are logged, not recorded as a category.
    expect(await apply({ kind: 'status', ...ref, at: T0 + 3, status: 'PAUSED', category: 'MARKETING' })).toBe('status');
  });

  it('keeps a looked-up category in memory for a while, and drops it when it records a change itself', async () => {
    let now = T0;
    const cached = new TemplateCategories({
      store: new DynamoTemplateCategoryStore(table.document, table.tableName),
      catalog: messageTemplates(),
      now: () => now,
      cacheMs: 60_000,
    });
    const other = { templateId: '1002', name: 'service_reply', language: 'en' };
    expect(await cached.latest('service_reply', 'en')).toBe('UTILITY');
    await categories().apply({ kind: 'category_changed', ...other, at: T0, category: 'MARKETING' });
    expect(await cached.latest('service_reply', 'en')).toBe('UTILITY');
    now += 60_001;
    expect(await cached.latest('service_reply', 'en')).toBe('MARKETING');
    await cached.apply({ kind: 'category_changed', ...other, at: T0 + 1, category: 'UTILITY' });
    expect(await cached.latest('service_reply', 'en')).toBe('UTILITY');
  });
});
