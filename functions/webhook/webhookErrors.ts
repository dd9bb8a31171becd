/**
 * Expected failures of the webhook, each with the HTTP status Meta gets.
 * 4xx tells Meta not to retry a body that can never succeed; 5xx asks it to
 * deliver again later, which is what we want when our own queue is down.
 */
export abstract class WebhookError extends Error {
  abstract readonly statusCode: number;
  abstract readonly publicMessage: string;
}

export class MissingSignatureError extends WebhookError {
  override readonly name = 'MissingSignatureError';
  readonly statusCode = 401;
  readonly publicMessage = 'Missing X-Hub-Signature-256';
}

export class InvalidSignatureError extends WebhookError {
  override readonly name = 'InvalidSignatureError';
  readonly statusCode = 401;
  readonly publicMessage = 'Invalid signature';
}

export class PayloadTooLargeError extends WebhookError {
  override readonly name = 'PayloadTooLargeError';
  readonly statusCode = 413;
  readonly publicMessage: string;
  constructor(limitBytes: number) {
    super(`Body larger than ${limitBytes} bytes`);
    this.publicMessage = this.message;
  }
}

export class MalformedPayloadError extends WebhookError {
  override readonly name = 'MalformedPayloadError';
  readonly statusCode = 400;
  readonly publicMessage: string;
  constructor(detail: string) {
    super(`Malformed payload: ${detail}`);
    this.publicMessage = this.message;
  }
}

export class VerificationFailedError extends WebhookError {
  override readonly name = 'VerificationFailedError';
  readonly statusCode = 403;
  readonly publicMessage = 'Verification failed';
}

export class MethodNotAllowedError extends WebhookError {
  override readonly name = 'MethodNotAllowedError';
  readonly statusCode = 405;
  readonly publicMessage = 'Method not allowed';
}

export class QueueUnavailableError extends WebhookError {
  override readonly name = 'QueueUnavailableError';
  readonly statusCode = 503;
  readonly publicMessage = 'Temporarily unavailable, retry later';
}
