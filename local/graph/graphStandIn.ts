import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { CLOUD_API_LIMITS as LIMITS } from '../../functions/adapters/whatsapp/cloudApiLimits';
import { CloudApiErrorCode } from '../../functions/adapters/whatsapp/graphErrors';
import { isBusinessScopedUserId } from '../../functions/domain/whatsapp/customerIds';
import type { CloudApiStatus } from '../../functions/webhook/cloudApiWebhook';
import type { TemplateRefusal } from '../../functions/domain/messaging/templateReview';
import type { RegisteredTemplate, TemplateRegistry } from './templateRegistry';

/**
 * The Graph API as the assistant uses it, for `npm start` and tests: it checks
 * the token, validates request bodies against the Cloud API's shapes and
 * limits, enforces the 24-hour customer service window, and reports message
 * statuses with pricing the way the webhook would.
 */

/** `pricing.category` of a status: a marketing template sent through /marketing_messages is `marketing_lite`. */
export type PricingCategory = 'service' | 'utility' | 'marketing' | 'marketing_lite' | 'authentication';
export type TemplateCategory = Exclude<PricingCategory, 'service' | 'marketing_lite'>;

export interface OutboundRecord {
  id: string;
  /** Who it went to: the wa_id (digits only, as Meta normalises "+7 701 …"), or the business-scoped user id. */
  to: string;
  /** Milliseconds, from `now`. */
  timestamp: number;
  body: unknown;
  /** /messages, or /marketing_messages (the Marketing Messages API). */
  endpoint: 'messages' | 'marketing_messages';
}

export type InjectedFault = { status: number; body: unknown; headers?: Record<string, string> } | 'timeout';

/** Lets load tests answer a request with a 429/500 or never answer it at all. */
export type FaultInjector = (request: { method: string; path: string; body: unknown }) => InjectedFault | undefined;

export interface GraphStandInOptions {
  apiVersion: string;
  accessToken: string;
  phoneNumberId: string;
  /** Where the stand-in is reachable, e.g. http://127.0.0.1:3000; media URLs point here. */
  publicBaseUrl: string;
  now?: () => number;
  onOutbound: (record: OutboundRecord) => void;
  onStatus: (status: CloudApiStatus) => void;
  /** Milliseconds of the customer's last inbound message, if they ever wrote; by phone number or BSUID. */
  lastInboundAt: (waId: string) => number | undefined;
  /**
   * Meta's contact book: the phone number and BSUID it knows for a user
   * addressed by either. Status webhooks carry both, as Meta's do; a user
   * known only by BSUID gets statuses without `recipient_id`.
   */
  contactOf?: (id: string) => { phone?: string; userId?: string };
  faults?: FaultInjector;
  /** The WhatsApp Business Account's templates: with them, template management works and only approved templates send. */
  templates?: { wabaId: string; registry: TemplateRegistry };
  statusDelaysMs?: { sent: number; delivered: number };
  /** Template categories live in WhatsApp Manager, not in the send request; utility unless told otherwise. */
  templateCategory?: (name: string, languageCode: string) => TemplateCategory;
  /**
   * How a free-form message outside the window fails. `refuse` answers 400 with
   * 131047 at once; `fail-status` accepts it and reports a `failed` status with
   * 131047, which is how Cloud API usually reports it in production.
   */
  outsideWindow?: 'refuse' | 'fail-status';
}

export interface StoredMedia {
  bytes: Buffer;
  mimeType: string;
}

export interface GraphStandIn {
  /** Answers requests under /graph/; resolves false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Stores media as if a customer had sent it; returns its media id. */
  putMedia(bytes: Buffer, mimeType: string): string;
  getMedia(id: string): StoredMedia | undefined;
}

const MOUNT = '/graph/';
const TEMPLATE_DOES_NOT_EXIST = 132001;
const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_REQUEST_BYTES = 100 * 1024 * 1024;
const DEFAULT_STATUS_DELAYS_MS = { sent: 5, delivered: 20 };

// ---------------------------------------------------------------------------
// Request bodies of POST /{phone-number-id}/messages, shapes and limits.

/** Which Graph code a custom check answers with; length and count problems default to 131009. */
const answerWith = (code: number) => ({ params: { graphCode: code } });

const text = (max: number) => z.string().min(1).max(max);

const hasLinkOrId = (media: { link?: string; id?: string }) => (media.link === undefined) !== (media.id === undefined);
const LINK_OR_ID = { message: 'exactly one of link or id is required', ...answerWith(CloudApiErrorCode.InvalidParameter) };

