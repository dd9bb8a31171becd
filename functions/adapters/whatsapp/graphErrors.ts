import * as z from 'zod';

/**
 * Cloud API error codes the assistant reacts to. Meta asks integrations to
 * branch on `code` (and `details`), not on titles or HTTP statuses: rate
 * limits, for one, come back as HTTP 400.
 */
export const CloudApiErrorCode = {
  ApiServiceTemporarilyDown: 2,
  AppTooManyCalls: 4,
  UserTooManyCalls: 17,
  PageTooManyCalls: 32,
  InvalidParameter: 100,
  AccessTokenInvalid: 190,
  CallsExceededRateLimit: 613,
  WabaRateLimit: 80007,
  ThroughputLimit: 130429,
  SomethingWentWrong: 131000,
  ParameterValueNotValid: 131009,
  ServiceUnavailable: 131016,
  MessageUndeliverable: 131026,
  OutsideCustomerServiceWindow: 131047,
  MarketingOptOut: 131050,
  /** The Marketing Messages API sends marketing templates only (a utility template there: "Method not allowed"). */
  MethodNotAllowed: 131055,
  PairRateLimit: 131056,
  /** A business-scoped user id as recipient of a message that needs a phone number (one-tap, zero-tap and copy-code authentication templates). */
  BusinessScopedUserIdNotSupported: 131062,
  TemplateParameterFormat: 132018,
  ServerTemporarilyUnavailable: 133004,
} as const;

const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([
  CloudApiErrorCode.AppTooManyCalls,
  CloudApiErrorCode.UserTooManyCalls,
  CloudApiErrorCode.PageTooManyCalls,
  CloudApiErrorCode.CallsExceededRateLimit,
  CloudApiErrorCode.WabaRateLimit,
  CloudApiErrorCode.ThroughputLimit,
  CloudApiErrorCode.PairRateLimit,
]);

/** Meta's own "temporary, try again" codes. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  CloudApiErrorCode.ApiServiceTemporarilyDown,
  CloudApiErrorCode.SomethingWentWrong,
  CloudApiErrorCode.ServiceUnavailable,
  CloudApiErrorCode.ServerTemporarilyUnavailable,
]);

/** The same request can never succeed: retrying only burns throughput (and, for 131047, money on nothing). */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  CloudApiErrorCode.InvalidParameter,
  CloudApiErrorCode.AccessTokenInvalid,
  CloudApiErrorCode.ParameterValueNotValid,
  CloudApiErrorCode.MessageUndeliverable,
  CloudApiErrorCode.OutsideCustomerServiceWindow,
  CloudApiErrorCode.MarketingOptOut,
  CloudApiErrorCode.MethodNotAllowed,
  CloudApiErrorCode.TemplateParameterFormat,
]);

export interface GraphApiErrorFields {
  httpStatus: number;
  /** Meta's message, e.g. "(#131047) Re-engagement message". */
  graphMessage: string;
  code?: number;
  subcode?: number;
  type?: string;
  fbtraceId?: string;
  details?: string;
  /** `error_user_title` / `error_user_msg`: why, for people (template management answers carry them). */
  userTitle?: string;
  userMessage?: string;
  /** From a Retry-After header, when the answer carried one. */
  retryAfterMs?: number;
}

/** An answer from the Graph API that is not a success. */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  readonly httpStatus: number;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly details: string | undefined;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;
  /** How many requests the client made before giving up; set by the client. */
  attempts = 1;

  constructor(fields: GraphApiErrorFields) {
    const detail = fields.details === undefined || fields.details === '' ? '' : `: ${fields.details}`;
    const why = [fields.userTitle, fields.userMessage].filter(Boolean).join(': ');
    super(`${fields.graphMessage}${detail}${why === '' ? '' : ` — ${why}`} (HTTP ${fields.httpStatus})`);
    this.httpStatus = fields.httpStatus;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.type = fields.type;
    this.fbtraceId = fields.fbtraceId;
    this.details = fields.details;
    this.userTitle = fields.userTitle;
    this.userMessage = fields.userMessage;
    this.retryAfterMs = fields.retryAfterMs;
    this.retryable = isRetryableAnswer(fields.httpStatus, fields.code);
  }
}

function isRetryableAnswer(httpStatus: number, code: number | undefined): boolean {
  if (code !== undefined && PERMANENT_CODES.has(code)) return false;
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || TRANSIENT_CODES.has(code))) return true;
  return httpStatus >= 500 || httpStatus === 429;
}

