import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { publishMetrics } from '../observability/publishMetrics';
import middy, { type MiddlewareObj } from '@middy/core';
import type { AppSecrets } from '../config/secrets';
import { customerRefKey } from '../observability/customerRefKey';
import { meterStatus, meterTurn } from '../observability/metering/consumerMetering';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DeliveryStatusRecorder } from '../domain/conversation/deliveryStatuses';
import type { TemplateCategories } from '../domain/messaging/templateCategories';
import type { TemplateUpdate } from '../domain/messaging/templateUpdate';
import type { CustomerIdentities } from '../domain/identity/customerIdentities';
import type { WindowReengagement } from '../domain/messaging/windowReengagement';
import { planBatch, UnreadableRecordError } from './batchPlan';
import type { TurnProcessor } from './turnProcessor';

export interface ConsumerDependencies {
  /** The queue's redrive limit: the delivery after which a failing record goes to the dead-letter queue. */
  maxReceiveCount: number;
  loadSecrets: () => Promise<AppSecrets>;
  turns: TurnProcessor;
  statuses: DeliveryStatusRecorder;
  identities: Pick<CustomerIdentities, 'keyOf'>;
  reengagement: WindowReengagement;
  /** Keeps each template's category as Meta reports it: marketing sends are routed and billed by it. */
  templateCategories: Pick<TemplateCategories, 'apply'>;
  logger: Logger;
  metrics: Metrics;
  /** Books each invocation in the cost ledger (functions/observability/costAccounting.ts). */
  costAccounting?: MiddlewareObj<SQSEvent, SQSBatchResponse>;
}

/** A template's category recorded, an announced change or a rejection logged for the people who own the templates. */
async function applyTemplateUpdate(deps: ConsumerDependencies, update: TemplateUpdate): Promise<void> {
  const outcome = await deps.templateCategories.apply(update);
  const template = { name: update.name, language: update.language, templateId: update.templateId };
  switch (outcome) {
    case 'recorded':
      deps.metrics.addMetric('TemplateCategoryRecorded', MetricUnit.Count, 1);
      deps.logger.info('template category recorded', { ...template, category: update.category });
      return;
    case 'announced':
      // Meta asks not to route on an announced category: the change itself comes as its own webhook.
      deps.metrics.addMetric('TemplateCategoryChangeAnnounced', MetricUnit.Count, 1);
      deps.logger.warn('template category change announced', { ...template, update });
      return;
    case 'status':
      if (update.kind === 'status' && update.status !== 'APPROVED') {
        deps.metrics.addMetric('TemplateNotApproved', MetricUnit.Count, 1);
        deps.logger.warn('template not approved', { ...template, status: update.status, reason: update.reason });
      }
      return;
    case 'stale':
      return;
  }
}

/** Leave room to give claims back before Lambda kills the invocation. */
const LEASE_SAFETY_MS = 2_000;

/**
 * SQS FIFO consumer: Powertools' FIFO batch processor reports partial batch
 * failures and, with skipGroupOnError, fails the rest of a customer's group
 * after a failure so that their messages are never answered out of order,
 * while other customers in the same batch go on.
 */
export function createConsumerHandler(deps: ConsumerDependencies) {
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .use(publishMetrics(deps.metrics))
    .use(customerRefKey(deps.loadSecrets))
    .use(deps.costAccounting ?? [])
    .handler(async (event: SQSEvent, context: Context) => {
      const plan = planBatch(event.Records, deps.maxReceiveCount);
      deps.metrics.addMetric('RecordsReceived', MetricUnit.Count, event.Records.length);
      const leaseMs = Math.max(context.getRemainingTimeInMillis() - LEASE_SAFETY_MS, 1_000);

      const handleRecord = async (record: SQSRecord): Promise<void> => {
        const planned = plan.get(record.messageId);
        switch (planned?.kind) {
          case 'status': {
            // What we sent is kept under the customer's key, whichever of their identifiers the status names.
            const { recipientId, recipientUserId } = planned.status;
            const status = { ...planned.status, recipientId: await deps.identities.keyOf(recipientId, recipientUserId) };
            meterStatus(status);
            if ((await deps.statuses.record(status)) === 'stale') {
              deps.metrics.addMetric('StaleStatusIgnored', MetricUnit.Count, 1);
            }
            if (deps.reengagement.appliesTo(status) && (await deps.reengagement.resend(status)) !== undefined) {
              deps.metrics.addMetric('ResentAsTemplate', MetricUnit.Count, 1);
            }
            return;
          }
          case 'template':
            return applyTemplateUpdate(deps, planned.update);
          case 'turn':
            meterTurn(planned.turn);
            return deps.turns.process(planned.turn, leaseMs);
          case 'partOfTurn':
            return;
          default:
            deps.metrics.addMetric('UnreadableRecord', MetricUnit.Count, 1);
            deps.logger.error('unreadable queue record', { messageId: record.messageId, reason: planned?.reason });
            throw new UnreadableRecordError(planned?.reason ?? 'not planned');
        }
      };

      const handleAndLog = async (record: SQSRecord): Promise<void> => {
        try {
          await handleRecord(record);
        } catch (error) {
          deps.logger.warn('record failed; SQS will redeliver it', {
            messageId: record.messageId,
            receiveCount: record.attributes.ApproximateReceiveCount,
            error,
          });
          throw error;
        }
      };

      // One processor per invocation: it holds the batch's state, and `npm start` runs invocations concurrently in one process.
      const response = await processPartialResponse(event, handleAndLog, new SqsFifoPartialProcessorAsync(), {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      });
      if (response.batchItemFailures.length > 0) {
        deps.metrics.addMetric('RecordsRetried', MetricUnit.Count, response.batchItemFailures.length);
      }
      return response;
    });
}
