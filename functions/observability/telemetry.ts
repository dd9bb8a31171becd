import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'ZetaAssistant';

export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

/**
 * One logger and one metrics object per function, created at cold start.
 * Powertools writes JSON logs and CloudWatch embedded-metric-format lines, so
 * logs and metrics cost nothing beyond the log ingestion.
 */
export function createTelemetry(serviceName: string): Telemetry {
  const logger = new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
  return {
    logger,
    metrics: new Metrics({
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
      serviceName,
      defaultDimensions: { stage: process.env.STAGE ?? 'local' },
      logger,
    }),
  };
}
