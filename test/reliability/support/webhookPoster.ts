import { signBody } from '../../../functions/webhook/signature';

export interface WebhookPoster {
  /** Posts a raw body signed with the app secret; resolves with the HTTP status. */
  post(body: string): Promise<number>;
  /** Requests made so far, by status. */
  statuses: Map<number, number>;
}

/** Signed POSTs to /webhook, at most `maxInFlight` at a time so the load stays bounded on a 2-core machine. */
export function webhookPoster(url: string, appSecret: string, maxInFlight: number): WebhookPoster {
  const statuses = new Map<number, number>();
  const waiting: Array<() => void> = [];
  let inFlight = 0;

  async function post(body: string): Promise<number> {
    if (inFlight >= maxInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
    try {
      const response = await fetch(`${url}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, appSecret) },
        body,
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return response.status;
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  }

  return { post, statuses };
}
