import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { publishMetrics } from '../observability/publishMetrics';
import middy, { type MiddlewareObj } from '@middy/core';
import type { AppSecrets } from '../config/secrets';
import { customerRefKey } from '../observability/customerRefKey';
import { currentMeter } from '../observability/usageMeterContext';
import type { Context } from 'aws-lambda';
import type { AlertCheckReport, PriceAlertCheck } from '../domain/alerts/priceAlertCheck';
import type { FollowUpOutcome, NewProductsFollowUp } from '../domain/followups/newProductsFollowUp';
import { customerRef } from '../observability/customerRef';
import { scheduledJobSchema } from './scheduledJob';

export class InvalidJobError extends Error {
  override readonly name = 'InvalidJobError';
}

export interface JobsDependencies {
  loadSecrets: () => Promise<AppSecrets>;
  priceCheck: PriceAlertCheck;
  followUp: NewProductsFollowUp;
  logger: Logger;
  metrics: Metrics;
  /** Books each invocation in the cost ledger (functions/observability/costAccounting.ts). */
  costAccounting?: MiddlewareObj<unknown, JobResult>;
}

export type JobResult = { job: 'price-alerts'; report: AlertCheckReport } | { job: 'follow-up'; outcome: FollowUpOutcome };

/** The alert-checker function: runs the job its schedule names and reports what it did. */
export function createJobsHandler(deps: JobsDependencies) {
  return middy<unknown, JobResult>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .use(publishMetrics(deps.metrics))
    .use(customerRefKey(deps.loadSecrets))
    .use(deps.costAccounting ?? [])
    .handler(async (event: unknown, context: Context): Promise<JobResult> => {
      const parsed = scheduledJobSchema.safeParse(event);
      if (!parsed.success) {
        deps.metrics.addMetric('InvalidJob', MetricUnit.Count, 1);
        throw new InvalidJobError(`not a scheduled job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      const job = parsed.data;
      if (job.job === 'price-alerts') {
        const report = await deps.priceCheck.run(context.awsRequestId);
        deps.metrics.addMetric('PriceAlertsChecked', MetricUnit.Count, report.checked);
        deps.metrics.addMetric('PriceAlertsFired', MetricUnit.Count, report.fired);
        deps.metrics.addMetric('PriceAlertsFailed', MetricUnit.Count, report.failed);
        currentMeter()?.count('price_alerts_triggered', report.fired);
        deps.logger.info('price alert check finished', { ...report });
        return { job: job.job, report };
      }
      currentMeter()?.serveCustomer(job.waId);
      const outcome = await deps.followUp.run(job.waId);
      deps.metrics.addMetric(`FollowUp_${outcome}`, MetricUnit.Count, 1);
      deps.logger.info('follow-up finished', { customer: customerRef(job.waId), outcome });
      return { job: job.job, outcome };
    });
}
