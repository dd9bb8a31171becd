import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { CloudWatchLogsEvent } from 'aws-lambda';
import type { LogSubscription } from './localDeployment';

/** A log event as CloudWatch Logs keeps it. */
interface LogEvent {
  id: string;
  timestamp: number;
  message: string;
}

/** How long CloudWatch Logs gathers a subscription's events into one delivery, at most (it is seconds in AWS). */
const BATCH_WINDOW_MS = 200;

export class UnsupportedFilterPatternError extends Error {
  override readonly name = 'UnsupportedFilterPatternError';
}

/**
 * The JSON filter patterns the stack uses: `{ $.a.b = "*" }` (the field is
 * there, any value) and `{ $.a.b = "text" }`. Anything else is refused when
 * the stack is read, rather than matched wrongly.
 */
export function jsonFilterMatcher(pattern: string): (line: string) => boolean {
  const match = /^\{\s*\$\.([\w.]+)\s*=\s*"([^"]*)"\s*\}$/.exec(pattern.trim());
  if (match === null) throw new UnsupportedFilterPatternError(`filter pattern ${pattern} is not modelled locally`);
  const [, path = '', expected = ''] = match;
  return (line) => {
    let value: unknown;
    try {
      value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], JSON.parse(line));
    } catch {
      return false;
    }
    if (value === undefined || value === null) return false;
    return expected === '*' || String(value) === expected;
  };
}

/**
 * The log groups' subscription filters: each matching line, batched as
 * CloudWatch Logs batches them, is delivered (gzip'd JSON, base64) to the
 * subscription's destination function.
 */
export class LogSubscriptions {
  private readonly pending = new Map<string, { subscription: LogSubscription; events: LogEvent[]; logStream: string }>();
  private readonly matchers: Array<{ subscription: LogSubscription; matches: (line: string) => boolean }>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    subscriptions: readonly LogSubscription[],
    private readonly account: { accountId: string },
    private readonly deliver: (subscription: LogSubscription, event: CloudWatchLogsEvent) => Promise<void>,
  ) {
    this.matchers = subscriptions.map((subscription) => ({ subscription, matches: jsonFilterMatcher(subscription.filterPattern) }));
  }

  /** A line a function wrote to its log group. */
  offer(logGroupName: string, logStream: string, line: string): void {
    for (const { subscription, matches } of this.matchers) {
      if (subscription.logGroupName !== logGroupName || !matches(line)) continue;
      const batch = this.pending.get(subscription.name) ?? { subscription, events: [], logStream };
      batch.events.push({ id: randomUUID().replaceAll('-', ''), timestamp: Date.now(), message: line });
      this.pending.set(subscription.name, batch);
      this.timer ??= setTimeout(() => void this.flush(), BATCH_WINDOW_MS);
    }
  }

  /** Delivers what is gathered now (stopping the runtime, tests that wait for the ledger). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(
      batches.map(({ subscription, events, logStream }) => {
        const data = {
          messageType: 'DATA_MESSAGE',
          owner: this.account.accountId,
          logGroup: subscription.logGroupName,
          logStream,
          subscriptionFilters: [subscription.name],
          logEvents: events,
        };
        return this.deliver(subscription, { awslogs: { data: gzipSync(JSON.stringify(data)).toString('base64') } });
      }),
    );
  }
}
