import { paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CostLedger } from '../../domain/cost/costLedger';
import { daysBetween } from '../../domain/cost/days';
import { parseLedgerRow, type LedgerRow } from '../../domain/cost/ledgerRow';
import { isLive, ttlAfterDays } from './tableKeys';

/**
 * The cost ledger in the single table, one item per invocation:
 *
 *   pk LEDGER#<yyyy-mm-dd>   sk <ISO time>#<function>#<requestId>   (TTL ≈ 13 months)
 *
 * Finance reads a day with one Query of its partition, in time order. All of
 * a day's rows share one partition, a hot spot in principle: a partition takes
 * 1,000 writes a second, and the store's traffic is a few invocations a
 * second at its busiest, so the simple key wins over sharding the day.
 */
export const LEDGER_RETENTION_DAYS = 395;
const LEDGER_PREFIX = 'LEDGER#';

export const ledgerPk = (day: string): string => `${LEDGER_PREFIX}${day}`;
const ledgerSk = (row: Pick<LedgerRow, 'at' | 'function' | 'requestId'>): string => `${row.at}#${row.function}#${row.requestId}`;

export class DynamoCostLedger implements CostLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async append(row: LedgerRow): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: ledgerPk(row.at.slice(0, 10)), sk: ledgerSk(row), ttl: ttlAfterDays(this.now(), LEDGER_RETENTION_DAYS), ...row },
      }),
    );
  }

  async rowsBetween(from: string, to: string): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = [];
    for (const day of daysBetween(from, to)) rows.push(...(await this.rowsOf(day)));
    return rows;
  }

  private async rowsOf(day: string): Promise<LedgerRow[]> {
    const rows: LedgerRow[] = [];
    const pages = paginateQuery(
      { client: this.client },
      { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': ledgerPk(day) } },
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
