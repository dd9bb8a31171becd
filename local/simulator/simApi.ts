import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EditablePrices } from '../runtimeFunctions';
import type { CatalogReader, CustomerRepository } from '../../functions/domain/conversation/ports';
import type { IdentityDirectory } from '../../functions/domain/identity/identityDirectory';
import { isBusinessScopedUserId } from '../../functions/domain/whatsapp/customerIds';
import type { CloudApiStatus } from '../../functions/webhook/cloudApiWebhook';
import { readBody } from '../apiGatewayEvent';
import type { GraphStandIn } from '../graph/graphStandIn';
import type { ConversationLog } from './conversationLog';
import { messagesWebhook, newWamid } from './webhookPayloads';

export interface SimApiDependencies {
  conversations: ConversationLog;
  graph: GraphStandIn;
  phoneNumberId: string;
  /** Signs the payload with the app secret and posts it to /webhook, as Meta does. */
  postToWebhook(payload: unknown): Promise<Response>;
  // --- simulator page: read receipts, the staff panel's profile ---
  /** What the Graph stand-in does with a status: the log's ticks and a signed status webhook. */
  reportStatus(status: CloudApiStatus): void;
  customers: Pick<CustomerRepository, 'load'>;
  /** A customer asked for by phone number or BSUID is found under their key. */
  identities: Pick<IdentityDirectory, 'keysOf'>;
  catalog: CatalogReader;
  /** The prices the functions read, when they read them from a catalog this process holds; undefined otherwise (409). */
  editablePrices: EditablePrices | undefined;
}

const PHONE = /^\d{6,15}$/;

/**
 * `from` is the customer's phone number, or their business-scoped user id for a
 * customer with a username who withholds it; `from_user_id` (a BSUID) may come
 * with a phone number, as Meta sends both since April 2026.
 */
const customerMessageSchema = z
  .object({
    from: z
      .string()
      .refine((from) => PHONE.test(from) || isBusinessScopedUserId(from), 'a phone number in international form, digits only, or a BSUID')
      .optional(),
    from_user_id: z.string().refine(isBusinessScopedUserId, 'a business-scoped user id, like KZ.1502576394655843').optional(),
    type: z.string().min(1),
    id: z.string().min(1).optional(),
    timestamp: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).optional(),
    name: z.string().min(1).max(100).optional(),
    username: z.string().min(1).max(100).optional(),
  })
  .passthrough()
  .refine((message) => message.from !== undefined || message.from_user_id !== undefined, { message: 'from or from_user_id is required' });

const pricesSchema = z.record(z.string().min(1), z.number().int().positive());

const readReceiptSchema = z.object({ wa_id: z.string().min(1), id: z.string().min(1) });

const PROFILE_PATH = /^\/sim\/api\/customers\/([^/]+)\/profile$/;
const MEDIA_PATH = /^\/sim\/api\/media\/(\d+)$/;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request, 1024 * 1024);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The simulator's side of the local contract: play a customer (the message
 * goes through the signed webhook like Meta's), read a chat, upload media,
 * change catalog prices.
 */
