import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_ACCOUNT_ID } from './queueAddress';
import { isJsonObject, type JsonObject } from './requestParameters';
import { asSqsProtocolError, SqsProtocolError } from './sqsProtocolError';
import { SQS_OPERATIONS, type QueueRegistry, type SqsOperation } from './sqsOperations';

export type { QueueRegistry } from './sqsOperations';

export interface SqsRequestHandlerOptions {
  /** Where the handler is mounted, e.g. `/sqs`: the SDK's endpoint and the root of every queue URL. */
  readonly pathPrefix: string;
  readonly accountId?: string;
  readonly region?: string;
  /** Told of failures that are the server's fault (answered as InternalFailure); console.error by default. */
  readonly onInternalError?: (error: unknown) => void;
}

export type SqsRequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AmazonSQS.';
/** Ten messages at SQS's size limit, with room for JSON escapes and base64 binary attributes. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * A node:http handler speaking SQS's AWS JSON 1.0 protocol, as @aws-sdk/client-sqs does:
 * POST with `X-Amz-Target: AmazonSQS.<Operation>` to the endpoint (the SDK posts to
 * `<endpoint>/`, whatever the queue URL) or to a queue URL under it.
 */
export function createSqsRequestHandler(queues: QueueRegistry, options: SqsRequestHandlerOptions): SqsRequestHandler {
  const pathPrefix = options.pathPrefix.replace(/\/+$/, '');
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const region = options.region ?? 'us-east-1';
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error('local SQS failed a request', error));
  return async (request, response) => {
    const requestId = randomUUID();
    const hangUp = new AbortController();
    response.on('close', () => hangUp.abort());
    try {
      if (!isUnder(pathnameOf(request), pathPrefix)) {
        throw new SqsProtocolError('InvalidAddress', `The address ${request.url ?? ''} is not valid for this endpoint.`);
      }
      const input = await readJsonBody(request);
      const output = await operationOf(request)(input, {
        queues,
        origin: `http://${request.headers.host ?? '127.0.0.1'}`,
        pathPrefix,
        accountId,
        region,
        signal: hangUp.signal,
      });
      writeJson(response, 200, output, { 'x-amzn-requestid': requestId });
    } catch (error) {
      const protocolError = asSqsProtocolError(error);
      if (protocolError === undefined) onInternalError(error);
      writeError(response, protocolError ?? new SqsProtocolError('InternalFailure', 'The request processing has failed.'), requestId);
    }
  };
}

function pathnameOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

function isUnder(pathname: string, pathPrefix: string): boolean {
  return pathPrefix === '' || pathname === pathPrefix || pathname.startsWith(`${pathPrefix}/`);
}

function operationOf(request: IncomingMessage): SqsOperation {
  const target = request.headers['x-amz-target'];
  const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const operation = name === undefined ? undefined : SQS_OPERATIONS.get(name);
  if (request.method !== 'POST' || operation === undefined) {
    throw new SqsProtocolError('UnknownOperationException', `Unsupported operation ${String(target ?? request.method)}.`);
  }
  return operation;
}

/** Reads the whole body even past the limit, so that the connection stays usable for the error answer. */
async function readJsonBody(request: IncomingMessage): Promise<JsonObject> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
  }
  if (size > MAX_REQUEST_BYTES) {
    throw new SqsProtocolError('SerializationException', `The request body exceeds ${MAX_REQUEST_BYTES} bytes.`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SqsProtocolError('SerializationException', 'The request body is not valid JSON.');
  }
  if (!isJsonObject(parsed)) throw new SqsProtocolError('SerializationException', 'The request body must be a JSON object.');
  return parsed;
}

function writeError(response: ServerResponse, error: SqsProtocolError, requestId: string): void {
  const { type, queryCode, status } = error.shape;
  writeJson(
    response,
    status,
    { __type: type, message: error.message },
    { 'x-amzn-requestid': requestId, 'x-amzn-query-error': `${queryCode};${status >= 500 ? 'Receiver' : 'Sender'}` },
  );
}

function writeJson(response: ServerResponse, status: number, body: JsonObject, headers: Record<string, string>): void {
  // A client that hung up during a long poll has nobody left to answer.
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(text, 'utf8') });
  response.end(text);
}
