import type { RouteThrottle } from './localDeployment';

/**
 * API Gateway's request limits as the template sets them on the stage: a
 * token bucket per route key (`POST /webhook`), the stage default for routes
 * without their own. A request past its route's bucket is answered 429 before
 * any function runs, whatever the other routes are doing.
 */
export class RouteThrottles {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: { byRoute: Record<string, RouteThrottle>; fallback: RouteThrottle | undefined },
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token from the route's bucket; false when it is empty (API Gateway answers 429). */
  admit(routeKey: string): boolean {
    const limit = this.limits.byRoute[routeKey] ?? this.limits.fallback;
    if (limit === undefined) return true;
    const now = this.now();
    const bucket = this.buckets.get(routeKey) ?? { tokens: limit.burstLimit, at: now };
    bucket.tokens = Math.min(limit.burstLimit, bucket.tokens + ((now - bucket.at) / 1000) * limit.rateLimit);
    bucket.at = now;
    this.buckets.set(routeKey, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
