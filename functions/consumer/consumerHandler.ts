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
import { NotEnoughTimeError, type BatchRelease } from './batchRelease';
import { processFifoBatch } from './fifoBatch';
import type { TurnProcessor } from './turnProcessor';

export interface ConsumerDependencies {
  /** The queue's redrive limit: the delivery after which a failing record goes to the dead-letter queue. */
  maxReceiveCount: number;
  loadSecrets: () => Promise<AppSecrets>;
  turns: TurnProcessor;
  statuses: DeliveryStatusRecorder;
  identities: Pick<CustomerIdentities, 'keyOf'>;
  reengagement: WindowReengagement;
  /** Gives back the records of turns there is no time left to start. */
  release: BatchRelease;
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
 * The longest a turn takes: the model's 25 s deadline, then the sends and the
 * bookkeeping. A turn is started only with this much of the invocation left
 * (or half of what the invocation had, for functions configured shorter), so
 * none is cut off by the function's timeout.
 */
const TURN_TIME_BUDGET_MS = 35_000;

/**
 * SQS FIFO consumer: each customer's records in order, customers side by side
 * (processFifoBatch); a failure fails the rest of that customer's group, so
 * their messages are never answered out of order, while other customers in
 * the same batch go on; partial batch failures go back to SQS.
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
      const turnTimeBudgetMs = Math.min(TURN_TIME_BUDGET_MS, context.getRemainingTimeInMillis() / 2);
      const groupsOutOfTime = new Set<string>();

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
          case 'turn': {
            const remainingMs = context.getRemainingTimeInMillis();
            if (remainingMs < turnTimeBudgetMs) throw new NotEnoughTimeError(`${remainingMs} ms left`);
            meterTurn(planned.turn);
            // The lease is this turn's: it must end before the invocation can be killed.
            return deps.turns.process(planned.turn, Math.max(remainingMs - LEASE_SAFETY_MS, 1_000));
          }
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
          if (error instanceof NotEnoughTimeError) {
            groupsOutOfTime.add(groupOf(record));
            throw error;
          }
          deps.logger.warn('record failed; SQS will redeliver it', {
            messageId: record.messageId,
            receiveCount: record.attributes.ApproximateReceiveCount,
            error,
          });
          throw error;
        }
      };

      const response = await processFifoBatch(event.Records, handleAndLog);
      if (response.batchItemFailures.length > 0) {
        deps.metrics.addMetric('RecordsRetried', MetricUnit.Count, response.batchItemFailures.length);
      }
      const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
      const outOfTime = event.Records.filter((record) => failed.has(record.messageId) && groupsOutOfTime.has(groupOf(record)));
      if (outOfTime.length > 0) await releaseRecords(deps, outOfTime);
      return response;
    });
}

function groupOf(record: SQSRecord): string {
  return record.attributes.MessageGroupId ?? record.messageId;
}

/** Records not started for lack of time go back to the queue now; if that fails they come back after the visibility timeout. */
async function releaseRecords(deps: ConsumerDependencies, records: readonly SQSRecord[]): Promise<void> {
  deps.metrics.addMetric('RecordsReleasedForTime', MetricUnit.Count, records.length);
  deps.logger.warn('too little time left to start these turns; released', { messageIds: records.map((record) => record.messageId) });
  try {
    await deps.release.release(records);
  } catch (error) {
    deps.metrics.addMetric('RecordReleaseFailed', MetricUnit.Count, 1);
    deps.logger.error('releasing records failed; they return after the visibility timeout', { error });
  }
}
