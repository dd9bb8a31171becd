import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { storedProductListFromEnvironment } from '../adapters/catalog/storedProductList';
import { buildCoreServices } from '../composition/coreServices';
import type { Environment } from '../config/environment';
import { PriceAlertCheck } from '../domain/alerts/priceAlertCheck';
import { CustomerPriceDropNotifier } from '../domain/alerts/priceDropNotifier';
import type { ProductSource } from '../domain/conversation/ports';
import { NewProductsFollowUp } from '../domain/followups/newProductsFollowUp';
import { customerRef } from '../observability/customerRef';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { costAccountingFor } from '../composition/costAccountingFor';
import { dynamoLedgerPseudonyms } from '../adapters/dynamodb/dynamoLedgerPseudonyms';
import { scheduledInvocationUsage } from '../observability/invocationUsage';
import { scheduledJobSchema } from './scheduledJob';
import { createJobsHandler } from './jobsHandler';

export interface AlertCheckerOverrides {
  /** The catalog's products (the local runtime's embedded catalog); in AWS they are read from its store. */
  catalog?: ProductSource;
}

/** The jobs function's composition root: the daily price check and the customers' follow-ups. */
export function buildAlertChecker(
  env: Environment,
  telemetry: Telemetry = createTelemetry('alert-checker'),
  overrides: AlertCheckerOverrides = {},
) {
  const { logger, metrics } = telemetry;
  const core = buildCoreServices(env);
  const catalog = overrides.catalog ?? storedProductListFromEnvironment(env, logger);
  const onBookkeepingError = (error: unknown) => {
    metrics.addMetric('AfterSendingFailed', MetricUnit.Count, 1);
    logger.error('recording a sent notification failed', { error });
  };
  const shared = {
    customers: core.customers,
    delivery: core.delivery,
    templates: core.templates,
    imageUrlOf: core.imageUrlOf,
    now: Date.now,
  };
  const handler = createJobsHandler({
    loadSecrets: core.loadSecrets,
    priceCheck: new PriceAlertCheck({
      alerts: core.alerts,
      catalog,
      notifier: new CustomerPriceDropNotifier({ ...shared, onBookkeepingError }),
      onFailure: (where, error) => {
        metrics.addMetric('PriceAlertFailure', MetricUnit.Count, 1);
        logger.error('price alert check failed', {
          productId: where.productId,
          ...(where.waId === undefined ? {} : { customer: customerRef(where.waId) }),
          error,
        });
      },
    }),
    followUp: new NewProductsFollowUp({ ...shared, catalog, onBookkeepingError }),
    logger,
    metrics,
    costAccounting: costAccountingFor(env, telemetry, core.dynamo, {
      functionName: 'alert-checker',
      memoryMb: 512,
      feature: (event) => (scheduledJobSchema.safeParse(event).data?.job === 'follow-up' ? 'followups' : 'alerts'),
      invocationUsage: scheduledInvocationUsage,
      pseudonyms: dynamoLedgerPseudonyms(core.dynamo.document, env.TABLE_NAME),
    }),
  });
  return { handler };
}
