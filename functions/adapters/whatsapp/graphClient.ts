import * as z from 'zod';
import type {
  ButtonsMessage,
  ListMessage,
  OutboundMessage,
  TemplateComponent,
  TemplateMessage,
} from '../../domain/whatsapp/outboundMessage';
import { fitToLimits } from './cloudApiLimits';
import { GraphApiError, GraphUnreachableError, MediaTooLargeError, parseGraphError, UntrustedMediaUrlError } from './graphErrors';
import { isBusinessScopedUserId } from '../../domain/whatsapp/customerIds';

export interface RetryPolicy {
  /** Requests in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of one backoff; a Retry-After longer than this ends the retries instead. */
  maxDelayMs: number;
}

export interface GraphClientOptions {
  /** https://graph.facebook.com, or the local stand-in's http://127.0.0.1:3000/graph */
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
  phoneNumberId: string;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Per attempt, not for the whole call with its retries. */
  timeoutMs?: number;
}

export interface MediaInfo {
  url: string;
  mimeType: string;
  sha256?: string;
  fileSize?: number;
}

export interface DownloadedMedia {
  bytes: Buffer;
  contentType: string;
}

/**
 * Where Meta serves customers' media (lookaside.fbsbx.com today): the bearer
 * token goes only to these, over HTTPS, or to the Graph base URL's own origin
 * (the local stand-in). A URL elsewhere — a compromised or spoofed answer —
 * would receive the token with the download request.
 */
const MEDIA_HOSTS = ['fbsbx.com', 'facebook.com', 'fbcdn.net', 'whatsapp.net', 'whatsapp.com'];

// Sized for a Lambda answering a customer: a few quick retries, then the caller decides.
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };
const DEFAULT_TIMEOUT_MS = 10_000;
const REDACTED = '[redacted]';

const sendResponseSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })) });

