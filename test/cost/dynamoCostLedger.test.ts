import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoCostLedger, LEDGER_SHARDS, ledgerPk, ledgerShardOf } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import { noCosts } from '../../functions/domain/cost/costComponents';
import type { LedgerRow } from '../../functions/domain/cost/ledgerRow';
import { startTestTable, type TestTable } from '../support/localDynamo';

let table: TestTable;
const NOW = Date.UTC(2026, 10, 25, 12);

beforeAll(async () => {
  table = await startTestTable();
});
afterAll(async () => table.close());

const row = (at: string, requestId: string): LedgerRow => ({
  at,
  function: 'consumer',
  requestId,
  feature: 'text',
  customerRef: 'c0ffee',
  region: 'us-east-1',
  pricingVersion: 'test',
  costs: { ...noCosts(), lambda: 0.000024773 },
  totalUsd: 0.000024773,
  quantities: { lambdaBilledMs: 1843 },
  analytics: { messages_in: 1 },
});

describe('the cost ledger in DynamoDB', () => {
  it('keeps one item per invocation under its UTC day and request shard, read back in time order, for about 13 months', async () => {
    const ledger = new DynamoCostLedger(table.document, table.tableName, () => NOW);
    await ledger.append(row('2026-11-24T23:59:59.000Z', 'req-1'));
    await ledger.append(row('2026-11-25T00:00:01.000Z', 'req-3'));
    await ledger.append(row('2026-11-25T00:00:00.500Z', 'req-2'));

    const items = await table.partition(ledgerPk('2026-11-25', ledgerShardOf('req-2')));
    expect(items.map((item) => item.sk)).toContain('2026-11-25T00:00:00.500Z#consumer#req-2');
    const ttlDays = ((items[0]!.ttl as number) * 1000 - NOW) / 86_400_000;
    expect(ttlDays).toBe(395);

    expect((await ledger.rowsBetween('2026-11-24', '2026-11-25')).map((entry) => entry.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
    expect(await ledger.rowsBetween('2026-11-25', '2026-11-25')).toEqual([
      row('2026-11-25T00:00:00.500Z', 'req-2'),
      row('2026-11-25T00:00:01.000Z', 'req-3'),
    ]);
  });

  it("spreads a busy day's rows over its shards, and still reads rows written to the day's single partition before sharding", async () => {
    const ledger = new DynamoCostLedger(table.document, table.tableName, () => NOW);
    const rows = Array.from({ length: 200 }, (_, index) =>
      row(`2026-11-26T10:00:${String(index % 60).padStart(2, '0')}.000Z`, `req-${index}`),
    );
    await ledger.appendAll(rows);
    const perShard = await Promise.all(Array.from({ length: LEDGER_SHARDS }, (_, shard) => table.partition(ledgerPk('2026-11-26', shard))));
    expect(perShard.every((items) => items.length > 0)).toBe(true);
    expect(Math.max(...perShard.map((items) => items.length))).toBeLessThan(40);

    const legacy = row('2026-11-26T09:00:00.000Z', 'req-legacy');
    await table.document.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: ledgerPk('2026-11-26'), sk: `${legacy.at}#consumer#req-legacy`, ...legacy },
      }),
    );
    const read = await ledger.rowsBetween('2026-11-26', '2026-11-26');
    expect(read).toHaveLength(201);
    expect(read[0]?.requestId).toBe('req-legacy');
    expect(read.map((entry) => entry.at)).toEqual([...read.map((entry) => entry.at)].sort());
  });

  it('skips rows whose retention has passed, as every read of the table does', async () => {
    const ledger = new DynamoCostLedger(table.document, table.tableName, () => NOW);
    await ledger.append(row('2026-11-23T10:00:00.000Z', 'req-old'));
    const later = new DynamoCostLedger(table.document, table.tableName, () => NOW + 400 * 86_400_000);
    expect(await later.rowsBetween('2026-11-23', '2026-11-23')).toEqual([]);
  });
});
