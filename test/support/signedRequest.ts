import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signBody } from '../../functions/webhook/signature';

export const APP_SECRET = 'test-app-secret';

/** An API Gateway HTTP API event for POST /webhook, as AWS builds it. */
export function webhookEvent(
  body: string | Buffer,
  options: { signature?: string | null; base64?: boolean; method?: string; query?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = options.signature === undefined ? signBody(raw, APP_SECRET) : options.signature;
  const method = options.method ?? 'POST';
  return {
    version: '2.0',
    routeKey: `${method} /webhook`,
    rawPath: '/webhook',
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test.execute-api.local',
      domainPrefix: 'test',
      http: { method, path: '/webhook', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'facebookexternalua' },
      requestId: 'req',
      routeKey: `${method} /webhook`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: options.base64 ? raw.toString('base64') : raw.toString('utf8'),
    isBase64Encoded: options.base64 ?? false,
  };
}