const mediaInfoSchema = z.object({
  url: z.string().url(),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  // Meta documents a number but has been seen sending a string.
  file_size: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

export type SendEndpoint = 'messages' | 'marketing_messages';

/** The Cloud API over HTTP: one instance per cold start, shared by every invocation. */
export class GraphClient {
  private readonly apiRoot: string;
  private readonly graphOrigin: string;
  private readonly accessToken: string;
  private readonly phoneNumberId: string;
  private readonly fetchImpl: typeof fetch;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions) {
    this.apiRoot = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
    this.graphOrigin = new URL(options.baseUrl).origin;
    this.accessToken = options.accessToken;
    this.phoneNumberId = options.phoneNumberId;
    this.fetchImpl = options.fetch ?? fetch;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * POST /{phone-number-id}/messages, or /marketing_messages: the endpoint Meta
   * designates for marketing templates (Marketing Messages API for WhatsApp).
   */
  async send(
    to: string,
    message: OutboundMessage,
    opts?: { replyToMessageId?: string; endpoint?: SendEndpoint },
  ): Promise<{ messageId: string }> {
    const body = toCloudApiBody(to, fitToLimits(message), opts?.replyToMessageId);
    const endpoint = opts?.endpoint ?? 'messages';
    const answer = sendResponseSchema.safeParse(await this.request('POST', `${this.phoneNumberId}/${endpoint}`, body));
    const sent = answer.success ? answer.data.messages[0] : undefined;
    if (sent === undefined) throw unexpectedAnswer('a send without a message id');
    return { messageId: sent.id };
  }

  /** Blue ticks for the customer; with `typing`, also "typing…" until we reply or 25 s pass. */
  async markRead(messageId: string, opts?: { typing?: boolean }): Promise<void> {
    await this.request('POST', `${this.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: messageId,
      ...(opts?.typing === true ? { typing_indicator: { type: 'text' } } : {}),
    });
  }

  /** The download URL it returns is short-lived (minutes): download right away. */
  async getMedia(mediaId: string): Promise<MediaInfo> {
    const answer = mediaInfoSchema.safeParse(await this.request('GET', encodeURIComponent(mediaId)));
    if (!answer.success) throw unexpectedAnswer('media info without url or mime_type');
    const { url, mime_type: mimeType, sha256, file_size: fileSize } = answer.data;
    return { url, mimeType, ...(sha256 === undefined ? {} : { sha256 }), ...(fileSize === undefined ? {} : { fileSize }) };
  }

  /** Streams the file and stops reading as soon as it exceeds `maxBytes`. */
  async downloadMedia(url: string, opts?: { maxBytes?: number }): Promise<DownloadedMedia> {
    const maxBytes = opts?.maxBytes ?? Number.POSITIVE_INFINITY;
    this.requireMetaHost(url);
    return this.withRetries(async (signal) => {
      // A redirect to another origin is followed without the Authorization header (fetch drops it there).
      const response = await this.fetchImpl(url, { headers: { Authorization: `Bearer ${this.accessToken}` }, signal });
      if (!response.ok) throw await this.errorFrom(response);
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new MediaTooLargeError(maxBytes, declared);
      }
      const bytes = await readAtMost(response, maxBytes);
      return { bytes, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
    });
  }

  private requireMetaHost(url: string): void {
    const target = new URL(url);
    if (target.origin === this.graphOrigin) return;
    const host = target.hostname.toLowerCase();
    const meta = MEDIA_HOSTS.some((domain) => host === domain || host.endsWith(`.${domain}`));
    if (target.protocol !== 'https:' || !meta || target.username !== '' || target.password !== '')
      throw new UntrustedMediaUrlError(target.host);
  }

  /** Any Graph call, relative to the versioned root (e.g. `${wabaId}/message_templates`); answers the parsed JSON. */
  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = `${this.apiRoot}/${path.replace(/^\/+/, '')}`;
    return this.withRetries(async (signal) => {
      const response = await this.fetchImpl(url, {
        method,
        headers: {
          Authorization: `Bearer ${this.accessToken}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      });
      if (!response.ok) throw await this.errorFrom(response);
      const text = await response.text();
      if (text === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw unexpectedAnswer('a body that is not JSON');
      }
    });
  }

  private async withRetries<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt(AbortSignal.timeout(this.timeoutMs));
      } catch (error) {
        const failure = asTypedFailure(error);
        failure.attempts = attemptNumber;
        if (!failure.retryable || attemptNumber >= this.retry.maxAttempts) throw failure;
        const delayMs = this.delayAfter(attemptNumber, failure);
        if (delayMs === undefined) throw failure;
        await this.sleep(delayMs);
      }
    }
  }

  /** Exponential backoff with full jitter, unless the server said how long to wait. */
  private delayAfter(attemptNumber: number, failure: GraphApiError | GraphUnreachableError): number | undefined {
    if (failure instanceof GraphApiError && failure.retryAfterMs !== undefined) {
      return failure.retryAfterMs <= this.retry.maxDelayMs ? failure.retryAfterMs : undefined;
    }
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attemptNumber - 1));
    return Math.floor(this.random() * ceiling);
  }

  private async errorFrom(response: Response): Promise<GraphApiError> {
    const text = await response.text().catch(() => '');
    return parseGraphError(response.status, this.redact(text), retryAfterMs(response.headers.get('retry-after')));
  }

  /** Graph echoes a malformed token back in its message ("Malformed access token EAA…"); it must not reach logs. */
  private redact(text: string): string {
    return this.accessToken === '' ? text : text.split(this.accessToken).join(REDACTED);
  }
}

function asTypedFailure(error: unknown): GraphApiError | GraphUnreachableError {
  if (error instanceof GraphApiError || error instanceof GraphUnreachableError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new GraphUnreachableError(true, error);
  }
  // fetch rejects with a TypeError for refused, reset and DNS failures.
  if (error instanceof TypeError) return new GraphUnreachableError(false, error);
  throw error;
}

