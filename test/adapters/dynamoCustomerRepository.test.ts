import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCustomerRepository } from '../../functions/adapters/dynamodb/dynamoCustomerRepository';
import { startTestTable, type TestTable } from '../support/localDynamo';

let table: TestTable;
let now = Date.UTC(2026, 10, 25, 12);
let repository: DynamoCustomerRepository;

beforeAll(async () => {
  table = await startTestTable();
  repository = new DynamoCustomerRepository(
    table.document,
    table.tableName,
    { profileDays: 365, memoryDays: 90, outboundDays: 35 },
    () => now,
  );
});
afterAll(async () => table.close());

describe('customer memory in DynamoDB', () => {
  it('returns the last N exchanges oldest first and the profile', async () => {
    const waId = '77020000001';
    for (let turn = 0; turn < 7; turn += 1) {
      now += 1_000;
      await repository.saveTurn({
        turnId: `wamid.${turn}`,
        profile: {
          waId,
          name: 'Айжан',
          language: 'kk',
          firstSeenAt: now,
          lastInboundAt: now,
          messageCount: turn + 1,
          preferences: { colors: { grey: turn + 1 }, styles: {}, categories: { sofa: 2 }, budgetMax: 300_000 },
          recentViews: [`SOF-00${turn}`],
          lastShown: [],
          optedOut: false,
          misunderstandings: 0,
        },
        memory: [
          { role: 'customer', text: `сұрақ ${turn}`, at: now },
          { role: 'assistant', text: `жауап ${turn}`, at: now + 1 },
        ],
      });
    }
    const snapshot = await repository.load(waId, 10);
    expect(snapshot.recent.map((entry) => entry.text)).toEqual([
      'сұрақ 2',
      'жауап 2',
      'сұрақ 3',
      'жауап 3',
      'сұрақ 4',
      'жауап 4',
      'сұрақ 5',
      'жауап 5',
      'сұрақ 6',
      'жауап 6',
    ]);
    expect(snapshot.profile).toMatchObject({
      waId,
      name: 'Айжан',
      language: 'kk',
      messageCount: 7,
      preferences: { colors: { grey: 7 }, categories: { sofa: 2 }, budgetMax: 300_000 },
      recentViews: ['SOF-006'],
    });
    expect(snapshot.profile?.firstSeenAt).toBe(Date.UTC(2026, 10, 25, 12) + 1_000);
  });

  it('skips items whose TTL has passed even though DynamoDB has not deleted them yet', async () => {
    const waId = '77020000002';
    await table.document.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: `C#${waId}`, sk: 'MSG#0000000000001#old', role: 'customer', text: 'старое', at: 1, ttl: Math.floor(now / 1000) - 60 },
      }),
    );
    await table.document.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: `C#${waId}`, sk: 'PROFILE', language: 'ru', ttl: Math.floor(now / 1000) - 60 },
      }),
    );
    const snapshot = await repository.load(waId, 10);
    expect(snapshot.recent).toEqual([]);
    expect(snapshot.profile).toBeUndefined();
  });
});
