import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../apiGatewayEvent';
import {
  AWS_SERVICES,
  decodeAwsRequest,
  signedScope,
  UndecodableAwsRequestError,
  type AwsService,
  type DecodedAwsCall,
  type DecodingContext,
} from './awsRequestDecoding';
import { describeDenial, type AuthorizedCall, type CallerPrincipal, type IamAuthorizer } from './iamAuthorizer';

/** Where a service's requests go once allowed: a local server, and the path it is mounted under there. */
export interface ServiceUpstream {
  origin: string;
  mount: string;
}

export interface AwsFrontDoorConfiguration {
  upstreams: Record<AwsService, ServiceUpstream>;
  authorizer: IamAuthorizer;
  decoding: DecodingContext;
}

/** The credentials one caller's SDK clients sign with: Lambda hands a function its role's session the same way. */
export interface SessionCredentials {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN: string;
}

/** s3rver checks signatures against its one key pair; the session token tells callers apart. */
const SIGNING_KEY = { id: 'S3RVER', secret: 'S3RVER' } as const;

function isAwsService(service: string): service is AwsService {
  return (AWS_SERVICES as readonly string[]).includes(service);
}

/** AccessDenied as each protocol spells it, so the SDK raises the same error it raises in AWS. */
function writeAccessDenied(response: ServerResponse, service: AwsService, message: string): void {
  const requestId = randomUUID();
  if (service === 's3') {
    response
      .writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': requestId })
      .end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      );
    return;
  }
  if (service === 'scheduler') {
    response
      .writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': requestId })
      .end(JSON.stringify({ Message: message }));
    return;
  }
  const jsonVersion = service === 'secretsmanager' ? '1.1' : '1.0';
  response
    .writeHead(400, {
      'content-type': `application/x-amz-json-${jsonVersion}`,
      'x-amzn-requestid': requestId,
      ...(service === 'sqs' ? { 'x-amzn-query-error': 'AccessDenied;Sender' } : {}),
    })
    .end(JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message, Message: message }));
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The one endpoint every AWS SDK client of the deployed functions talks to.
 * It reads the service from the SigV4 credential scope and the caller from
 * the session token, decodes what the request asks IAM for, evaluates it
 * against the caller's role policies, and either answers AccessDenied as AWS
 * would or forwards the request untouched (Host included, so signatures still
 * verify) to the local server playing that service.
 */
export class AwsFrontDoor {
  private readonly sessions = new Map<string, CallerPrincipal>();
  private server: Server | undefined;
  private origin = '';
  private configuration: AwsFrontDoorConfiguration | undefined;

  /** What it forwards to and how it decides: known once the local servers run, after the front door's own port is. */
  configure(configuration: AwsFrontDoorConfiguration): void {
    this.configuration = configuration;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent)
          response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
        else response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  get url(): string {
    return this.origin;
  }

  /** The endpoint a service's client must use (its mount point included, as the local servers expect). */
  endpointOf(service: AwsService): string {
    return `${this.origin}${this.configured().upstreams[service].mount}`;
  }

  /** Opens a session for a caller: the credentials to put in its environment. */
  credentialsFor(principal: CallerPrincipal): SessionCredentials {
    const token = `ZetaLocalSession/${principal.caller}/${randomBytes(12).toString('hex')}`;
    this.sessions.set(token, principal);
    return { AWS_ACCESS_KEY_ID: SIGNING_KEY.id, AWS_SECRET_ACCESS_KEY: SIGNING_KEY.secret, AWS_SESSION_TOKEN: token };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private configured(): AwsFrontDoorConfiguration {
    if (this.configuration === undefined) throw new Error('the AWS front door is not configured yet');
    return this.configuration;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { upstreams, authorizer, decoding } = this.configured();
    const body = await readBody(request);
    const scope = signedScope(request.headers);
    const service = scope.service;
    if (!isAwsService(service)) {
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `no local stand-in for ${service}` }));
      return;
    }
    const principal = scope.sessionToken === undefined ? undefined : this.sessions.get(scope.sessionToken);
    if (principal === undefined) {
      writeAccessDenied(response, service, 'The security token included in the request is invalid.');
      return;
    }
    const upstream = upstreams[service];
    const url = new URL(request.url ?? '/', this.origin);
    const path = url.pathname.startsWith(upstream.mount) ? url.pathname.slice(upstream.mount.length) || '/' : url.pathname;
    let call: DecodedAwsCall;
    try {
      call = decodeAwsRequest(
        service,
        { method: request.method ?? 'GET', path, query: url.searchParams, headers: request.headers, body },
        decoding,
      );
    } catch (error) {
      if (!(error instanceof UndecodableAwsRequestError)) throw error;
      await authorizer.authorize(principal, 'Undecoded', [{ action: `${service}:?`, resource: error.message, context: {} }]);
      writeAccessDenied(response, service, error.message);
      return;
    }
    const decided = await authorizer.authorize(principal, call.operation, call.actions);
    const denied = decided.find((decision: AuthorizedCall) => decision.decision !== 'Allowed');
    if (denied !== undefined) {
      writeAccessDenied(response, service, describeDenial(denied));
      return;
    }
    await this.forward(request, body, upstream, response);
  }

  private forward(request: IncomingMessage, body: Buffer, upstream: ServiceUpstream, response: ServerResponse): Promise<void> {
    const target = new URL(upstream.origin);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, 'content-length': String(body.length) },
        },
        (upstreamResponse) => {
          response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(response);
          upstreamResponse.on('end', () => resolve());
          upstreamResponse.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}
