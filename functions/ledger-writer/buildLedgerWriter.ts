import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { CloudWatchLogsEvent } from 'aws-lambda';
import { createDynamoClients } from '../adapters/dynamodb/dynamoClients';
import { DynamoCostLedgerWriter } from '../adapters/dynamodb/dynamoCostLedgerWriter';
import { costAccountingFor } from '../composition/costAccountingFor';
import type { Environment } from '../config/environment';
import { publishMetrics } from '../observability/publishMetrics';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { ledgerRowsFromLogs } from './ledgerRowsFromLogs';

/**
 * The ledger writer's composition root: the cost rows the API functions put
 * in their logs, written to the ledger in batches. A failed write throws:
 * CloudWatch Logs' asynchronous invocation retries it, then the function's
 * dead-letter queue keeps the batch (alarm "LedgerRowsNotWritten").
 */
export function buildLedgerWriter(env: Environment, telemetry: Telemetry = createTelemetry('ledger-writer')) {
  const { logger, metrics } = telemetry;
  const dynamo = createDynamoClients(env);
  const ledger = new DynamoCostLedgerWriter(dynamo.document, env.TABLE_NAME);
  const handler = middy<CloudWatchLogsEvent, void>()
    .use(publishMetrics(metrics))
    .use(
      costAccountingFor<CloudWatchLogsEvent, void>({ ...env, COST_LEDGER: 'table' }, telemetry, dynamo, {
        functionName: 'ledger-writer',
        memoryMb: 256,
        feature: 'ledger',
      }),
    )
    .handler(async (event) => {
      const { rows, unreadable, logGroup } = ledgerRowsFromLogs(event);
      if (unreadable > 0) {
        metrics.addMetric('LedgerLinesUnreadable', MetricUnit.Count, unreadable);
        logger.error('log lines without a readable ledger row', { logGroup, unreadable });
      }
      await ledger.appendAll(rows);
      metrics.addMetric('LedgerRowsWritten', MetricUnit.Count, rows.length);
    });
  return { handler };
}