function unexpectedAnswer(what: string): GraphApiError {
  return new GraphApiError({ httpStatus: 200, graphMessage: `Graph API answered with ${what}` });
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function readAtMost(response: Response, maxBytes: number): Promise<Buffer> {
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new MediaTooLargeError(maxBytes, received);
    }
    chunks.push(value);
  }
}

/**
 * The Cloud API request body for a message, exactly as POST /{phone-number-id}/messages
 * takes it, to a phone number or a business-scoped user id. Pure and without limits: GraphClient#send runs fitToLimits first.
 */
export function toCloudApiBody(to: string, message: OutboundMessage, replyTo?: string): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    // A customer known only by their business-scoped user id is addressed with `recipient`; `to` takes a phone number.
    ...(isBusinessScopedUserId(to) ? { recipient: to } : { to }),
    ...(replyTo === undefined ? {} : { context: { message_id: replyTo } }),
    ...messageContent(message),
  };
}

function messageContent(message: OutboundMessage): Record<string, unknown> {
  switch (message.kind) {
    case 'text':
      return {
        type: 'text',
        text: { ...(message.previewUrl === undefined ? {} : { preview_url: message.previewUrl }), body: message.body },
      };
    case 'image':
      return {
        type: 'image',
        image: { link: message.link, ...(message.caption === undefined ? {} : { caption: message.caption }) },
      };
    case 'buttons':
      return { type: 'interactive', interactive: buttonsInteractive(message) };
    case 'list':
      return { type: 'interactive', interactive: listInteractive(message) };
    case 'template':
      return { type: 'template', template: templateObject(message) };
  }
}

function footerOf(footer: string | undefined): Record<string, unknown> {
  return footer === undefined ? {} : { footer: { text: footer } };
}

function buttonsInteractive(message: ButtonsMessage): Record<string, unknown> {
  const header =
    message.header === undefined
      ? {}
      : message.header.type === 'image'
        ? { header: { type: 'image', image: { link: message.header.link } } }
        : { header: { type: 'text', text: message.header.text } };
  return {
    type: 'button',
    ...header,
    body: { text: message.body },
    ...footerOf(message.footer),
    action: { buttons: message.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
  };
}

function listInteractive(message: ListMessage): Record<string, unknown> {
  return {
    type: 'list',
    ...(message.header === undefined ? {} : { header: { type: 'text', text: message.header } }),
    body: { text: message.body },
    ...footerOf(message.footer),
    action: {
      button: message.button,
      sections: message.sections.map((section) => ({
        ...(section.title === undefined ? {} : { title: section.title }),
        rows: section.rows.map(({ id, title, description }) => ({
          id,
          title,
          ...(description === undefined ? {} : { description }),
        })),
      })),
    },
  };
}

function templateObject(message: TemplateMessage): Record<string, unknown> {
  return {
    name: message.name,
    language: { code: message.language },
    ...(message.components.length === 0 ? {} : { components: message.components.map(templateComponent) }),
  };
}

function templateComponent(component: TemplateComponent): Record<string, unknown> {
  return {
    type: component.type,
    ...(component.subType === undefined ? {} : { sub_type: component.subType }),
    // The Cloud API documents the button index as a string ("0".."9").
    ...(component.index === undefined ? {} : { index: String(component.index) }),
    parameters: component.parameters.map(templateParameter),
  };
}

function templateParameter(parameter: TemplateComponent['parameters'][number]): Record<string, unknown> {
  switch (parameter.type) {
    case 'text':
      return {
        type: 'text',
        ...(parameter.parameterName === undefined ? {} : { parameter_name: parameter.parameterName }),
        text: parameter.text,
      };
    case 'currency':
      return {
        type: 'currency',
        currency: { fallback_value: parameter.fallbackValue, code: parameter.code, amount_1000: parameter.amount1000 },
      };
    case 'image':
      return { type: 'image', image: { link: parameter.link } };
    case 'payload':
      return { type: 'payload', payload: parameter.payload };
  }
}
