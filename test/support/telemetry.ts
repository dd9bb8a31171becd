import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** Real Powertools objects that stay quiet in tests; metrics are kept in memory to be read back. */
export function quietTelemetry() {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const logger = new Logger({ serviceName: 'test', logLevel: (process.env.TEST_LOG_LEVEL as 'SILENT' | undefined) ?? 'SILENT' });
  return { logger, metrics: new Metrics({ namespace: 'Test', serviceName: 'test', logger }) };
}
