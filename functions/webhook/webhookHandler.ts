import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { publishMetrics } from '../observability/publishMetrics';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { AppSecrets } from '../config/secrets';
import type { EventQueue } from '../contracts/eventQueue';
import { webhookErrorResponses, jsonResponse } from './errorResponses';
import { parseWebhook, type IgnoredReason, type ParsedWebhook } from './queuedEvents';
import { isValidSignature } from './signature';
import {
  InvalidSignatureError,
  MalformedPayloadError,
  MethodNotAllowedError,
  MissingSignatureError,
  PayloadTooLargeError,
  VerificationFailedError,
} from './webhookErrors';

export interface WebhookDependencies {
  queue: EventQueue;
  /** Our business number: messages for any other are acknowledged and left alone. */
  phoneNumberId: string;
  loadSecrets: () => Promise<AppSecrets>;
  maxBodyBytes: number;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
  /** Books each invocation in the cost ledger (functions/observability/costAccounting.ts). */
  costAccounting?: MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name] ?? event.headers?.[name.toLowerCase()];
}

/** The bytes exactly as Meta sent them: API Gateway base64-encodes bodies it does not treat as text. */
function rawBodyOf(event: APIGatewayProxyEventV2): Buffer {
  if (event.body === undefined) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** Compared in constant time, over digests so that not even the length shows: the token is guessed one request at a time otherwise. */
function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (given === undefined || expected === undefined || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function verifySubscription(event: APIGatewayProxyEventV2, secrets: AppSecrets): APIGatewayProxyResultV2 {
  const query = event.queryStringParameters ?? {};
  const challenge = query['hub.challenge'];
  if (query['hub.mode'] !== 'subscribe' || !sameSecret(query['hub.verify_token'], secrets.whatsappVerifyToken) || !challenge) {
    throw new VerificationFailedError();
  }
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: challenge };
}

/** Each reason is its own metric: a number for another business, or parts that keep arriving broken, must show. */
const LEFT_OUT_METRICS = {
  foreign_object: 'WebhookForeignIgnored',
  foreign_number: 'WebhookForeignIgnored',
  unattributed: 'WebhookUnattributedIgnored',
  other_field: 'WebhookOtherFieldsIgnored',
  untracked_status: 'WebhookStatusesIgnored',
  unanswerable_message: 'WebhookMessagesDropped',
  malformed_part: 'WebhookMalformedParts',
} as const satisfies Record<IgnoredReason, string>;

/** Nothing of a genuine body is dropped silently: what was left out, and the odd messages queued anyway, are logged and counted. */
function reportLeftOut(deps: WebhookDependencies, ignored: ParsedWebhook['ignored'], odd: ParsedWebhook['odd']): void {
  for (const [reason, count] of Object.entries(ignored) as Array<[IgnoredReason, number]>) {
    deps.metrics.addMetric(LEFT_OUT_METRICS[reason], MetricUnit.Count, count);
    const log = reason === 'other_field' || reason === 'untracked_status' ? deps.logger.debug : deps.logger.warn;
    log.call(deps.logger, 'webhook parts left out', { reason, count });
  }
  if (odd.length > 0) {
    deps.metrics.addMetric('WebhookOddMessages', MetricUnit.Count, odd.length);
    deps.logger.warn('odd messages accepted', { odd });
  }
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new MalformedPayloadError('body is not JSON');
  }
}

/**
 * GET: Meta's subscription handshake. POST: size check, signature over the raw
 * bytes, zod parse, one FIFO message per WhatsApp message or status, then 200.
 * A body that is not a webhook envelope is refused; within a genuine one,
 * what is for another number or cannot be read is left out and reported,
 * and the rest goes on. If the queue fails the answer is 503 so that Meta
 * delivers the body again.
 */
export function createWebhookHandler(deps: WebhookDependencies) {
  const now = deps.now ?? Date.now;

  async function receive(event: APIGatewayProxyEventV2, secrets: AppSecrets): Promise<APIGatewayProxyResultV2> {
    const rawBody = rawBodyOf(event);
    if (rawBody.length > deps.maxBodyBytes) throw new PayloadTooLargeError(deps.maxBodyBytes);
    const signature = header(event, 'x-hub-signature-256');
    if (signature === undefined || signature === '') throw new MissingSignatureError();
    if (!isValidSignature(rawBody, signature, secrets.whatsappAppSecret)) throw new InvalidSignatureError();

    const { events, ignored, odd } = parseWebhook(parseJson(rawBody), now(), deps.phoneNumberId);
    if (events.length > 0) await deps.queue.enqueue(events);

    const messages = events.filter((queued) => queued.kind === 'message').length;
    deps.metrics.addMetric('WebhookMessagesQueued', MetricUnit.Count, messages);
    deps.metrics.addMetric('WebhookStatusesQueued', MetricUnit.Count, events.length - messages);
    reportLeftOut(deps, ignored, odd);
    deps.logger.debug('webhook accepted', { messages, statuses: events.length - messages, ignored });
    return jsonResponse(200, { received: events.length });
  }

  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .use(publishMetrics(deps.metrics))
    .use(webhookErrorResponses(deps.logger, deps.metrics))
    .use(deps.costAccounting ?? [])
    .handler(async (event) => {
      const secrets = await deps.loadSecrets();
      switch (event.requestContext.http.method) {
        case 'GET':
          return verifySubscription(event, secrets);
        case 'POST':
          return receive(event, secrets);
        default:
          throw new MethodNotAllowedError();
      }
    });
}
