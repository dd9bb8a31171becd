import { gunzipSync } from 'node:zlib';
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import { parseLedgerRow } from '../domain/cost/ledgerRowSchema';
import type { LedgerRow } from '../domain/cost/ledgerRow';
import { LEDGER_ROW_FIELD } from '../observability/loggedCostLedger';

export interface LedgerRowsFromLogs {
  rows: LedgerRow[];
  /** Log lines the subscription matched that hold no readable row (never expected: counted and logged). */
  unreadable: number;
  logGroup: string;
}

/** What CloudWatch Logs delivers to a subscribed function: gzip'd JSON, base64-encoded, one batch of log events. */
export function ledgerRowsFromLogs(event: CloudWatchLogsEvent): LedgerRowsFromLogs {
  const data = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8')) as CloudWatchLogsDecodedData;
  const rows: LedgerRow[] = [];
  let unreadable = 0;
  // CONTROL_MESSAGE is CloudWatch checking that the destination is reachable: it has no log events to read.
  for (const logEvent of data.messageType === 'DATA_MESSAGE' ? data.logEvents : []) {
    try {
      rows.push(parseLedgerRow((JSON.parse(logEvent.message) as Record<string, unknown>)[LEDGER_ROW_FIELD]));
    } catch {
      unreadable += 1;
    }
  }
  return { rows, unreadable, logGroup: data.logGroup };
}