export function createSimApi(deps: SimApiDependencies) {
  async function postMessage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = customerMessageSchema.safeParse(await readJson(request));
    if (!parsed.success) {
      return sendJson(response, 400, { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
    }
    const { name, username, from, from_user_id: fromUserId, ...fields } = parsed.data;
    // A BSUID in `from` is a customer who withholds their number: Meta sends it as `from_user_id` alone.
    const phone = from !== undefined && PHONE.test(from) ? from : undefined;
    const userId = fromUserId ?? (from !== undefined && phone === undefined ? from : undefined);
    const message = {
      ...(phone ? { from: phone } : {}),
      ...(userId ? { from_user_id: userId } : {}),
      ...fields,
      id: fields.id ?? newWamid(),
      timestamp: String(fields.timestamp ?? Math.floor(Date.now() / 1000)),
    };
    const profile = { ...(name ? { name } : {}), ...(username ? { username } : {}) };
    const answer = await deps.postToWebhook(messagesWebhook({ phoneNumberId: deps.phoneNumberId }, message, profile));
    if (!answer.ok) return sendJson(response, answer.status, { error: await answer.text() });
    sendJson(response, 200, { id: message.id });
  }

  async function postMedia(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const mimeType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (mimeType === '') return sendJson(response, 400, { error: 'Content-Type is required' });
    const bytes = await readBody(request, 100 * 1024 * 1024);
    if (bytes.length === 0) return sendJson(response, 400, { error: 'empty body' });
    sendJson(response, 200, { id: deps.graph.putMedia(bytes, mimeType) });
  }

  async function postPrices(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const catalog = deps.editablePrices;
    if (catalog === undefined) {
      return sendJson(response, 409, {
        error: "prices come from the store's product API (API_URL), or are in the deployed bundle, not from this simulator",
      });
    }
    const parsed = pricesSchema.safeParse(await readJson(request));
    if (!parsed.success) return sendJson(response, 400, { error: 'expected {"<productId>": <price in whole tenge>, …}' });
    const unknown = [];
    for (const productId of Object.keys(parsed.data)) {
      if ((await catalog.get(productId)) === undefined) unknown.push(productId);
    }
    if (unknown.length > 0) return sendJson(response, 404, { error: `unknown products: ${unknown.join(', ')}` });
    await catalog.replacePrices(parsed.data);
    sendJson(response, 200, { updated: Object.keys(parsed.data).length });
  }

  // --- simulator page routes ---

  /** The customer saw a message: WhatsApp reports it `read`, through the same path as `sent` and `delivered`. */
  async function postRead(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = readReceiptSchema.safeParse(await readJson(request));
    if (!parsed.success) return sendJson(response, 400, { error: 'expected {"wa_id": "…", "id": "wamid.…"}' });
    const { wa_id: waId, id } = parsed.data;
    const shown = deps.conversations.messages(waId).find((message) => message.direction === 'out' && message.id === id);
    if (shown === undefined) return sendJson(response, 404, { error: `no message ${id} was sent to ${waId}` });
    // As Meta reports it: the phone number when it knows one, and the BSUID.
    const contact = deps.conversations.contactOf(waId);
    const phone = contact.phone ?? (isBusinessScopedUserId(waId) ? undefined : waId);
    deps.reportStatus({
      id,
      status: 'read',
      timestamp: Math.floor(Date.now() / 1000),
      ...(phone ? { recipient_id: phone } : {}),
      ...(contact.userId ? { recipient_user_id: contact.userId } : {}),
    });
    sendJson(response, 200, { success: true });
  }

  /** The customer's stored profile, as the consumer loads it, with the names of the products they viewed. */
  async function getProfile(waId: string, response: ServerResponse): Promise<void> {
    // The repository reads memory alongside the profile; one line is the least DynamoDB's Limit allows.
    const key = (await deps.identities.keysOf([waId])).get(waId) ?? waId;
    const { profile } = await deps.customers.load(key, 1);
    if (profile === undefined) return sendJson(response, 404, { error: `no stored profile for ${waId} yet` });
    const recentViews = await Promise.all(
      profile.recentViews.map(async (productId) => {
        const product = await deps.catalog.get(productId).catch(() => undefined);
        return product === undefined ? { id: productId } : { id: productId, name: product.name, price: product.price };
      }),
    );
    sendJson(response, 200, { ...profile, recentViews });
  }

  /** What a customer sent as a photo or a voice note, so the page can show it again after a reload. */
  function getMedia(mediaId: string, response: ServerResponse): void {
    const media = deps.graph.getMedia(mediaId);
    if (media === undefined) return sendJson(response, 404, { error: 'no such media' });
    response.writeHead(200, { 'content-type': media.mimeType, 'content-length': String(media.bytes.length) }).end(media.bytes);
  }

  async function handleSimulatorPage(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (request.method === 'POST' && path === '/sim/api/read') {
      await postRead(request, response);
      return true;
    }
    const profileOf = request.method === 'GET' ? PROFILE_PATH.exec(path)?.[1] : undefined;
    if (profileOf !== undefined) {
      await getProfile(profileOf, response);
      return true;
    }
    const mediaId = request.method === 'GET' ? MEDIA_PATH.exec(path)?.[1] : undefined;
    if (mediaId !== undefined) {
      getMedia(mediaId, response);
      return true;
    }
    return false;
  }

  // --- end of simulator page routes ---

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (await handleSimulatorPage(request, response, url.pathname)) return true;
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case 'GET /sim/api/messages': {
        const waId = url.searchParams.get('wa_id');
        if (!waId) sendJson(response, 400, { error: 'wa_id is required' });
        else sendJson(response, 200, deps.conversations.messages(waId));
        return true;
      }
      case 'GET /sim/api/customers':
        sendJson(response, 200, deps.conversations.customers());
        return true;
      case 'POST /sim/api/messages':
        await postMessage(request, response);
        return true;
      case 'POST /sim/api/media':
        await postMedia(request, response);
        return true;
      case 'POST /sim/api/catalog/prices':
        await postPrices(request, response);
        return true;
      default:
        return false;
    }
  };
}
