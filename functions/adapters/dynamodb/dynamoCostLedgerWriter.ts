import { createHash } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeAll } from './batchWrite';
import type { CostLedger } from '../../domain/cost/costLedger';
import type { LedgerRow } from '../../domain/cost/ledgerRow';
import { ttlAfterDays } from './tableKeys';

/**
 * The cost ledger in the single table, one item per invocation:
 *
 *   pk LEDGER#<yyyy-mm-dd>#<shard 00..15>   sk <ISO time>#<function>#<requestId>   (TTL ≈ 13 months)
 *
 * A day is spread over LEDGER_SHARDS partitions by the request id: one
 * partition takes 1,000 writes a second, and a campaign brings six
 * invocations (six rows) per customer message, so one partition a day would
 * cap the shop near 170 messages a second. Finance reads a day with one Query
 * per shard (and the unsharded partition older rows were written to), merged
 * in time order.
 */
export const LEDGER_RETENTION_DAYS = 395;
const LEDGER_PREFIX = 'LEDGER#';
export const LEDGER_SHARDS = 16;

/** A day's partition: sharded, or the single one rows were written to before sharding. */
export const ledgerPk = (day: string, shard?: number): string =>
  shard === undefined ? `${LEDGER_PREFIX}${day}` : `${LEDGER_PREFIX}${day}#${String(shard).padStart(2, '0')}`;

export function ledgerShardOf(requestId: string): number {
  return createHash('sha256').update(requestId).digest().readUInt32BE(0) % LEDGER_SHARDS;
}
const ledgerSk = (row: Pick<LedgerRow, 'at' | 'function' | 'requestId'>): string => `${row.at}#${row.function}#${row.requestId}`;

/**
 * The ledger's writing half: what the functions' cost accounting and the
 * ledger writer need. It parses nothing, so a function that only appends
 * rows (the webhook, locally) does not load the row's schema.
 */
export class DynamoCostLedgerWriter implements Pick<CostLedger, 'append'> {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
    protected readonly now: () => number = Date.now,
  ) {}

  async append(row: LedgerRow): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: this.itemOf(row) }));
  }

  /** Many rows at once (the ledger writer's batch from the API functions' logs), 25 to a BatchWriteItem. */
  async appendAll(rows: readonly LedgerRow[]): Promise<void> {
    await writeAll(
      this.client,
      this.tableName,
      rows.map((row) => this.itemOf(row)),
    );
  }

  private itemOf(row: LedgerRow): Record<string, unknown> {
    return {
      pk: ledgerPk(row.at.slice(0, 10), ledgerShardOf(row.requestId)),
      sk: ledgerSk(row),
      ttl: ttlAfterDays(this.now(), LEDGER_RETENTION_DAYS),
      ...row,
    };
  }
}
