import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';

/**
 * Publishes what an invocation stored, when it ends or fails, as Powertools'
 * logMetrics does, but only when something is stored. `npm start` runs a
 * function's invocations side by side in one process, sharing its Metrics:
 * the first to end publishes the others' metrics too, and logMetrics would
 * then warn "No application metrics to publish" once for each of the rest.
 */
export function publishMetrics<TEvent, TResult>(metrics: Metrics): MiddlewareObj<TEvent, TResult> {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { name: 'publishMetrics', after: publish, onError: publish };
}
