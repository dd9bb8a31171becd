import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { EnqueueFailedError } from '../contracts/eventQueue';
import { QueueUnavailableError, WebhookError } from './webhookErrors';

/** The one place where webhook failures become HTTP answers. */
export function webhookErrorResponses(logger: Logger, metrics: Metrics): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  return {
    name: 'webhookErrorResponses',
    onError: (request) => {
      const raw = request.error;
      const error = raw instanceof EnqueueFailedError ? new QueueUnavailableError(raw.message, { cause: raw }) : raw;
      if (error instanceof WebhookError) {
        const log = error.statusCode >= 500 ? logger.error.bind(logger) : logger.warn.bind(logger);
        log('webhook rejected', { reason: error.name, statusCode: error.statusCode, detail: error.message, cause: error.cause });
        metrics.addMetric(`WebhookRejected${error.statusCode}`, MetricUnit.Count, 1);
        request.response = jsonResponse(error.statusCode, { error: error.publicMessage });
        return;
      }
      logger.error('webhook failed', { error: raw });
      metrics.addMetric('WebhookRejected500', MetricUnit.Count, 1);
      request.response = jsonResponse(500, { error: 'Internal error' });
    },
  };
}

export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