const mediaReference = z.strictObject({ link: z.url().optional(), id: z.string().min(1).optional() }).refine(hasLinkOrId, LINK_OR_ID);

const imageWithCaption = z
  .strictObject({ link: z.url().optional(), id: z.string().min(1).optional(), caption: text(LIMITS.imageCaption).optional() })
  .refine(hasLinkOrId, LINK_OR_ID);

const bodyText = z.strictObject({ text: text(LIMITS.interactiveBody) });
const footerText = z.strictObject({ text: text(LIMITS.interactiveFooter) });
const textHeader = z.strictObject({ type: z.literal('text'), text: text(LIMITS.interactiveHeaderText) });

function addDuplicateIssues(values: string[], ctx: z.RefinementCtx, pathOf: (index: number) => PropertyKey[], what: string): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `${what} must be unique`, path: pathOf(index) });
    seen.add(value);
  });
}

const buttonInteractive = z.strictObject({
  type: z.literal('button'),
  header: z.discriminatedUnion('type', [textHeader, z.strictObject({ type: z.literal('image'), image: mediaReference })]).optional(),
  body: bodyText,
  footer: footerText.optional(),
  action: z.strictObject({
    buttons: z
      .array(
        z.strictObject({
          type: z.literal('reply'),
          reply: z.strictObject({ id: text(LIMITS.replyButtonId), title: text(LIMITS.replyButtonTitle) }),
        }),
      )
      .min(1)
      .max(LIMITS.replyButtons)
      .superRefine((buttons, ctx) => {
        addDuplicateIssues(
          buttons.map((b) => b.reply.title),
          ctx,
          (i) => [i, 'reply', 'title'],
          'button titles',
        );
        addDuplicateIssues(
          buttons.map((b) => b.reply.id),
          ctx,
          (i) => [i, 'reply', 'id'],
          'button ids',
        );
      }),
  }),
});

const listRow = z.strictObject({
  id: text(LIMITS.listRowId),
  title: text(LIMITS.listRowTitle),
  description: text(LIMITS.listRowDescription).optional(),
});

