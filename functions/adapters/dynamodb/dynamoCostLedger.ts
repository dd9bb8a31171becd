import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { CostLedger } from '../../domain/cost/costLedger';
import { daysBetween } from '../../domain/cost/days';
import { parseLedgerRow } from '../../domain/cost/ledgerRowSchema';
import type { LedgerRow } from '../../domain/cost/ledgerRow';
import { DynamoCostLedgerWriter, LEDGER_SHARDS, ledgerPk } from './dynamoCostLedgerWriter';
import { isLive } from './tableKeys';

export { LEDGER_RETENTION_DAYS, LEDGER_SHARDS, ledgerPk, ledgerShardOf } from './dynamoCostLedgerWriter';

/** The cost ledger in the single table (dynamoCostLedgerWriter.ts has its layout), written and read back by day for finance. */
export class DynamoCostLedger extends DynamoCostLedgerWriter implements CostLedger {
  async rowsBetween(from: string, to: string): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = [];
    for (const day of daysBetween(from, to)) {
      const partitions = [ledgerPk(day), ...Array.from({ length: LEDGER_SHARDS }, (_, shard) => ledgerPk(day, shard))];
      const ofDay = (await Promise.all(partitions.map((pk) => this.rowsOf(pk)))).flat();
      rows.push(...ofDay.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
    }
    return rows;
  }

  private async rowsOf(pk: string): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = [];
    const pages = paginateQuery(
      { client: this.client },
      { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        // DynamoDB deletes expired items days late; a report must not count them.
        if (!isLive(item, this.now())) continue;
        const { pk: _pk, sk: _sk, ttl: _ttl, ...row } = item;
        rows.push(parseLedgerRow(row));
      }
    }
    return rows;
  }
}
