import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { writeApiGatewayResult } from '../apiGatewayEvent';
import type { DeployedDistribution } from './localDeployment';

/** AWS's managed cache policies the stack uses, by id: how long they keep an answer. */
const MANAGED_CACHE_POLICIES: Readonly<Record<string, { defaultTtl: number; maxTtl: number } | undefined>> = {
  // CachingOptimized: Cache-Control decides, one day when it says nothing; path only in the key.
  '658327ea-f89d-4fab-a63d-7e88639e58f6': { defaultTtl: 86_400, maxTtl: 31_536_000 },
  // CachingDisabled.
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': undefined,
};

interface Cached {
  result: APIGatewayProxyResultV2;
  expiresAt: number;
}

export interface CloudFrontStats {
  hits: number;
  misses: number;
}

/** CloudFront's path patterns: `*` is any run of characters, `/` included. */
function matches(pattern: string, path: string): boolean {
  const expression = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${expression.startsWith('/') ? expression : `/${expression}`}$`).test(path) || pattern === '*';
}

function maxAgeOf(result: APIGatewayProxyResultV2): number | undefined {
  if (typeof result === 'string') return undefined;
  const header = Object.entries(result.headers ?? {}).find(([name]) => name.toLowerCase() === 'cache-control')?.[1];
  const maxAge = /max-age=(\d+)/.exec(String(header ?? ''))?.[1];
  return maxAge === undefined ? undefined : Number(maxAge);
}

/**
 * A distribution of the template on this machine, at `/cloudfront/<id>/…` of
 * the runtime's origin (the functions' CATALOG_IMAGE_BASE_URL is mapped
 * there): each request takes the behavior its path matches, is answered from
 * the cache while the cache policy keeps the origin's answer (Cache-Control
 * max-age, else the policy's default), and otherwise goes to the origin — the
 * HTTP API's route — without its query string, as the policies forward none.
 */
export class CloudFrontStandIn {
  private readonly cache = new Map<string, Cached>();
  private readonly counts: CloudFrontStats = { hits: 0, misses: 0 };

  constructor(
    private readonly distribution: DeployedDistribution,
    private readonly origin: (request: IncomingMessage, path: string) => Promise<APIGatewayProxyResultV2 | undefined>,
    private readonly now: () => number = Date.now,
  ) {}

  get domainName(): string {
    return this.distribution.domainName;
  }

  get prefix(): string {
    return `/cloudfront/${this.distribution.id}`;
  }

  stats(): CloudFrontStats {
    return { ...this.counts };
  }

  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (!path.startsWith(`${this.prefix}/`)) return false;
    const viewerPath = path.slice(this.prefix.length);
    const behavior = this.distribution.behaviors.find((candidate) => matches(candidate.pathPattern, viewerPath));
    if (behavior === undefined || !behavior.allowedMethods.includes(request.method ?? 'GET')) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('This distribution is not configured to allow this request method.');
      return true;
    }
    const policy = MANAGED_CACHE_POLICIES[behavior.cachePolicyId];
    const key = `${behavior.pathPattern} ${viewerPath}`;
    const cached = this.cache.get(key);
    if (policy !== undefined && cached !== undefined && cached.expiresAt > this.now()) {
      this.counts.hits += 1;
      writeApiGatewayResult(response, cached.result);
      return true;
    }
    this.counts.misses += 1;
    // The origin sees the path alone: the cache policies forward no query string.
    const forwarded = Object.assign(Object.create(request) as IncomingMessage, { url: viewerPath });
    const result = (await this.origin(forwarded, viewerPath)) ?? { statusCode: 404, body: JSON.stringify({ message: 'Not Found' }) };
    const status = typeof result === 'string' ? 200 : (result.statusCode ?? 200);
    if (policy !== undefined && status === 200) {
      const seconds = Math.min(maxAgeOf(result) ?? policy.defaultTtl, policy.maxTtl);
      this.cache.set(key, { result, expiresAt: this.now() + seconds * 1000 });
    }
    writeApiGatewayResult(response, result);
    return true;
  }
}
