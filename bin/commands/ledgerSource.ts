import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCostLedger } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import { parseLedgerRow } from '../../functions/domain/cost/ledgerRowSchema';
import type { LedgerRow } from '../../functions/domain/cost/ledgerRow';

/** Where a report reads the ledger: a running `zeta start`, or the deployed table. */
export type LedgerSource = { kind: 'local'; url: string } | { kind: 'table'; tableName: string; region?: string };

export class LedgerUnavailableError extends Error {
  override readonly name = 'LedgerUnavailableError';
}

export function describeSource(source: LedgerSource): string {
  return source.kind === 'local' ? `local ${source.url}` : `table ${source.tableName}${source.region ? ` (${source.region})` : ''}`;
}

/**
 * The rows of the UTC days from `from` to `to`. The table is read with one
 * Query per day partition, with the AWS SDK's default credentials (the
 * environment, a profile, SSO); the local runtime serves the same rows at
 * /sim/api/cost/ledger.
 */
export async function readLedger(source: LedgerSource, from: string, to: string): Promise<LedgerRow[]> {
  if (source.kind === 'table') {
    const client = new DynamoDBClient(source.region === undefined ? {} : { region: source.region });
    try {
      return await new DynamoCostLedger(DynamoDBDocumentClient.from(client), source.tableName).rowsBetween(from, to);
    } finally {
      client.destroy();
    }
  }
  const url = `${source.url.replace(/\/+$/, '')}/sim/api/cost/ledger?from=${from}&to=${to}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new LedgerUnavailableError(`no zeta start answers at ${source.url} (${String(error)})`);
  }
  if (!response.ok) throw new LedgerUnavailableError(`${url} answered HTTP ${response.status}: ${await response.text()}`);
  const rows = (await response.json()) as unknown[];
  return rows.map(parseLedgerRow);
}
