import { performance } from 'node:perf_hooks';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import { priceUsage } from '../domain/cost/costCalculator';
import type { CostLedger } from '../domain/cost/costLedger';
import type { Feature } from '../domain/cost/features';
import { ledgerRowOf, type LedgerRow } from '../domain/cost/ledgerRow';
import type { Pricing } from '../domain/cost/pricingSchema';
import type { LambdaArchitecture, UsageEvent } from '../domain/cost/usageEvent';
import { COST_ACCOUNTING_FAILED_METRIC, publishInvocationMetrics } from './costMetrics';
import { UsageMeter } from './usageMeter';
import { enterMeter } from './usageMeterContext';

/** Invocations refused before any work: priced in CostUsd, but no ledger row. */
export const REJECTED_UNBOOKED_METRIC = 'RejectedRequestsNotBooked';

/** DynamoDB bills a standard write per started kilobyte of the item. */
const WRITE_UNIT_BYTES = 1024;

export interface CostAccountingOptions<TEvent, TResult = unknown> {
  /** The function's short name, as the `service` of its metrics: webhook, consumer, alert-checker, catalog-images. */
  functionName: string;
  /** What the function is configured with; the invocation's own context wins when it says (it is what Lambda bills). */
  memoryMb: number;
  architecture: LambdaArchitecture;
  /** The region the function runs in, for its prices. */
  region: string;
  pricing: Pricing;
  ledger: Pick<CostLedger, 'append'>;
  /**
   * Whether the row's own write is this invocation's (the table ledger); a
   * row that goes through the log is written, and booked, by the ledger writer.
   */
  booksRowWrite: boolean;
  metrics: Metrics;
  logger: Logger;
  /** The invocation's feature unless the handler names a weightier one (UsageMeter.useFeature). */
  feature: Feature | ((event: TEvent) => Feature);
  /** Usage the invocation causes outside the code: its API Gateway request, the queue polling that fed it, the schedule that fired it. */
  invocationUsage?: (event: TEvent) => UsageEvent[];
  /**
   * Requests refused before any work (a bad signature, a wrong method, a body
   * too large, an unknown picture): their cost is still published (CostUsd),
   * but they write no ledger row, so that junk from the internet cannot fill
   * the table with rows kept 13 months.
   */
  rejected?: (outcome: { error: unknown; response: TResult | undefined }) => boolean;
  /** The ledger's pseudonyms of the customers served (salted per customer); customerRef when absent. */
  pseudonyms?: LedgerPseudonyms;
  now?: () => number;
}

/** Resolves the ledger's pseudonym of each customer (see ledgerCustomerRef); a customer it leaves out gets customerRef. */
export type LedgerPseudonyms = (customerIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

interface Invocation {
  meter: UsageMeter;
  startedAt: number;
}

/**
 * Meters every invocation of a handler: a UsageMeter is current from just
 * before the handler until it returns or throws; then the Lambda duration
 * (billed to the millisecond, rounded up) is added, the usage priced, one
 * ledger row written and CostUsd published. Accounting never fails the
 * invocation: a failure is logged and counted (CostAccountingFailed).
 *
 * Use it last, after the logger and metrics middlewares: its after and
 * onError hooks then run first, before the metrics are flushed and before an
 * error handler can end the chain. The time it measures is the handler's;
 * the other middlewares take microseconds.
 */
export function costAccounting<TEvent, TResult>(options: CostAccountingOptions<TEvent, TResult>): MiddlewareObj<TEvent, TResult> {
  const now = options.now ?? Date.now;
  // Keyed by request: the local runtime runs several invocations of one handler at once.
  const running = new WeakMap<object, Invocation>();
  const defaultFeature = (event: TEvent) => (typeof options.feature === 'function' ? options.feature(event) : options.feature);
  const failed = (error: unknown) => {
    options.metrics.addMetric(COST_ACCOUNTING_FAILED_METRIC, MetricUnit.Count, 1);
    options.logger.error('cost accounting failed; the invocation itself went on', { error });
  };

  const settle = async (request: Request<TEvent, TResult, Error, Context>): Promise<void> => {
    const invocation = running.get(request);
    if (invocation === undefined) return;
    running.delete(request);
    try {
      // Resolved while the meter is open: its reads are part of what the invocation cost.
      const ids = invocation.meter.customerIds;
      const pseudonyms = ids.length > 0 && options.pseudonyms ? await options.pseudonyms(ids) : new Map<string, string>();
      const row = rowOf(request, invocation, options, performance.now(), pseudonyms);
      publishInvocationMetrics(options.metrics, row);
      if (options.rejected?.({ error: request.error, response: request.response ?? undefined }) === true) {
        options.metrics.addMetric(REJECTED_UNBOOKED_METRIC, MetricUnit.Count, 1);
        return;
      }
      await options.ledger.append(row);
    } catch (error) {
      failed(error);
    }
  };

  return {
    before: (request) => {
      try {
        const meter = new UsageMeter(now(), defaultFeature(request.event));
        running.set(request, { meter, startedAt: performance.now() });
        enterMeter(meter);
        for (const event of options.invocationUsage?.(request.event) ?? []) meter.record(event);
      } catch (error) {
        failed(error);
      }
    },
    after: (request) => settle(request),
    onError: (request) => settle(request),
  };
}

function rowOf<TEvent>(
  request: Request<TEvent, unknown, Error, Context>,
  { meter, startedAt }: Invocation,
  options: Omit<CostAccountingOptions<TEvent>, 'rejected'>,
  endedAt: number,
  pseudonyms: ReadonlyMap<string, string>,
): LedgerRow {
  const configured = Number(request.context.memoryLimitInMB);
  meter.record({
    kind: 'lambda',
    memoryMb: Number.isFinite(configured) && configured > 0 ? configured : options.memoryMb,
    billedMs: Math.max(1, Math.ceil(endedAt - startedAt)),
    architecture: options.architecture,
  });
  meter.close();
  const record = (usage: readonly UsageEvent[]) =>
    ledgerRowOf({
      startedAt: meter.startedAt,
      functionName: options.functionName,
      requestId: request.context.awsRequestId,
      feature: meter.feature,
      customerRefs: meter.customerRefs(pseudonyms),
      inbound: meter.inbound(pseudonyms),
      analytics: meter.analytics,
      priced: priceUsage(usage, options.pricing, options.region),
      pricingVersion: options.pricing.version,
    });
  // The row's own write is part of what the invocation cost; its size is known once the row is.
  const draft = record(meter.usage);
  if (!options.booksRowWrite) return draft;
  const writeUnits = Math.ceil(Buffer.byteLength(JSON.stringify(draft)) / WRITE_UNIT_BYTES);
  return record([...meter.usage, { kind: 'dynamodb', readUnits: 0, writeUnits }]);
}