/** The request never got an answer: connection refused or reset, DNS, or the per-attempt timeout. */
export class GraphUnreachableError extends Error {
  override readonly name = 'GraphUnreachableError';
  readonly retryable = true;
  readonly timedOut: boolean;
  attempts = 1;

  constructor(timedOut: boolean, cause: unknown) {
    super(timedOut ? 'Graph API did not answer in time' : 'Graph API could not be reached', { cause });
    this.timedOut = timedOut;
  }
}

/** Graph gave a media URL on no host of Meta's: it is not fetched, so the access token never leaves for it. */
export class UntrustedMediaUrlError extends Error {
  override readonly name = 'UntrustedMediaUrlError';
  constructor(readonly host: string) {
    super(`Media URL on ${host}, not a host of Meta's: not downloaded with the access token`);
  }
}

/** A media download larger than the caller accepts; the download is aborted, not buffered. */
export class MediaTooLargeError extends Error {
  override readonly name = 'MediaTooLargeError';
  readonly maxBytes: number;
  /** The declared Content-Length, or how many bytes had arrived when the download was cut. */
  readonly sizeBytes: number;

  constructor(maxBytes: number, sizeBytes: number) {
    super(`Media is larger than ${maxBytes} bytes (at least ${sizeBytes})`);
    this.maxBytes = maxBytes;
    this.sizeBytes = sizeBytes;
  }
}

const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().int().optional(),
    error_subcode: z.coerce.number().int().optional(),
    // Message errors carry { details }; template management errors carry a plain string.
    error_data: z.union([z.object({ details: z.string().optional() }).loose(), z.string()]).optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/** Reads Meta's error envelope; anything else (an HTML 502 from a proxy) still becomes a GraphApiError. */
export function parseGraphError(httpStatus: number, bodyText: string, retryAfterMs?: number): GraphApiError {
  const parsed = graphErrorBodySchema.safeParse(parseJsonOrUndefined(bodyText));
  if (!parsed.success) {
    return new GraphApiError({ httpStatus, graphMessage: `Graph API answered HTTP ${httpStatus}`, retryAfterMs });
  }
  const { error } = parsed.data;
  return new GraphApiError({
    httpStatus,
    graphMessage: error.message ?? `Graph API error ${error.code ?? 'without a code'}`,
    code: error.code,
    subcode: error.error_subcode,
    type: error.type,
    fbtraceId: error.fbtrace_id,
    details: typeof error.error_data === 'string' ? error.error_data : error.error_data?.details,
    ...(error.error_user_title === undefined ? {} : { userTitle: error.error_user_title }),
    ...(error.error_user_msg === undefined ? {} : { userMessage: error.error_user_msg }),
    retryAfterMs,
  });
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function hasCode(error: unknown, ...codes: number[]): boolean {
  return error instanceof GraphApiError && error.code !== undefined && codes.includes(error.code);
}

/** 131047: more than 24 hours since the customer last wrote; only a template can reach them now. */
export function isOutsideCustomerWindow(error: unknown): boolean {
  return hasCode(error, CloudApiErrorCode.OutsideCustomerServiceWindow);
}

/** 131050: the customer stopped marketing messages from us. */
export function isMarketingOptOut(error: unknown): boolean {
  return hasCode(error, CloudApiErrorCode.MarketingOptOut);
}

/** 100, 131009, 132018: our request is wrong; a bug to fix, not a condition to wait out. */
export function isInvalidRequest(error: unknown): boolean {
  return hasCode(
    error,
    CloudApiErrorCode.InvalidParameter,
    CloudApiErrorCode.ParameterValueNotValid,
    CloudApiErrorCode.TemplateParameterFormat,
  );
}

/** 190: the access token expired or was revoked. */
export function isAccessTokenRejected(error: unknown): boolean {
  return hasCode(error, CloudApiErrorCode.AccessTokenInvalid);
}

/** 131026: the number is not on WhatsApp, or its app cannot show the message. */
export function isUndeliverable(error: unknown): boolean {
  return hasCode(error, CloudApiErrorCode.MessageUndeliverable);
}

export function isRateLimited(error: unknown): boolean {
  return error instanceof GraphApiError && ((error.code !== undefined && RATE_LIMIT_CODES.has(error.code)) || error.httpStatus === 429);
}

export function isRetryable(error: unknown): boolean {
  return (error instanceof GraphApiError || error instanceof GraphUnreachableError) && error.retryable;
}
