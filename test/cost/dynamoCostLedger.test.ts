import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCostLedger, ledgerPk } from '../../functions/adapters/dynamodb/dynamoCostLedger';
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
  it('keeps one item per invocation under its UTC day, in time order, for about 13 months', async () => {
    const ledger = new DynamoCostLedger(table.document, table.tableName, () => NOW);
    await ledger.append(row('2026-11-24T23:59:59.000Z', 'req-1'));
    await ledger.append(row('2026-11-25T00:00:01.000Z', 'req-3'));
    await ledger.append(row('2026-11-25T00:00:00.500Z', 'req-2'));

    const items = await table.partition(ledgerPk('2026-11-25'));
    expect(items.map((item) => item.sk)).toEqual(['2026-11-25T00:00:00.500Z#consumer#req-2', '2026-11-25T00:00:01.000Z#consumer#req-3']);
    const ttlDays = ((items[0]!.ttl as number) * 1000 - NOW) / 86_400_000;
    expect(ttlDays).toBe(395);

    expect((await ledger.rowsBetween('2026-11-24', '2026-11-25')).map((entry) => entry.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
    expect(await ledger.rowsBetween('2026-11-25', '2026-11-25')).toEqual([
      row('2026-11-25T00:00:00.500Z', 'req-2'),
      row('2026-11-25T00:00:01.000Z', 'req-3'),
    ]);
  });

  it('skips rows whose retention has passed, as every read of the table does', async () => {
    const ledger = new DynamoCostLedger(table.document, table.tableName, () => NOW);
    await ledger.append(row('2026-11-23T10:00:00.000Z', 'req-old'));
    const later = new DynamoCostLedger(table.document, table.tableName, () => NOW + 400 * 86_400_000);
    expect(await later.rowsBetween('2026-11-23', '2026-11-23')).toEqual([]);
  });
});
