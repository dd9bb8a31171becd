import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { UsageEvent } from '../domain/cost/usageEvent';

/** HTTP APIs meter requests in 512 KB increments. */
const HTTP_API_METERED_BYTES = 512 * 1024;

/** The HTTP API request that invoked the function (webhook, catalog pictures). */
export function httpApiRequestUsage(event: APIGatewayProxyEventV2): UsageEvent[] {
  const bytes = event.body === undefined ? 0 : Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  return [{ kind: 'apiGateway', requests: Math.max(1, Math.ceil(bytes / HTTP_API_METERED_BYTES)) }];
}

/**
 * The queue requests behind one consumer batch, which Lambda's event source
 * mapping makes on the account's bill, not this code: an estimate of one
 * ReceiveMessage that returned the batch and one DeleteMessageBatch for the
 * records that succeeded. The pollers' empty receives while the queue is idle
 * do not belong to any batch: they are a fixed monthly item of the pricing file.
 */
export function sqsBatchPollingUsage(): UsageEvent[] {
  return [{ kind: 'sqs', requests: 2 }];
}

/** EventBridge Scheduler bills each invocation it makes of the jobs function. */
export function scheduledInvocationUsage(): UsageEvent[] {
  return [{ kind: 'scheduler', invocations: 1, apiCalls: 0 }];
}