const listInteractive = z.strictObject({
  type: z.literal('list'),
  header: textHeader.optional(),
  body: bodyText,
  footer: footerText.optional(),
  action: z.strictObject({
    button: text(LIMITS.listButtonLabel),
    sections: z
      .array(z.strictObject({ title: text(LIMITS.listSectionTitle).optional(), rows: z.array(listRow).min(1) }))
      .min(1)
      .max(LIMITS.listSections)
      .superRefine((sections, ctx) => {
        const rowCount = sections.reduce((count, section) => count + section.rows.length, 0);
        if (rowCount > LIMITS.listRowsTotal) {
          ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.listRowsTotal} rows across all sections, got ${rowCount}` });
        }
        if (sections.length > 1) {
          sections.forEach((section, index) => {
            if (section.title === undefined) {
              ctx.addIssue({ code: 'custom', message: 'a title is required when there is more than one section', path: [index, 'title'] });
            }
          });
        }
        const rowPaths = sections.flatMap((section, s) => section.rows.map((_, r) => [s, 'rows', r, 'id']));
        addDuplicateIssues(
          sections.flatMap((section) => section.rows.map((row) => row.id)),
          ctx,
          (i) => rowPaths[i] ?? [],
          'row ids',
        );
      }),
  }),
});

const templateTextParameter = z.strictObject({
  type: z.literal('text'),
  text: z
    .string()
    .min(1)
    .refine((value) => !/[\n\t]/.test(value) && !/ {5,}/.test(value), {
      message: `Param text cannot have new-line/tab characters or more than ${LIMITS.templateTextConsecutiveSpaces} consecutive spaces`,
      ...answerWith(CloudApiErrorCode.TemplateParameterFormat),
    }),
  parameter_name: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
});

const templateParameter = z.discriminatedUnion('type', [
  templateTextParameter,
  z.strictObject({
    type: z.literal('currency'),
    currency: z.strictObject({ fallback_value: z.string().min(1), code: z.string().regex(/^[A-Z]{3}$/), amount_1000: z.int() }),
  }),
  z.strictObject({ type: z.literal('date_time'), date_time: z.strictObject({ fallback_value: z.string().min(1) }) }),
  z.strictObject({ type: z.literal('image'), image: mediaReference }),
  z.strictObject({ type: z.literal('payload'), payload: z.string().min(1) }),
]);

const templateComponent = z
  .strictObject({
    type: z.enum(['header', 'body', 'button']),
    sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow']).optional(),
    index: z.union([z.string().regex(/^\d+$/), z.int().nonnegative()]).optional(),
    parameters: z.array(templateParameter),
  })
  .refine((component) => component.type !== 'button' || (component.sub_type !== undefined && component.index !== undefined), {
    message: 'button components need sub_type and index',
    ...answerWith(CloudApiErrorCode.InvalidParameter),
  });

/** A phone number as Meta takes it in `to` ("+7 (701) 123-45-67" is fine), or a business-scoped user id. */
const PHONE_NUMBER = /^\+?[\d\s()-]{6,25}$/;
const isPhoneNumber = (value: string) => PHONE_NUMBER.test(value) && value.replace(/\D/g, '').length <= 15;

const envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z
    .string()
    .min(1)
    .refine((to) => isPhoneNumber(to) || isBusinessScopedUserId(to), {
      message: 'a phone number in international form, or a valid business-scoped user id',
      ...answerWith(CloudApiErrorCode.InvalidParameter),
    })
    .optional(),
  /** A business-scoped user id (or parent BSUID); `to` wins when both are given. */
  recipient: z
    .string()
    .refine(isBusinessScopedUserId, {
      message: 'a business-scoped user id, like US.13491208655302741918',
      ...answerWith(CloudApiErrorCode.InvalidParameter),
    })
    .optional(),
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

const needsRecipient = { message: 'to or recipient is required', path: ['to'], ...answerWith(CloudApiErrorCode.InvalidParameter) };
const hasRecipient = (body: { to?: string | undefined; recipient?: string | undefined }) =>
  body.to !== undefined || body.recipient !== undefined;

const outboundMessageSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      ...envelope,
      type: z.literal('text'),
      text: z.strictObject({ body: text(LIMITS.textBody), preview_url: z.boolean().optional() }),
    }),
    z.strictObject({ ...envelope, type: z.literal('image'), image: imageWithCaption }),
    z.strictObject({
      ...envelope,
      type: z.literal('interactive'),
      interactive: z.discriminatedUnion('type', [buttonInteractive, listInteractive]),
    }),
    z.strictObject({
      ...envelope,
      type: z.literal('template'),
      template: z.strictObject({
        name: z.string().min(1).max(512),
        language: z.strictObject({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
        components: z.array(templateComponent).optional(),
      }),
    }),
  ])
  .refine(hasRecipient, needsRecipient);

type OutboundMessageBody = z.infer<typeof outboundMessageSchema>;

const readReceiptSchema = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.strictObject({ type: z.literal('text') }).optional(),
});

// ---------------------------------------------------------------------------
// Graph error envelopes.

interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

function graphError(code: number, message: string, details?: string, subcode?: number): GraphErrorBody {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      ...(details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details } }),
      fbtrace_id: randomBytes(12).toString('base64url'),
    },
  };
}

/** How Meta refuses a template submission: code 100, a subcode, and the reason for people in error_user_title/msg. */
function templateRefusalError(refusal: TemplateRefusal) {
  return {
    error: {
      message: 'Invalid parameter',
      type: 'OAuthException',
      code: refusal.code,
      ...(refusal.subcode === undefined ? {} : { error_subcode: refusal.subcode }),
      is_transient: false,
      error_user_title: refusal.title,
      error_user_msg: refusal.message,
      fbtrace_id: randomBytes(12).toString('base64url'),
    },
  };
}

/** A template as GET /{waba-id}/message_templates lists it. */
function listedTemplate(template: RegisteredTemplate) {
  const { id, name, language, status, category, rejectedReason, correctCategory } = template;
  return {
    id,
    name,
    language,
    status,
    category,
    rejected_reason: rejectedReason ?? 'NONE',
    ...(correctCategory === undefined ? {} : { correct_category: correctCategory }),
  };
}

const invalidTokenError = () => graphError(CloudApiErrorCode.AccessTokenInvalid, 'Invalid OAuth access token - Cannot parse access token');

const unknownObjectError = (method: string, id: string) =>
  graphError(
    CloudApiErrorCode.InvalidParameter,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    undefined,
    33,
  );

const GRAPH_ERROR_TITLES: Record<number, string> = {
  [CloudApiErrorCode.InvalidParameter]: 'Invalid parameter',
  [CloudApiErrorCode.ParameterValueNotValid]: 'Parameter value is not valid',
  [CloudApiErrorCode.TemplateParameterFormat]: 'There was an issue with the parameters in your template.',
};

const REENGAGEMENT_DETAILS =
  'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';

/** The first problem, named by its field path the way a developer would look for it in the body. */
function validationError(error: z.ZodError): GraphErrorBody {
  const [issue] = error.issues;
  if (issue === undefined) return graphError(CloudApiErrorCode.InvalidParameter, '(#100) Invalid parameter');
  const field = issue.path.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? String(key) : `${path}.${String(key)}`),
    '',
  );
  const code = graphCodeOf(issue);
  return graphError(code, `(#${code}) ${GRAPH_ERROR_TITLES[code] ?? 'Invalid parameter'}`, `${field || 'body'}: ${issue.message}`);
}

function graphCodeOf(issue: z.core.$ZodIssue): number {
  if (issue.code === 'custom') {
    const declared: unknown = issue.params?.['graphCode'];
    return typeof declared === 'number' ? declared : CloudApiErrorCode.ParameterValueNotValid;
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') return CloudApiErrorCode.ParameterValueNotValid;
  return CloudApiErrorCode.InvalidParameter;
}

// ---------------------------------------------------------------------------

export function createGraphStandIn(options: GraphStandInOptions): GraphStandIn {
  const now = options.now ?? Date.now;
  const statusDelays = options.statusDelaysMs ?? DEFAULT_STATUS_DELAYS_MS;
  const registry = options.templates?.registry;
  const templateCategory =
    options.templateCategory ??
    ((name: string, language: string): TemplateCategory => {
      const category = registry?.find(name, language)?.category;
      return category === undefined ? 'utility' : (category.toLowerCase() as TemplateCategory);
    });
  const outsideWindow = options.outsideWindow ?? 'refuse';
  const publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  const media = new Map<string, StoredMedia & { sha256: string; downloadToken: string }>();
  const conversations = new Map<string, { id: string; expiresAt: number }>();

  function putMedia(bytes: Buffer, mimeType: string): string {
    // Meta's media ids are long decimal numbers; randomInt's range tops out at 2^48.
    const id = String(randomInt(100_000_000_000_000, 300_000_000_000_000));
    media.set(id, {
      bytes,
      mimeType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      downloadToken: randomBytes(16).toString('hex'),
    });
    return id;
  }

  function getMedia(id: string): StoredMedia | undefined {
    const stored = media.get(id);
    return stored === undefined ? undefined : { bytes: stored.bytes, mimeType: stored.mimeType };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://graph.stand-in');
    if (!url.pathname.startsWith(MOUNT)) return false;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (raw === undefined) {
      reply(res, 413, graphError(CloudApiErrorCode.InvalidParameter, '(#100) Request body is too large'));
      return true;
    }
    const json = parseJson(raw);

    const fault = options.faults?.({ method, path: url.pathname, body: json });
    if (fault === 'timeout') {
      await new Promise((resolve) => res.once('close', resolve));
      return true;
    }
    if (fault !== undefined) {
      reply(res, fault.status, fault.body, fault.headers);
      return true;
    }

    if (req.headers.authorization !== `Bearer ${options.accessToken}`) {
      reply(res, 401, invalidTokenError());
      return true;
    }

    const segments = url.pathname.slice(MOUNT.length).split('/').filter(Boolean);
    const [first, second, third] = segments;
    if (first === 'media-download' && second !== undefined && segments.length === 2 && method === 'GET') {
      serveDownload(res, second, url.searchParams.get('token'));
    } else if (first !== options.apiVersion) {
      reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, `(#100) Unsupported API version '${first ?? ''}'`));
    } else if (second === undefined || segments.length > 3) {
      reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, '(#100) Unsupported request'));
    } else if (options.templates && second === options.templates.wabaId && third === 'message_templates') {
      serveTemplates(res, method, json, options.templates.registry);
    } else if (third === undefined && method === 'GET') {
      serveMediaInfo(res, second);
    } else if (second !== options.phoneNumberId) {
      reply(res, 400, unknownObjectError(method, second));
    } else if (third === 'messages' && method === 'POST') {
      receiveMessage(res, json, 'messages');
    } else if (third === 'marketing_messages' && method === 'POST') {
      receiveMessage(res, json, 'marketing_messages');
    } else if (third === 'media' && method === 'POST') {
      receiveUpload(req, res, raw);
    } else {
      reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, `(#100) Unsupported ${method.toLowerCase()} request`));
    }
    return true;
  }

  function serveTemplates(res: ServerResponse, method: string, body: unknown, registry: TemplateRegistry): void {
    if (method === 'GET') {
      reply(res, 200, { data: registry.list().map(listedTemplate), paging: {} });
      return;
    }
    if (method !== 'POST') {
      reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, `(#100) Unsupported ${method.toLowerCase()} request`));
      return;
    }
    const created = registry.create(body);
    if (created.ok) reply(res, 200, { id: created.template.id, status: created.template.status, category: created.template.category });
    else if ('refusal' in created) reply(res, 400, templateRefusalError(created.refusal));
    else reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, `(#100) Invalid parameter: ${created.message}`));
  }

  /** With a registry, WhatsApp's rule applies: only an approved template, in that language, can be sent (132001). */
  function unsendableTemplate(message: { type: string; template?: { name: string; language: { code: string } } }): string | undefined {
    const registry = options.templates?.registry;
    if (registry === undefined || message.type !== 'template' || message.template === undefined) return undefined;
    const found = registry.find(message.template.name, message.template.language.code);
    if (found?.status === 'APPROVED') return undefined;
    return `(#132001) Template name does not exist in the translation: ${message.template.name} (${message.template.language.code})`;
  }

  function serveDownload(res: ServerResponse, id: string, token: string | null): void {
    const stored = media.get(id);
    if (stored === undefined || token !== stored.downloadToken) {
      reply(res, 404, graphError(CloudApiErrorCode.InvalidParameter, '(#100) Media not found'));
      return;
    }
    res.writeHead(200, { 'content-type': stored.mimeType, 'content-length': String(stored.bytes.length) });
    res.end(stored.bytes);
  }

  function serveMediaInfo(res: ServerResponse, id: string): void {
    const stored = media.get(id);
    if (stored === undefined) {
      reply(res, 400, unknownObjectError('GET', id));
      return;
    }
    reply(res, 200, {
      url: `${publicBaseUrl}/graph/media-download/${id}?token=${stored.downloadToken}`,
      mime_type: stored.mimeType,
      sha256: stored.sha256,
      file_size: stored.bytes.length,
      id,
      messaging_product: 'whatsapp',
    });
  }

  function receiveUpload(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const mimeType = req.headers['content-type'];
    if (mimeType === undefined || raw.length === 0) {
      reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, '(#100) The parameter file is required.'));
      return;
    }
    reply(res, 200, { id: putMedia(raw, mimeType) });
  }

  /**
   * POST /messages, or /marketing_messages (Marketing Messages API for
   * WhatsApp): templates only, and only marketing ones (100 "Message must be a
   * template message", 131055 "Method not allowed" otherwise); what it sends is
   * billed as `marketing_lite`.
   */
  function receiveMessage(res: ServerResponse, body: unknown, endpoint: 'messages' | 'marketing_messages'): void {
    if (typeof body === 'object' && body !== null && 'status' in body) {
      const receipt = readReceiptSchema.safeParse(body);
      if (receipt.success) reply(res, 200, { success: true });
      else reply(res, 400, validationError(receipt.error));
      return;
    }
    const parsed = outboundMessageSchema.safeParse(body);
    if (!parsed.success) {
      reply(res, 400, validationError(parsed.error));
      return;
    }
    const message = parsed.data;
    if (endpoint === 'marketing_messages' && message.type !== 'template') {
      reply(res, 400, graphError(CloudApiErrorCode.InvalidParameter, '(#100) Invalid parameter', 'Message must be a template message.'));
      return;
    }
    const unsendable = unsendableTemplate(message as Parameters<typeof unsendableTemplate>[0]);
    if (unsendable !== undefined) {
      reply(res, 400, graphError(TEMPLATE_DOES_NOT_EXIST, unsendable));
      return;
    }
    if (
      endpoint === 'marketing_messages' &&
      message.type === 'template' &&
      templateCategory(message.template.name, message.template.language.code) !== 'marketing'
    ) {
      reply(
        res,
        400,
        graphError(
          CloudApiErrorCode.MethodNotAllowed,
          '(#131055) Method not allowed',
          'Only marketing templates can be sent with this API.',
        ),
      );
      return;
    }
    const addressed = message.to ?? message.recipient ?? '';
    const waId = toWaId(addressed);
    if (
      isBusinessScopedUserId(waId) &&
      message.type === 'template' &&
      templateCategory(message.template.name, message.template.language.code) === 'authentication'
    ) {
      reply(
        res,
        400,
        graphError(
          CloudApiErrorCode.BusinessScopedUserIdNotSupported,
          '(#131062) Business-scoped User ID recipients are not supported for this message.',
          'Authentication templates need a phone number.',
        ),
      );
      return;
    }
    const lastInbound = options.lastInboundAt(waId);
    const insideWindow = lastInbound !== undefined && now() - lastInbound <= CUSTOMER_WINDOW_MS;
    const needsWindow = message.type !== 'template';
    if (needsWindow && !insideWindow && outsideWindow === 'refuse') {
      reply(res, 400, graphError(CloudApiErrorCode.OutsideCustomerServiceWindow, '(#131047) Re-engagement message', REENGAGEMENT_DETAILS));
      return;
    }

    const id = `wamid.${randomBytes(30).toString('base64')}`;
    options.onOutbound({ id, to: waId, timestamp: now(), body, endpoint });
    reply(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: addressed, ...(isBusinessScopedUserId(waId) ? { user_id: waId } : { wa_id: waId }) }],
      messages: [{ id, ...(message.type === 'template' ? { message_status: 'accepted' } : {}) }],
    });

    if (needsWindow && !insideWindow) {
      setTimeout(() => options.onStatus(failedOutsideWindow(id, recipientOf(waId))), statusDelays.sent);
      return;
    }
    const pricing = pricingOf(message, insideWindow, endpoint);
    const conversation = conversationOf(waId, pricing.category);
    const statusOf = (status: 'sent' | 'delivered'): CloudApiStatus => ({
      id,
      status,
      timestamp: Math.floor(now() / 1000),
      ...recipientOf(waId),
      conversation,
      pricing,
    });
    setTimeout(() => options.onStatus(statusOf('sent')), statusDelays.sent);
    setTimeout(() => options.onStatus(statusOf('delivered')), statusDelays.delivered);
  }

  /**
   * Per-message pricing: free-form replies inside the window are free service
   * messages, and so are utility templates inside the window; other templates
   * are billed at their category's rate.
   */
  function pricingOf(message: OutboundMessageBody, insideWindow: boolean, endpoint: 'messages' | 'marketing_messages') {
    const category: PricingCategory =
      endpoint === 'marketing_messages'
        ? 'marketing_lite'
        : message.type === 'template'
          ? templateCategory(message.template.name, message.template.language.code)
          : 'service';
    const free = category === 'service' || (category === 'utility' && insideWindow);
    return {
      billable: !free,
      pricing_model: 'PMP',
      category,
      type: free ? 'free_customer_service' : 'regular',
    } as const;
  }

  function conversationOf(waId: string, category: PricingCategory) {
    const key = `${waId}:${category}`;
    let current = conversations.get(key);
    if (current === undefined || current.expiresAt <= now()) {
      current = { id: randomBytes(16).toString('hex'), expiresAt: now() + CUSTOMER_WINDOW_MS };
      conversations.set(key, current);
    }
    return {
      id: current.id,
      expiration_timestamp: String(Math.floor(current.expiresAt / 1000)),
      origin: { type: category },
    };
  }

  /** The recipient fields of a status: the phone number and BSUID Meta's contact book knows for the addressee. */
  function recipientOf(addressed: string): { recipient_id?: string; recipient_user_id?: string } {
    const known = options.contactOf?.(addressed) ?? {};
    const phone = known.phone ?? (isBusinessScopedUserId(addressed) ? undefined : addressed);
    const userId = known.userId ?? (isBusinessScopedUserId(addressed) ? addressed : undefined);
    return { ...(phone === undefined ? {} : { recipient_id: phone }), ...(userId === undefined ? {} : { recipient_user_id: userId }) };
  }

  function failedOutsideWindow(id: string, recipient: ReturnType<typeof recipientOf>): CloudApiStatus {
    return {
      id,
      status: 'failed',
      timestamp: Math.floor(now() / 1000),
      ...recipient,
      errors: [
        {
          code: CloudApiErrorCode.OutsideCustomerServiceWindow,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          error_data: { details: REENGAGEMENT_DETAILS },
        },
      ],
    };
  }

  return { handle, putMedia, getMedia };
}

/** Meta accepts "+7 (701) 123-45-67" and answers with the digits; business-scoped user ids pass unchanged. */
function toWaId(to: string): string {
  return isPhoneNumber(to) ? to.replace(/\D/g, '') : to;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}
