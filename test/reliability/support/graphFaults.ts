import type { FaultInjector, InjectedFault } from '../../../local/graph/graphStandIn';
import type { Random } from '../../../scripts/seededRandom';

export interface TransientGraphFaultOptions {
  random: Random;
  /** Share of message requests (sends and read receipts) answered 429 with Meta's throughput-limit code. */
  rate429: number;
  /** Share answered 500 "something went wrong". */
  rate500: number;
  /**
   * At most this many failures in a row for the same request, so that the
   * client's retries (4 attempts) always get it through: the faults are
   * transient. A send that fails past its retries is a sustained outage,
   * which test/reliability/sustainedGraphOutage.test.ts covers.
   */
  maxConsecutive: number;
}

export interface TransientGraphFaults {
  inject: FaultInjector;
  /** Faults are injected from now on: the runtime's own start-up (template sync) goes through first. */
  activate(): void;
  counts: { requests: number; answered429: number; answered500: number };
}

const throughputLimit = (): InjectedFault => ({
  status: 429,
  body: { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'AbCdEf' } },
});

/** Meta's answer when something went wrong on its side; retried by the client. */
export const somethingWentWrong = (): InjectedFault => ({
  status: 500,
  body: { error: { message: '(#131000) Something went wrong', type: 'OAuthException', code: 131000, fbtrace_id: 'GhIjKl' } },
});

/** A message sent to a customer (not a read receipt, which posts a status to the same path). */
export const isMessageSend: (request: Parameters<FaultInjector>[0]) => boolean = (request) =>
  request.method === 'POST' && request.path.endsWith('/messages') && (request.body as { status?: string }).status === undefined;

/** The Graph API stand-in's fault hook, failing message requests at random but never past the client's retries. */
export function transientGraphFaults(options: TransientGraphFaultOptions): TransientGraphFaults {
  const failuresInARow = new Map<string, number>();
  const counts = { requests: 0, answered429: 0, answered500: 0 };
  let active = false;

  const inject: FaultInjector = (request) => {
    if (!active || request.method !== 'POST' || !request.path.endsWith('/messages')) return undefined;
    counts.requests += 1;
    const key = JSON.stringify(request.body);
    const inARow = failuresInARow.get(key) ?? 0;
    const draw = options.random();
    if (inARow < options.maxConsecutive && draw < options.rate429 + options.rate500) {
      failuresInARow.set(key, inARow + 1);
      if (draw < options.rate429) {
        counts.answered429 += 1;
        return throughputLimit();
      }
      counts.answered500 += 1;
      return somethingWentWrong();
    }
    failuresInARow.delete(key);
    return undefined;
  };

  return {
    inject,
    activate: () => {
      active = true;
    },
    counts,
  };
}
